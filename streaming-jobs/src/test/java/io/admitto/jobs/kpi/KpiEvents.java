package io.admitto.jobs.kpi;

import io.admitto.events.AuthorizationDecision;
import io.admitto.events.CanonicalEvent;
import io.admitto.events.CertificationAction;
import io.admitto.events.ClaimAcknowledgment;
import io.admitto.events.ClaimAdjustment;
import io.admitto.events.ClaimRemittance;
import io.admitto.events.ClaimStatusCode;
import io.admitto.events.CoverageStatus;
import io.admitto.events.EligibilityResponse;
import io.admitto.events.EventSource;
import io.admitto.events.EventType;
import io.admitto.events.Insurance;
import io.admitto.events.PatientClass;
import io.admitto.events.PatientFlowEvent;
import io.admitto.events.PaymentMethod;
import io.admitto.events.PlanType;
import io.admitto.events.PointOfServicePayment;
import io.admitto.events.RegistrationEvent;
import io.admitto.events.ScheduledService;
import io.admitto.jobs.quality.RegistrationQualityRow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import static io.admitto.jobs.testing.TestEvents.eventId;

/** Events of one outpatient imaging visit of encounter E1 at F01 (Chicago, UTC-06:00), for the KPI specifications. */
final class KpiEvents {
    static final String ENCOUNTER = "E1";
    static final String FACILITY = "F01";
    /** The service date. */
    static final LocalDate DAY = LocalDate.parse("2026-03-02");
    static final int SERVICE_DAY = Math.toIntExact(DAY.toEpochDay());

    private KpiEvents() {}

    static OffsetDateTime at(String localDateTime) {
        return OffsetDateTime.parse(localDateTime + "-06:00");
    }

    static long millis(String localDateTime) {
        return at(localDateTime).toInstant().toEpochMilli();
    }

    static EventSource source(String id) {
        return new EventSource("test", id);
    }

    /** Booked on the 20th for 09:00 on the 2nd, insured by AETNA unless {@code payerId} is null. */
    static RegistrationEvent registration(EventType type, String id, String time, String department, String payerId) {
        List<Insurance> insurances = payerId == null ? List.of()
                : List.of(new Insurance(payerId, payerId, "P1", "Plan", PlanType.COMMERCIAL_PPO, "M1", null, null, 1, null, null, null, null, null));
        ScheduledService service = new ScheduledService("70450", "CPT", "CT head", at("2026-03-02T09:00:00"), at("2026-02-20T10:00:00"), 1);
        return new RegistrationEvent(eventId(id), type, at(time), source(id), FACILITY, CanonicalEvent.CURRENT_SCHEMA_VERSION, ENCOUNTER,
                null, PatientClass.OUTPATIENT, department, service, null, null, "R001", null, insurances, null, null, null);
    }

    static EligibilityResponse activeEligibility(String id, String time, String payerId, boolean authorizationRequired) {
        return new EligibilityResponse(eventId(id), EventType.ELIGIBILITY_RESPONSE, at(time), source(id), FACILITY,
                CanonicalEvent.CURRENT_SCHEMA_VERSION, ENCOUNTER, "T1", payerId, "M1", DAY, CoverageStatus.ACTIVE, List.of(), "Plan",
                null, null, null, null, null, null, authorizationRequired, true, false);
    }

    static AuthorizationDecision certified(String id, String time) {
        return new AuthorizationDecision(eventId(id), EventType.AUTHORIZATION_DECISION, at(time), source(id), FACILITY,
                CanonicalEvent.CURRENT_SCHEMA_VERSION, ENCOUNTER, "A1", "AETNA", CertificationAction.CERTIFIED_IN_TOTAL, "PA1", null, DAY,
                DAY.plusDays(30), 1, null);
    }

    static PointOfServicePayment payment(String id, String time, String amount) {
        return new PointOfServicePayment(eventId(id), EventType.PAYMENT_COLLECTED, at(time), source(id), FACILITY,
                CanonicalEvent.CURRENT_SCHEMA_VERSION, ENCOUNTER, new BigDecimal(amount), new BigDecimal(amount), PaymentMethod.CARD, "R001");
    }

    static PatientFlowEvent flow(EventType type, String id, String time, String department) {
        return new PatientFlowEvent(eventId(id), type, at(time), source(id), FACILITY, CanonicalEvent.CURRENT_SCHEMA_VERSION, ENCOUNTER,
                department, "R001");
    }

    /** An 835 for claim E1 billed at {@code billed}, with the given CAS adjustments as group-carc pairs of 10.00 each. */
    static ClaimRemittance remittance(String id, String time, String billed, String... adjustments) {
        List<ClaimAdjustment> cas = java.util.Arrays.stream(adjustments)
                .map(pair -> new ClaimAdjustment(pair.split("-")[0], pair.split("-")[1], new BigDecimal("10.00"), null))
                .toList();
        return new ClaimRemittance(eventId(id), EventType.CLAIM_REMITTANCE, at(time), source(id), FACILITY,
                CanonicalEvent.CURRENT_SCHEMA_VERSION, ENCOUNTER, ENCOUNTER, "AETNA", "PCN" + id, "1", new BigDecimal(billed), BigDecimal.ZERO,
                BigDecimal.ZERO, cas, List.of(), List.of(), DAY, DAY);
    }

    static ClaimAcknowledgment acknowledgment(String id, String time, String category) {
        return new ClaimAcknowledgment(eventId(id), EventType.CLAIM_ACKNOWLEDGMENT, at(time), source(id), FACILITY,
                CanonicalEvent.CURRENT_SCHEMA_VERSION, ENCOUNTER, ENCOUNTER, "AETNA", List.of(new ClaimStatusCode(category, "20", null)),
                new BigDecimal("100.00"), DAY);
    }

    static RegistrationQualityRow assessment(int version, String time, String department, String registrarId, int errors, boolean clean) {
        return new RegistrationQualityRow(ENCOUNTER, version, at(time).toInstant(), FACILITY, department, registrarId, "O", "AETNA", null,
                SERVICE_DAY, null, clean ? 100 : 80, clean ? "A" : "B", clean, 0, errors, 0);
    }
}
