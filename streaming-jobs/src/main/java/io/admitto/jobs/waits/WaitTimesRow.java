package io.admitto.jobs.waits;

import java.time.Instant;

/** One row of {@code wait_times}. */
public record WaitTimesRow(
        String encounterId,
        String facilityId,
        String department,
        Instant arrivedAt,
        Instant registrationStartedAt,
        Instant registrationCompletedAt,
        Instant medicalScreeningAt,
        Instant serviceStartedAt,
        Instant departedAt,
        Double arrivalToRegistrationSeconds,
        Double registrationToServiceSeconds,
        Double arrivalToScreeningSeconds,
        Double arrivalToServiceSeconds,
        Double lengthOfStaySeconds) {

    static WaitTimesRow of(String encounterId, EncounterTimeline timeline) {
        return new WaitTimesRow(encounterId, timeline.facilityId(), timeline.department(),
                instant(timeline.arrivedAt()), instant(timeline.registrationStartedAt()), instant(timeline.registrationCompletedAt()),
                instant(timeline.screenedAt()), instant(timeline.serviceStartedAt()), instant(timeline.departedAt()),
                timeline.seconds(WaitPhase.ARRIVAL_TO_REGISTRATION), timeline.seconds(WaitPhase.REGISTRATION_TO_SERVICE),
                timeline.seconds(WaitPhase.ARRIVAL_TO_SCREENING), timeline.seconds(WaitPhase.ARRIVAL_TO_SERVICE),
                timeline.departedAt() == null || timeline.arrivedAt() == null || timeline.departedAt() < timeline.arrivedAt()
                        ? null : (timeline.departedAt() - timeline.arrivedAt()) / 1000.0);
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    /** The values in the column order of {@code Tables.WAIT_TIMES}. */
    public Object[] columnValues() {
        return new Object[] {encounterId, facilityId, department, arrivedAt, registrationStartedAt, registrationCompletedAt,
                medicalScreeningAt, serviceStartedAt, departedAt, arrivalToRegistrationSeconds, registrationToServiceSeconds,
                arrivalToScreeningSeconds, arrivalToServiceSeconds, lengthOfStaySeconds};
    }
}
