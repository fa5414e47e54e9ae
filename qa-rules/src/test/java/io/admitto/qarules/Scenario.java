package io.admitto.qarules;

import io.admitto.events.Address;
import io.admitto.events.AuthorizationDecision;
import io.admitto.events.AuthorizationRequest;
import io.admitto.events.CanonicalEvent;
import io.admitto.events.CertificationAction;
import io.admitto.events.CoverageStatus;
import io.admitto.events.CoverageVerification;
import io.admitto.events.Diagnosis;
import io.admitto.events.EligibilityResponse;
import io.admitto.events.EventSource;
import io.admitto.events.EventType;
import io.admitto.events.Guarantor;
import io.admitto.events.Insurance;
import io.admitto.events.Patient;
import io.admitto.events.PatientAcknowledgments;
import io.admitto.events.PatientClass;
import io.admitto.events.PatientFlowEvent;
import io.admitto.events.PatientIdentifier;
import io.admitto.events.PaymentMethod;
import io.admitto.events.PersonName;
import io.admitto.events.PlanType;
import io.admitto.events.PointOfServicePayment;
import io.admitto.events.Provider;
import io.admitto.events.RegistrationEvent;
import io.admitto.events.RequestRejection;
import io.admitto.events.ScheduledService;
import io.admitto.events.Subscriber;
import io.admitto.qarules.config.OrganizationConfig;
import io.admitto.qarules.config.OrganizationConfigLoader;
import io.admitto.qarules.snapshot.IdentityMatch;
import io.admitto.qarules.snapshot.RegistrationSnapshot;
import io.admitto.qarules.snapshot.SnapshotAssembler;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A registration to specify rules against, built as canonical events and folded by the
 * {@link SnapshotAssembler}. The starting points are clean under the default configuration (a test
 * asserts it); a specification changes the one thing it is about and looks at one rule's findings.
 * Drafts are mutable on purpose: a test reads as "take a clean registration, blank the phone".
 */
public final class Scenario
{
    public static final OrganizationConfig DEFAULT_CONFIG = OrganizationConfigLoader.loadDefault();
    private static final RegistrationAssessor DEFAULT_ASSESSOR = RegistrationAssessor.standard(DEFAULT_CONFIG);

    /** Chicago in March 2026: CST (-06:00) until March 8, CDT (-05:00) after. */
    /** The bundled default configuration's JSON, for tests that vary one setting. */
    public static String defaultConfigJson()
    {
        try (var in = Scenario.class.getResourceAsStream(OrganizationConfigLoader.DEFAULT_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static OffsetDateTime cst(String localDateTime)
    {
        return OffsetDateTime.parse(localDateTime + "-06:00");
    }

    public static OffsetDateTime cdt(String localDateTime)
    {
        return OffsetDateTime.parse(localDateTime + "-05:00");
    }

    // --- the registration ---
    public String mrn = "100200300";
    public PersonName name = new PersonName("RIVERA", "ANA", "M");
    public LocalDate birthDate = LocalDate.of(1950, 4, 12);
    public String sex = "F";
    public String ssn = "123-45-6789";
    public Address address = new Address("12 Elm St", null, "Springfield", "IL", "62701", "US");
    public String phone = "217-555-0142";
    public LocalDate deathDate;
    public PatientClass patientClass = PatientClass.OUTPATIENT;
    public String department = "IMG";
    public String serviceCode = "70553";
    public OffsetDateTime scheduledFor = cdt("2026-03-10T09:00:00");
    public OffsetDateTime scheduledAt = cst("2026-02-20T10:00:00");
    public int units = 1;
    public List<Diagnosis> diagnoses = new ArrayList<>(List.of(new Diagnosis("G43.909", "ICD-10-CM", 1)));
    public Provider orderingProvider = new Provider("1234567893", new PersonName("CHEN", "LI", null), cst("2026-02-20T09:55:00"));
    public String registrarId = "R017";
    public String financialClass = "MC";
    public List<InsuranceDraft> insurances = new ArrayList<>(List.of(InsuranceDraft.medicare()));
    public Guarantor guarantor = new Guarantor(name, birthDate, "self", address, phone);
    public OffsetDateTime generalConsentAt = cdt("2026-03-10T08:40:00");
    public OffsetDateTime assignmentOfBenefitsAt = cdt("2026-03-10T08:40:00");
    public OffsetDateTime privacyNoticeAt = cdt("2026-03-10T08:40:00");
    public OffsetDateTime mspQuestionnaireAt = cdt("2026-03-10T08:42:00");
    public OffsetDateTime abnSignedAt;
    public OffsetDateTime financialResponsibilityAt = cdt("2026-03-10T08:43:00");
    public OffsetDateTime goodFaithEstimateAt;
    public BigDecimal goodFaithEstimateAmount;

    // --- what happened around it ---
    public OffsetDateTime preRegisteredAt = cst("2026-03-04T11:00:00");
    public OffsetDateTime registeredAt = cdt("2026-03-10T08:45:00");
    public EventType registrationType = EventType.REGISTRATION_REGISTERED;
    public List<EligibilityResponse> eligibility = new ArrayList<>();
    public List<AuthorizationRequest> authorizationRequests = new ArrayList<>();
    public List<AuthorizationDecision> authorizationDecisions = new ArrayList<>();
    public OffsetDateTime arrivedAt = cdt("2026-03-10T08:30:00");
    public OffsetDateTime screeningAt;
    public OffsetDateTime serviceStartedAt = cdt("2026-03-10T09:00:00");
    public OffsetDateTime departedAt = cdt("2026-03-10T10:00:00");
    public List<PointOfServicePayment> payments = new ArrayList<>();
    public List<IdentityMatch> identityMatches = new ArrayList<>();
    /** Assess as of this instant; null: as of the last event. */
    public Instant asOf;

    private int sequence;

    /** A Medicare fee-for-service patient's scheduled, pre-registered outpatient MRI: clean. */
    public static Scenario medicareImaging()
    {
        Scenario scenario = new Scenario();
        scenario.eligibility.add(scenario.activeEligibility("MCR", "1EG4TE5MK73", cst("2026-03-04T10:50:00")));
        return scenario;
    }

    /** A commercial PPO adult's scheduled MRI with prior authorization certified: clean. */
    public static Scenario commercialImaging()
    {
        Scenario scenario = new Scenario();
        scenario.birthDate = LocalDate.of(1980, 6, 2);
        scenario.guarantor = new Guarantor(scenario.name, scenario.birthDate, "self", scenario.address, scenario.phone);
        scenario.insurances = new ArrayList<>(List.of(InsuranceDraft.bluePpo(scenario.name, scenario.birthDate)));
        scenario.financialClass = "CP";
        scenario.mspQuestionnaireAt = null;
        EligibilityResponse response = scenario.activeEligibility("BPR01", "BPX123456789", cst("2026-03-04T10:50:00"));
        scenario.eligibility.add(withAuthorizationRequired(response, true));
        scenario.insurances.get(0).authorizationNumber = "PA12345678";
        scenario.authorizationRequests.add(scenario.authorizationRequest(cst("2026-02-20T11:00:00")));
        scenario.authorizationDecisions.add(scenario.authorizationDecision(CertificationAction.CERTIFIED_IN_TOTAL, cst("2026-02-23T15:00:00"),
                LocalDate.of(2026, 3, 10), LocalDate.of(2026, 4, 9), 1));
        return scenario;
    }

    /** An insured adult's ED visit (Blue PPO): no order, no booking, screening exam 20 minutes after registration, payment at discharge: clean. */
    public static Scenario emergencyVisit()
    {
        Scenario scenario = commercialImaging();
        scenario.patientClass = PatientClass.EMERGENCY;
        scenario.department = "ED";
        scenario.serviceCode = "99283";
        scenario.diagnoses = new ArrayList<>(List.of(new Diagnosis("R07.9", "ICD-10-CM", 1)));
        scenario.orderingProvider = null;
        scenario.scheduledAt = null;
        scenario.preRegisteredAt = null;
        scenario.scheduledFor = cdt("2026-03-10T22:10:00");
        scenario.arrivedAt = scenario.scheduledFor;
        scenario.registeredAt = cdt("2026-03-10T22:30:00");
        scenario.screeningAt = cdt("2026-03-10T22:50:00");
        scenario.serviceStartedAt = cdt("2026-03-10T23:05:00");
        scenario.departedAt = cdt("2026-03-11T02:00:00");
        scenario.financialResponsibilityAt = null;
        scenario.generalConsentAt = cdt("2026-03-10T22:25:00");
        scenario.assignmentOfBenefitsAt = scenario.generalConsentAt;
        scenario.privacyNoticeAt = scenario.generalConsentAt;
        scenario.insurances.get(0).authorizationNumber = null;
        scenario.authorizationRequests.clear();
        scenario.authorizationDecisions.clear();
        scenario.eligibility.clear();
        scenario.eligibility.add(scenario.activeEligibility("BPR01", "BPX123456789", cdt("2026-03-10T22:20:00")));
        scenario.payments.add(scenario.payment(new BigDecimal("250.00"), cdt("2026-03-11T01:45:00")));
        return scenario;
    }

    /** An uninsured adult's clinic visit booked two weeks ahead, with a timely good-faith estimate: clean. */
    public static Scenario selfPayClinic()
    {
        Scenario scenario = new Scenario();
        scenario.birthDate = LocalDate.of(1985, 1, 20);
        scenario.guarantor = new Guarantor(scenario.name, scenario.birthDate, "self", scenario.address, scenario.phone);
        scenario.insurances = new ArrayList<>();
        scenario.financialClass = "SP";
        scenario.mspQuestionnaireAt = null;
        scenario.department = "CLIN";
        scenario.serviceCode = "99213";
        scenario.diagnoses = new ArrayList<>(List.of(new Diagnosis("I10", "ICD-10-CM", 1)));
        scenario.goodFaithEstimateAt = cst("2026-02-20T11:00:00");
        scenario.goodFaithEstimateAmount = new BigDecimal("84.00");
        scenario.payments.add(scenario.payment(new BigDecimal("84.00"), cdt("2026-03-10T08:47:00")));
        return scenario;
    }

    // --- events ---

    public EligibilityResponse activeEligibility(String payerId, String memberId, OffsetDateTime at)
    {
        return new EligibilityResponse(id(), EventType.ELIGIBILITY_RESPONSE, at, source(), "F01", 1, "F01-E0000001", "T1", payerId, memberId,
                scheduledFor.toLocalDate(), CoverageStatus.ACTIVE, List.of(), "plan", LocalDate.of(2023, 12, 1), null, null, null, null, null, null,
                Boolean.TRUE, false);
    }

    public EligibilityResponse eligibility(String payerId, String memberId, OffsetDateTime at, CoverageStatus status, List<RequestRejection> rejections,
            LocalDate planBegin, LocalDate planEnd, BigDecimal copay, boolean otherPayer)
    {
        return new EligibilityResponse(id(), EventType.ELIGIBILITY_RESPONSE, at, source(), "F01", 1, "F01-E0000001", "T1", payerId, memberId,
                scheduledFor.toLocalDate(), status, rejections, "plan", planBegin, planEnd, copay, null, null, null, null, Boolean.TRUE, otherPayer);
    }

    public static EligibilityResponse withAuthorizationRequired(EligibilityResponse r, Boolean required)
    {
        return new EligibilityResponse(r.eventId(), r.eventType(), r.eventTime(), r.source(), r.facilityId(), r.schemaVersion(), r.encounterId(),
                r.traceNumber(), r.payerId(), r.memberId(), r.serviceDate(), r.coverageStatus(), r.rejections(), r.planName(), r.planBegin(), r.planEnd(),
                r.copay(), r.deductibleRemaining(), r.coinsurancePercent(), r.outOfPocketRemaining(), required, r.inNetwork(), r.otherPayerIndicated());
    }

    public AuthorizationRequest authorizationRequest(OffsetDateTime at)
    {
        return new AuthorizationRequest(id(), EventType.AUTHORIZATION_REQUEST, at, source(), "F01", 1, "F01-E0000001", "F01-E0000001-A1", "BPR01",
                "HS", "I", "62", serviceCode, units, scheduledFor.toLocalDate(), scheduledFor.toLocalDate(), false);
    }

    public AuthorizationDecision authorizationDecision(CertificationAction action, OffsetDateTime at, LocalDate from, LocalDate to, Integer certifiedUnits)
    {
        return new AuthorizationDecision(id(), EventType.AUTHORIZATION_DECISION, at, source(), "F01", 1, "F01-E0000001", "F01-E0000001-A1", "BPR01",
                action, action.authorizes() ? "PA12345678" : null, action == CertificationAction.NOT_CERTIFIED ? "MN" : null, from, to, certifiedUnits,
                at.minusDays(1));
    }

    public PointOfServicePayment payment(BigDecimal amount, OffsetDateTime at)
    {
        return new PointOfServicePayment(id(), EventType.PAYMENT_COLLECTED, at, source(), "F01", 1, "F01-E0000001", amount, amount, PaymentMethod.CARD, registrarId);
    }

    public RegistrationEvent registrationEvent(EventType type, OffsetDateTime at, String registrar)
    {
        List<Insurance> coverages = new ArrayList<>();
        for (InsuranceDraft draft : insurances) {
            coverages.add(draft.build());
        }
        Patient patient = new Patient(mrn, mrn == null ? List.of() : List.of(new PatientIdentifier(mrn, "MR", "F01")), name, birthDate, sex, ssn,
                address, phone, deathDate);
        ScheduledService service = serviceCode == null ? null
                : new ScheduledService(serviceCode, "CPT", "service " + serviceCode, scheduledFor, scheduledAt, units);
        PatientAcknowledgments acknowledgments = new PatientAcknowledgments(generalConsentAt, assignmentOfBenefitsAt, privacyNoticeAt, mspQuestionnaireAt,
                abnSignedAt, financialResponsibilityAt, goodFaithEstimateAt, goodFaithEstimateAmount);
        return new RegistrationEvent(id(), type, at, source(), "F01", 1, "F01-E0000001", patient, patientClass, department, service, diagnoses,
                orderingProvider, registrar, financialClass, coverages, guarantor, acknowledgments, null);
    }

    private PatientFlowEvent flow(EventType type, OffsetDateTime at)
    {
        return new PatientFlowEvent(id(), type, at, source(), "F01", 1, "F01-E0000001", department, null);
    }

    /** Every event of the scenario, in event-time order. */
    public List<CanonicalEvent> events()
    {
        List<CanonicalEvent> events = new ArrayList<>();
        if (preRegisteredAt != null) {
            events.add(registrationEvent(EventType.REGISTRATION_PRE_REGISTERED, preRegisteredAt, "P003"));
        }
        if (registeredAt != null) {
            events.add(registrationEvent(registrationType, registeredAt, registrarId));
        }
        events.addAll(eligibility);
        events.addAll(authorizationRequests);
        events.addAll(authorizationDecisions);
        addFlow(events, EventType.FLOW_ARRIVED, arrivedAt);
        addFlow(events, EventType.FLOW_MEDICAL_SCREENING_COMPLETED, screeningAt);
        addFlow(events, EventType.FLOW_SERVICE_STARTED, serviceStartedAt);
        addFlow(events, EventType.FLOW_DEPARTED, departedAt);
        events.addAll(payments);
        events.sort(java.util.Comparator.comparing(event -> event.eventTime().toInstant()));
        return events;
    }

    private void addFlow(List<CanonicalEvent> events, EventType type, OffsetDateTime at)
    {
        if (at != null) {
            events.add(flow(type, at));
        }
    }

    public RegistrationSnapshot snapshot()
    {
        List<CanonicalEvent> events = events();
        Instant at = asOf != null ? asOf : events.get(events.size() - 1).eventTime().toInstant();
        return SnapshotAssembler.assemble("F01-E0000001", events, at).withIdentityMatches(identityMatches);
    }

    public Assessment assess()
    {
        return DEFAULT_ASSESSOR.assess(snapshot());
    }

    public Assessment assess(OrganizationConfig config)
    {
        return RegistrationAssessor.standard(config).assess(snapshot());
    }

    /** The findings of one rule under the default configuration. */
    public List<Finding> findings(String ruleId)
    {
        return assess().findings().stream().filter(finding -> finding.ruleId().equals(ruleId)).toList();
    }

    private UUID id()
    {
        return UUID.nameUUIDFromBytes(("scenario-" + sequence++).getBytes(StandardCharsets.UTF_8));
    }

    private static EventSource source()
    {
        return new EventSource("test", "msg");
    }

    /** One coverage, mutable for the specification at hand. */
    public static final class InsuranceDraft
    {
        public String payerId;
        public String payerName;
        public PlanType planType;
        public String memberId;
        public String groupNumber;
        public PersonName subscriberName;
        public LocalDate subscriberBirthDate;
        public String relationship = "self";
        public int priority = 1;
        public LocalDate coverageStart = LocalDate.of(2023, 12, 1);
        public LocalDate coverageEnd;
        public CoverageVerification verification = new CoverageVerification("verified", cst("2026-03-04T10:50:00"), "P003");
        public String referralNumber;
        public String authorizationNumber;

        public static InsuranceDraft medicare()
        {
            InsuranceDraft draft = new InsuranceDraft();
            draft.payerId = "MCR";
            draft.payerName = "Medicare";
            draft.planType = PlanType.MEDICARE_FFS;
            draft.memberId = "1EG4TE5MK73";
            draft.subscriberName = new PersonName("RIVERA", "ANA", "M");
            draft.subscriberBirthDate = LocalDate.of(1950, 4, 12);
            return draft;
        }

        public static InsuranceDraft bluePpo(PersonName subscriber, LocalDate subscriberBirthDate)
        {
            InsuranceDraft draft = new InsuranceDraft();
            draft.payerId = "BPR01";
            draft.payerName = "Blue Prairie";
            draft.planType = PlanType.COMMERCIAL_PPO;
            draft.memberId = "BPX123456789";
            draft.groupNumber = "G123456";
            draft.subscriberName = subscriber;
            draft.subscriberBirthDate = subscriberBirthDate;
            return draft;
        }

        public static InsuranceDraft of(String payerId, PlanType planType, String memberId, int priority)
        {
            InsuranceDraft draft = new InsuranceDraft();
            draft.payerId = payerId;
            draft.payerName = payerId;
            draft.planType = planType;
            draft.memberId = memberId;
            draft.subscriberName = new PersonName("RIVERA", "ANA", "M");
            draft.subscriberBirthDate = LocalDate.of(1950, 4, 12);
            draft.priority = priority;
            return draft;
        }

        Insurance build()
        {
            Subscriber subscriber = subscriberName == null && subscriberBirthDate == null && relationship == null ? null
                    : new Subscriber(subscriberName, subscriberBirthDate, relationship);
            return new Insurance(payerId, payerName, payerId + "-PLAN", payerName, planType, memberId, groupNumber, subscriber, priority, coverageStart,
                    coverageEnd, verification, referralNumber, authorizationNumber);
        }
    }
}
