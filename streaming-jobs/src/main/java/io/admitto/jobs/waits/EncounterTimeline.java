package io.admitto.jobs.waits;

/**
 * What is known of one visit's steps: the earliest instant reported for each (a repeated or corrected
 * event can only move a step earlier, never later), which phases were already measured, and whether
 * the visit's row was written. Kept in keyed state; a public record, so Flink serializes it as a POJO.
 *
 * @param measuredPhases bit set over {@link WaitPhase#ordinal()}
 * @param closedAt event time at which the row was written, or null while open
 */
public record EncounterTimeline(
        String facilityId,
        String department,
        Long firstSeenAt,
        Long arrivedAt,
        Long registrationStartedAt,
        Long registrationCompletedAt,
        Long screenedAt,
        Long serviceStartedAt,
        Long departedAt,
        int measuredPhases,
        Long closedAt) {

    static EncounterTimeline empty() {
        return new EncounterTimeline(null, null, null, null, null, null, null, null, null, 0, null);
    }

    Long at(VisitStep step) {
        return switch (step) {
            case ARRIVED -> arrivedAt;
            case REGISTRATION_STARTED -> registrationStartedAt;
            case REGISTRATION_COMPLETED -> registrationCompletedAt;
            case MEDICAL_SCREENING -> screenedAt;
            case SERVICE_STARTED -> serviceStartedAt;
            case DEPARTED -> departedAt;
        };
    }

    /** With {@code event}'s step at the earlier of its known instant and the event's; the place comes from the arrival. */
    EncounterTimeline with(VisitStepEvent event) {
        long time = event.eventTimeMillis();
        Long known = at(event.step());
        Long at = known == null ? time : Math.min(known, time);
        boolean placeFromThis = facilityId == null || (event.step() == VisitStep.ARRIVED && event.department() != null);
        String facility = placeFromThis ? event.facilityId() : facilityId;
        String place = placeFromThis && event.department() != null ? event.department() : department;
        Long first = firstSeenAt == null ? time : Math.min(firstSeenAt, time);
        return new EncounterTimeline(facility, place, first,
                event.step() == VisitStep.ARRIVED ? at : arrivedAt,
                event.step() == VisitStep.REGISTRATION_STARTED ? at : registrationStartedAt,
                event.step() == VisitStep.REGISTRATION_COMPLETED ? at : registrationCompletedAt,
                event.step() == VisitStep.MEDICAL_SCREENING ? at : screenedAt,
                event.step() == VisitStep.SERVICE_STARTED ? at : serviceStartedAt,
                event.step() == VisitStep.DEPARTED ? at : departedAt,
                measuredPhases, closedAt);
    }

    /** When the phase ended, if both its steps are known and it ends after it starts. */
    Long endOf(WaitPhase phase) {
        Long from = at(phase.from());
        Long to = at(phase.to());
        return from != null && to != null && to >= from ? to : null;
    }

    Double seconds(WaitPhase phase) {
        Long end = endOf(phase);
        return end == null ? null : (end - at(phase.from())) / 1000.0;
    }

    boolean measured(WaitPhase phase) {
        return (measuredPhases & (1 << phase.ordinal())) != 0;
    }

    EncounterTimeline withMeasured(WaitPhase phase) {
        return new EncounterTimeline(facilityId, department, firstSeenAt, arrivedAt, registrationStartedAt, registrationCompletedAt,
                screenedAt, serviceStartedAt, departedAt, measuredPhases | (1 << phase.ordinal()), closedAt);
    }

    EncounterTimeline closed(long at) {
        return new EncounterTimeline(facilityId, department, firstSeenAt, arrivedAt, registrationStartedAt, registrationCompletedAt,
                screenedAt, serviceStartedAt, departedAt, measuredPhases, at);
    }
}
