package io.admitto.jobs.kpi;

import io.admitto.events.AuthorizationDecision;
import io.admitto.events.AuthorizationRequest;
import io.admitto.events.CanonicalEvent;
import io.admitto.events.ClaimAcknowledgment;
import io.admitto.events.ClaimAdjustment;
import io.admitto.events.ClaimRemittance;
import io.admitto.events.CoverageStatus;
import io.admitto.events.EligibilityResponse;
import io.admitto.events.EventType;
import io.admitto.events.Insurance;
import io.admitto.events.PatientFlowEvent;
import io.admitto.events.PlanType;
import io.admitto.events.PointOfServicePayment;
import io.admitto.events.RegistrationEvent;
import io.admitto.events.ServiceLinePayment;
import io.admitto.jobs.denials.DenialCategory;
import io.admitto.jobs.quality.RegistrationQualityRow;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static java.util.Objects.requireNonNull;

/**
 * What the KPIs need to know about one encounter, and nothing more: a few instants, codes and amounts
 * instead of the events themselves, so that it stays small in keyed state (see
 * {@link EncounterFactsSerializer}). The fold is commutative and idempotent — each fact keeps the
 * latest registration (by time, type, id, as qa-rules does) or the earliest instant, and lists hold
 * each event id once, sorted by id — so events in any order, and repeated, give the same facts.
 *
 * <p>Days are the facility's local dates (the offset an event carries is its facility's) as epoch days.
 *
 * @param newestAt event time of the newest event folded in; the state expires a horizon after it
 * @param registration the latest registration event; null before the first
 * @param quality the latest assessment (registration_quality version); null before the first
 */
public record EncounterFacts(
        String facilityId,
        long newestAt,
        Registration registration,
        Milestones milestones,
        Coverage coverage,
        Flow flow,
        List<Payment> payments,
        List<Remittance> remittances,
        List<Acknowledgment> acknowledgments,
        Quality quality) {

    private static final Comparator<Identified> BY_ID = Comparator.comparing(Identified::id);

    public EncounterFacts {
        requireNonNull(facilityId, "facilityId is null");
        requireNonNull(milestones, "milestones is null");
        requireNonNull(coverage, "coverage is null");
        requireNonNull(flow, "flow is null");
        payments = List.copyOf(payments);
        remittances = List.copyOf(remittances);
        acknowledgments = List.copyOf(acknowledgments);
    }

    static EncounterFacts empty(String facilityId) {
        return new EncounterFacts(facilityId, Long.MIN_VALUE, null, Milestones.NONE, Coverage.NONE, Flow.NONE, List.of(), List.of(), List.of(), null);
    }

    /**
     * The latest registration event: where and what the encounter is.
     *
     * @param typeOrdinal {@link EventType} ordinal, the tie-breaker after time
     * @param patientClass HL7 PV1-2
     * @param primaryPayerId payer of the primary coverage (lowest IN1-22 priority); null when the patient
     *        has no coverage other than self-pay
     * @param serviceDay local date of the scheduled service (walk-ins: arrival); null when not given
     * @param bookedDay local date the appointment was booked; null for walk-ins and emergencies
     */
    public record Registration(long at, int typeOrdinal, long idHigh, long idLow, String department, String patientClass,
            String primaryPayerId, Integer serviceDay, Integer bookedDay, boolean cancelled) {

        static Registration of(RegistrationEvent event) {
            var service = event.scheduledService();
            return new Registration(millis(event.eventTime()), event.eventType().ordinal(), event.eventId().getMostSignificantBits(),
                    event.eventId().getLeastSignificantBits(), event.department(),
                    event.patientClass() == null ? null : event.patientClass().hl7Code(), primaryPayer(event),
                    service == null ? null : day(service.scheduledFor()), service == null ? null : day(service.scheduledAt()),
                    event.eventType() == EventType.REGISTRATION_CANCELLED);
        }

        boolean laterThan(Registration other) {
            if (at != other.at) {
                return at > other.at;
            }
            if (typeOrdinal != other.typeOrdinal) {
                return typeOrdinal > other.typeOrdinal;
            }
            return new UUID(idHigh, idLow).compareTo(new UUID(other.idHigh, other.idLow)) > 0;
        }
    }

    /**
     * When the encounter was first pre-registered and first registered (registered or admitted), and
     * whether the patient had coverage then.
     */
    public record Milestones(Long preRegisteredAt, Integer preRegisteredDay, Long registeredAt, Integer registeredDay,
            boolean insuredAtRegistration) {
        static final Milestones NONE = new Milestones(null, null, null, null, false);

        Milestones with(RegistrationEvent event) {
            long at = millis(event.eventTime());
            int day = day(event.eventTime());
            if (event.eventType() == EventType.REGISTRATION_PRE_REGISTERED && (preRegisteredAt == null || at < preRegisteredAt)) {
                return new Milestones(at, day, registeredAt, registeredDay, insuredAtRegistration);
            }
            if (event.eventType() == EventType.REGISTRATION_REGISTERED || event.eventType() == EventType.REGISTRATION_ADMITTED) {
                boolean insured = primaryPayer(event) != null;
                if (registeredAt == null || at < registeredAt) {
                    return new Milestones(preRegisteredAt, preRegisteredDay, at, day, insured);
                }
                if (at == registeredAt && insured && !insuredAtRegistration) {
                    // two registrations at the same instant: covered if either says so, whichever came first
                    return new Milestones(preRegisteredAt, preRegisteredDay, registeredAt, registeredDay, true);
                }
            }
            return this;
        }
    }

    /**
     * Eligibility and authorization: the earliest active 271 of each payer, whether any 271 (EB11) or a
     * 278 request said the service needs authorization, and the earliest certifying 278 decision.
     */
    public record Coverage(List<ActiveCoverage> active, boolean authorizationRequired, Long authorizedAt) {
        static final Coverage NONE = new Coverage(List.of(), false, null);

        public Coverage {
            active = List.copyOf(active);
        }

        Coverage with(EligibilityResponse response) {
            boolean required = authorizationRequired || Boolean.TRUE.equals(response.authorizationRequired());
            List<ActiveCoverage> updated = active;
            if (response.coverageStatus() == CoverageStatus.ACTIVE && response.rejections().isEmpty() && response.payerId() != null) {
                long at = millis(response.eventTime());
                ActiveCoverage known = activeFrom(response.payerId());
                if (known == null || at < known.at()) {
                    List<ActiveCoverage> list = new ArrayList<>(active);
                    list.removeIf(coverage -> coverage.payerId().equals(response.payerId()));
                    list.add(new ActiveCoverage(response.payerId(), at));
                    list.sort(Comparator.comparing(ActiveCoverage::payerId));
                    updated = list;
                }
            }
            return new Coverage(updated, required, authorizedAt);
        }

        Coverage withRequest() {
            return authorizationRequired ? this : new Coverage(active, true, authorizedAt);
        }

        Coverage with(AuthorizationDecision decision) {
            long at = millis(decision.eventTime());
            return decision.action().authorizes() && (authorizedAt == null || at < authorizedAt)
                    ? new Coverage(active, authorizationRequired, at)
                    : this;
        }

        ActiveCoverage activeFrom(String payerId) {
            for (ActiveCoverage coverage : active) {
                if (coverage.payerId().equals(payerId)) {
                    return coverage;
                }
            }
            return null;
        }
    }

    /** The earliest 271 from {@code payerId} that said the coverage is active (EB01=1, no AAA). */
    public record ActiveCoverage(String payerId, long at) {}

    /**
     * The visit's steps: the earliest report of each, the arrival's department, and whether the
     * arrival-to-registration wait was counted.
     */
    public record Flow(Long arrivedAt, String arrivalDepartment, Long registrationCompletedAt, Integer registrationCompletedDay,
            Long serviceStartedAt, boolean waitMeasured) {
        static final Flow NONE = new Flow(null, null, null, null, null, false);

        Flow with(PatientFlowEvent event) {
            long at = millis(event.eventTime());
            return switch (event.eventType()) {
                case FLOW_ARRIVED -> arrivedAt == null || at < arrivedAt
                        || at == arrivedAt && event.department() != null
                                && (arrivalDepartment == null || event.department().compareTo(arrivalDepartment) < 0)
                        ? new Flow(at, event.department(), registrationCompletedAt, registrationCompletedDay, serviceStartedAt, waitMeasured)
                        : this;
                case FLOW_REGISTRATION_COMPLETED -> registrationCompletedAt == null || at < registrationCompletedAt
                        ? new Flow(arrivedAt, arrivalDepartment, at, day(event.eventTime()), serviceStartedAt, waitMeasured)
                        : this;
                case FLOW_SERVICE_STARTED -> serviceStartedAt == null || at < serviceStartedAt
                        ? new Flow(arrivedAt, arrivalDepartment, registrationCompletedAt, registrationCompletedDay, at, waitMeasured)
                        : this;
                default -> this;
            };
        }

        Flow measured() {
            return new Flow(arrivedAt, arrivalDepartment, registrationCompletedAt, registrationCompletedDay, serviceStartedAt, true);
        }

        /** Arrival to registration complete, when both are known in that order. */
        Double waitSeconds() {
            return arrivedAt == null || registrationCompletedAt == null || registrationCompletedAt < arrivedAt
                    ? null
                    : (registrationCompletedAt - arrivedAt) / 1000.0;
        }
    }

    /** Something kept once per event id. */
    interface Identified {
        long idHigh();

        long idLow();

        default UUID id() {
            return new UUID(idHigh(), idLow());
        }
    }

    /** A point-of-service payment, in cents. */
    public record Payment(long idHigh, long idLow, long at, long cents) implements Identified {}

    /**
     * An 835 claim payment: its local day, CLP03 billed charges, and its denying CAS adjustments (claim and
     * service lines; never CLP02), of which {@code frontEndDenials} are preventable by patient access.
     */
    public record Remittance(long idHigh, long idLow, String claimId, long at, int day, long billedCents, int denials, int frontEndDenials)
            implements Identified {}

    /** A 277CA: its local day and whether any STC rejected the claim. */
    public record Acknowledgment(long idHigh, long idLow, int day, boolean rejected) implements Identified {}

    /** The latest assessment of the registration (registration_quality), with what it is attributed to. */
    public record Quality(int version, Integer serviceDay, String department, String registrarId, int errors, boolean clean) {}

    /** These facts with {@code event} folded in. */
    EncounterFacts with(CanonicalEvent event) {
        long newest = Math.max(newestAt, millis(event.eventTime()));
        Registration latest = registration;
        Milestones reached = milestones;
        Coverage covered = coverage;
        Flow steps = flow;
        List<Payment> paid = payments;
        List<Remittance> remitted = remittances;
        List<Acknowledgment> acknowledged = acknowledgments;
        UUID id = event.eventId();
        if (event instanceof RegistrationEvent update) {
            Registration candidate = Registration.of(update);
            if (latest == null || candidate.laterThan(latest)) {
                latest = candidate;
            }
            reached = milestones.with(update);
        }
        else if (event instanceof EligibilityResponse response) {
            covered = coverage.with(response);
        }
        else if (event instanceof AuthorizationRequest) {
            covered = coverage.withRequest();
        }
        else if (event instanceof AuthorizationDecision decision) {
            covered = coverage.with(decision);
        }
        else if (event instanceof PatientFlowEvent step) {
            steps = flow.with(step);
        }
        else if (event instanceof PointOfServicePayment payment) {
            paid = withOnce(payments, new Payment(id.getMostSignificantBits(), id.getLeastSignificantBits(), millis(payment.eventTime()),
                    cents(payment.amount())));
        }
        else if (event instanceof ClaimRemittance remittance) {
            remitted = withOnce(remittances, remittance(remittance));
        }
        else if (event instanceof ClaimAcknowledgment acknowledgment) {
            acknowledged = withOnce(acknowledgments, new Acknowledgment(id.getMostSignificantBits(), id.getLeastSignificantBits(),
                    day(acknowledgment.eventTime()), acknowledgment.rejected()));
        }
        return new EncounterFacts(facilityId, newest, latest, reached, covered, steps, paid, remitted, acknowledged, quality);
    }

    /** These facts with {@code assessment}, if it is newer than the one known. */
    EncounterFacts with(RegistrationQualityRow assessment) {
        if (quality != null && quality.version() >= assessment.version()) {
            return this;
        }
        Quality latest = new Quality(assessment.version(), assessment.serviceEpochDay(), assessment.department(), assessment.registrarId(),
                assessment.criticalCount() + assessment.errorCount(), assessment.clean());
        return new EncounterFacts(facilityId, Math.max(newestAt, assessment.assessedAt().toEpochMilli()), registration, milestones, coverage,
                flow, payments, remittances, acknowledgments, latest);
    }

    EncounterFacts withWaitMeasured() {
        return new EncounterFacts(facilityId, newestAt, registration, milestones, coverage, flow.measured(), payments, remittances,
                acknowledgments, quality);
    }

    /** Registered or admitted, and not cancelled since. */
    boolean registered() {
        return milestones.registeredAt() != null && registration != null && !registration.cancelled();
    }

    private static Remittance remittance(ClaimRemittance remittance) {
        List<ClaimAdjustment> adjustments = new ArrayList<>(remittance.adjustments());
        for (ServiceLinePayment line : remittance.serviceLines()) {
            adjustments.addAll(line.adjustments());
        }
        int denials = 0;
        int frontEnd = 0;
        for (ClaimAdjustment adjustment : adjustments) {
            DenialCategory category = DenialCategory.of(adjustment.groupCode(), adjustment.reasonCode());
            if (category.denial()) {
                denials++;
                frontEnd += category.frontEnd() ? 1 : 0;
            }
        }
        UUID id = remittance.eventId();
        return new Remittance(id.getMostSignificantBits(), id.getLeastSignificantBits(), remittance.claimId(), millis(remittance.eventTime()),
                day(remittance.eventTime()), cents(remittance.billedAmount()), denials, frontEnd);
    }

    /** {@code list} with {@code item}, unless its event id is already there; sorted by id, so equal facts are equal lists. */
    private static <T extends Identified> List<T> withOnce(List<T> list, T item) {
        Predicate<T> sameId = existing -> existing.idHigh() == item.idHigh() && existing.idLow() == item.idLow();
        if (list.stream().anyMatch(sameId)) {
            return list;
        }
        List<T> updated = new ArrayList<>(list.size() + 1);
        updated.addAll(list);
        updated.add(item);
        updated.sort(BY_ID);
        return updated;
    }

    /** The primary coverage's payer, or null when the registration has no coverage but self-pay (as qa-rules decides). */
    private static String primaryPayer(RegistrationEvent event) {
        Insurance primary = null;
        for (Insurance insurance : event.insurances()) {
            if (primary == null || insurance.priority() < primary.priority()) {
                primary = insurance;
            }
        }
        return primary == null || primary.planType() == PlanType.SELF_PAY ? null : primary.payerId();
    }

    static long millis(OffsetDateTime time) {
        return time.toInstant().toEpochMilli();
    }

    static Integer day(OffsetDateTime time) {
        return time == null ? null : Math.toIntExact(time.toLocalDate().toEpochDay());
    }

    private static long cents(BigDecimal amount) {
        return amount == null ? 0 : amount.movePointRight(2).longValueExact();
    }
}
