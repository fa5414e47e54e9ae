package io.admitto.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One realistic example of each event record, shared by the specifications of this module. */
final class EventExamples {
    private EventExamples() {}

    static final OffsetDateTime ARRIVAL = OffsetDateTime.parse("2026-03-02T08:15:00-06:00");

    static RegistrationEvent registration() {
        PersonName name = new PersonName("RIVERA", "ANA", "M");
        return new RegistrationEvent(
                UUID.fromString("6f1c1e3a-1f0e-4c53-9d4e-2b1f7a0c9e01"),
                EventType.REGISTRATION_REGISTERED,
                ARRIVAL.plusMinutes(9),
                new EventSource("generator", "F01-E000123-3"),
                "F01", CanonicalEvent.CURRENT_SCHEMA_VERSION, "F01-E000123",
                new Patient("MRN0042", List.of(new PatientIdentifier("MRN0042", "MR", "F01")),
                        name, LocalDate.parse("1958-11-30"), "F", "123-45-6789",
                        new Address("12 Elm St", null, "Springfield", "IL", "62701", "US"), "217-555-0142", null),
                PatientClass.OUTPATIENT, "IMG",
                new ScheduledService("70553", "CPT", "MRI brain w/o & w/ contrast",
                        OffsetDateTime.parse("2026-03-02T08:45:00-06:00"), OffsetDateTime.parse("2026-02-20T10:02:00-06:00"), 1),
                List.of(new Diagnosis("G43.909", "ICD-10-CM", 1)),
                new Provider("1234567893", new PersonName("CHEN", "LI", null), OffsetDateTime.parse("2026-02-20T09:55:00-06:00")),
                "R017", "MC",
                List.of(new Insurance("MCR", "Medicare Part B", "MCR-B", "Medicare", PlanType.MEDICARE_FFS,
                        "1EG4TE5MK73", null, new Subscriber(name, LocalDate.parse("1958-11-30"), "self"), 1,
                        LocalDate.parse("2023-12-01"), null,
                        new CoverageVerification("verified", OffsetDateTime.parse("2026-02-28T14:00:00-06:00"), "R017"),
                        null, null)),
                new Guarantor(name, LocalDate.parse("1958-11-30"), "self", null, "217-555-0142"),
                new PatientAcknowledgments(ARRIVAL.plusMinutes(5), ARRIVAL.plusMinutes(5), ARRIVAL.plusMinutes(5),
                        ARRIVAL.plusMinutes(7), null, null, null, null),
                null);
    }

    static EligibilityInquiry eligibilityInquiry() {
        return new EligibilityInquiry(UUID.fromString("0b7c2d15-7c1e-4a41-8f0e-5d8d2b7e4a10"), EventType.ELIGIBILITY_INQUIRY,
                OffsetDateTime.parse("2026-02-28T13:59:40-06:00"), new EventSource("generator", "270-000981"),
                "F01", 1, "F01-E000123", "TRN000981", "MCR", "1EG4TE5MK73", LocalDate.parse("2026-03-02"),
                List.of("30"), "R017");
    }

    static EligibilityResponse eligibilityResponse() {
        return new EligibilityResponse(UUID.fromString("4c9d1a0e-3e5b-4b0c-a7f9-2f6a1e8d3c22"), EventType.ELIGIBILITY_RESPONSE,
                OffsetDateTime.parse("2026-02-28T14:00:00-06:00"), new EventSource("generator", "271-000981"),
                "F01", 1, "F01-E000123", "TRN000981", "MCR", "1EG4TE5MK73", LocalDate.parse("2026-03-02"),
                CoverageStatus.ACTIVE, List.of(), "Medicare Part B", LocalDate.parse("2023-12-01"), null,
                new BigDecimal("0.00"), new BigDecimal("240.00"), new BigDecimal("0.20"), null, Boolean.FALSE, Boolean.TRUE, false);
    }

    static AuthorizationRequest authorizationRequest() {
        return new AuthorizationRequest(UUID.fromString("9a1f3b7c-2d4e-4f60-8a1b-3c5d7e9f1a33"), EventType.AUTHORIZATION_REQUEST,
                OffsetDateTime.parse("2026-02-21T09:00:00-06:00"), new EventSource("generator", "278-000455"),
                "F01", 1, "F01-E000123", "AUTH000455", "BCX", "HS", "I", "MR", "70553", 1,
                LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-02"), false);
    }

    static AuthorizationDecision authorizationDecision() {
        return new AuthorizationDecision(UUID.fromString("2e6a8c0d-4f1b-4c3d-9e5f-7a9b1c3d5e44"), EventType.AUTHORIZATION_DECISION,
                OffsetDateTime.parse("2026-02-23T16:30:00-06:00"), new EventSource("generator", "278R-000455"),
                "F01", 1, "F01-E000123", "AUTH000455", "BCX", CertificationAction.CERTIFIED_IN_TOTAL, "PA7781234", null,
                LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-31"), 1,
                OffsetDateTime.parse("2026-02-21T09:00:00-06:00"));
    }

    static ClaimRemittance claimRemittance() {
        return new ClaimRemittance(UUID.fromString("7b3d5f7a-9c1e-4a2b-8d4f-6a8c0e2f4a55"), EventType.CLAIM_REMITTANCE,
                OffsetDateTime.parse("2026-03-30T00:00:00-05:00"), new EventSource("generator", "835-000077-1"),
                "F01", 1, "F01-E000123", "F01-E000123", "BCX", "2026089000123", "1",
                new BigDecimal("2450.00"), new BigDecimal("0.00"), new BigDecimal("0.00"),
                List.of(new ClaimAdjustment("CO", "197", new BigDecimal("2450.00"), null)), List.of("N54"),
                List.of(new ServiceLinePayment("70553", new BigDecimal("2450.00"), new BigDecimal("0.00"), 1, List.of(), List.of())),
                LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-30"));
    }

    static ClaimAcknowledgment claimAcknowledgment() {
        return new ClaimAcknowledgment(UUID.fromString("5d7f9b1c-3e5a-4c7d-9f1b-8c0e2a4c6e66"), EventType.CLAIM_ACKNOWLEDGMENT,
                OffsetDateTime.parse("2026-03-05T11:00:00-06:00"), new EventSource("generator", "277CA-000031-1"),
                "F01", 1, "F01-E000123", "F01-E000123", "BCX",
                List.of(new ClaimStatusCode("A2", "20", null)), new BigDecimal("2450.00"), LocalDate.parse("2026-03-05"));
    }

    static PatientFlowEvent flowArrived() {
        return new PatientFlowEvent(UUID.fromString("1a3c5e7f-9b1d-4f3a-8c5e-7f9a1b3c5d77"), EventType.FLOW_ARRIVED,
                ARRIVAL, new EventSource("generator", "F01-E000123-flow-1"), "F01", 1, "F01-E000123", "IMG", null);
    }

    static PointOfServicePayment payment() {
        return new PointOfServicePayment(UUID.fromString("3c5e7a9b-1d3f-4a5c-8e7a-9b1d3f5a7c88"), EventType.PAYMENT_COLLECTED,
                ARRIVAL.plusMinutes(8), new EventSource("generator", "F01-E000123-pay-1"), "F01", 1, "F01-E000123",
                new BigDecimal("40.00"), new BigDecimal("40.00"), PaymentMethod.CARD, "R017");
    }

    static List<CanonicalEvent> all() {
        return List.of(registration(), eligibilityInquiry(), eligibilityResponse(), authorizationRequest(),
                authorizationDecision(), claimRemittance(), claimAcknowledgment(), flowArrived(), payment());
    }
}
