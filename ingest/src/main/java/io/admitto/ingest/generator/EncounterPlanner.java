package io.admitto.ingest.generator;

import io.admitto.events.AuthorizationDecision;
import io.admitto.events.AuthorizationRequest;
import io.admitto.events.CertificationAction;
import io.admitto.events.ClaimAcknowledgment;
import io.admitto.events.ClaimRemittance;
import io.admitto.events.ClaimStatusCode;
import io.admitto.events.CoverageStatus;
import io.admitto.events.CoverageVerification;
import io.admitto.events.Diagnosis;
import io.admitto.events.EligibilityInquiry;
import io.admitto.events.EligibilityResponse;
import io.admitto.events.EventType;
import io.admitto.events.Guarantor;
import io.admitto.events.Insurance;
import io.admitto.events.Patient;
import io.admitto.events.PatientAcknowledgments;
import io.admitto.events.PatientClass;
import io.admitto.events.PatientFlowEvent;
import io.admitto.events.PatientIdentifier;
import io.admitto.events.PaymentMethod;
import io.admitto.events.PointOfServicePayment;
import io.admitto.events.Provider;
import io.admitto.events.RequestRejection;
import io.admitto.events.ScheduledService;
import io.admitto.events.ServiceLinePayment;
import io.admitto.events.Subscriber;
import io.admitto.ingest.generator.ClaimAdjudicator.Adjudication;
import io.admitto.ingest.generator.ClaimAdjudicator.Remittance;
import io.admitto.ingest.generator.ClaimAdjudicator.Variant;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static java.util.Objects.requireNonNull;

/**
 * Plans the encounters of one facility and service day: who comes, when, to which department, with
 * what coverage and which registration defect, and the whole story of events from booking to the
 * last remittance.
 *
 * <p>Every encounter draws from its own random stream keyed by (facility, day, department, index),
 * so encounters do not depend on each other, with one deliberate exception: a
 * {@link Defect#DUPLICATE_PATIENT} re-registers a patient seen shortly before at the same facility.
 * Days must therefore be planned in order, facility by facility, which the generator does.
 *
 * <p>Times are epoch seconds; local times are computed in the facility's zone.
 */
final class EncounterPlanner
{
    /**
     * No event of an encounter happens earlier than this many days before its service day: bookings
     * are at most {@link DepartmentProfile#MAX_LEAD_DAYS} ahead, moved back over a weekend.
     */
    static final int MAX_LOOKBACK_DAYS = DepartmentProfile.MAX_LEAD_DAYS + 3;

    private static final long COUNT_STREAM = 0x434f554e54L;
    private static final long ENCOUNTER_STREAM = 0x454e434fL;
    private static final int RECENT_PATIENTS = 512;
    private static final long HOUR = 3600;
    private static final long DAY = 86_400;
    private static final List<String> COMORBIDITIES = List.of("I10", "E11.9", "E78.5", "Z79.899", "F17.210");
    private static final double[] PAYMENT_METHOD_WEIGHTS = {0.12, 0.70, 0.03, 0.08, 0.07};
    private static final PaymentMethod[] PAYMENT_METHODS = {PaymentMethod.CASH, PaymentMethod.CARD, PaymentMethod.CHECK, PaymentMethod.HSA, PaymentMethod.ONLINE};

    /** One planned encounter and what the ground truth needs to know about it. */
    record PlannedEncounter(EncounterStory story, GroundTruth.InjectedDefect defect, GroundTruth.BackEndDenial backEndDenial) {}

    private enum Booking
    {
        /** Walks in (ED, some imaging and clinic visits): no booking, no pre-registration. */
        WALK_IN,
        /** Booked days ahead. */
        ELECTIVE,
        /** Sent in by a physician the same day (direct admissions). */
        SAME_DAY
    }

    private final long seed;
    private final long maxJitterMillis;
    private final int dailyEncounters;
    private final List<DepartmentProfile> profiles;
    private final PatientPopulation population;
    private final DefectInjector injector;
    private final ClaimAdjudicator adjudicator = new ClaimAdjudicator();
    private final List<FacilityState> facilities = new ArrayList<>();
    private long nextOrder;
    private long duplicateRecords;

    EncounterPlanner(GeneratorConfig config, HealthSystem system)
    {
        requireNonNull(config, "config is null");
        requireNonNull(system, "system is null");
        this.seed = config.seed();
        this.maxJitterMillis = config.maxDeliveryJitter().toMillis();
        this.dailyEncounters = config.dailyEncountersPerFacility();
        this.profiles = DepartmentProfile.standard();
        this.population = new PatientPopulation(seed, config.startDate(), config.facilities(), dailyEncounters, new PayerMix());
        this.injector = new DefectInjector(config.defectRates());
        for (Facility facility : system.facilities()) {
            facilities.add(new FacilityState(facility));
        }
    }

    /** What the planner remembers of a facility between encounters. */
    private static final class FacilityState
    {
        final Facility facility;
        final Map<Registrar.Role, List<List<Registrar>>> rosters;
        final Map<Department, List<Physician>> physicians = new EnumMap<>(Department.class);
        final SyntheticPerson[] recentPatients = new SyntheticPerson[RECENT_PATIENTS];
        int recentCount;
        long remembered;
        int encounters;

        FacilityState(Facility facility)
        {
            this.facility = facility;
            this.rosters = Facility.rosters(facility.registrars());
            for (Department department : Department.values()) {
                List<Physician> list = new ArrayList<>();
                for (Physician physician : facility.physicians()) {
                    if (physician.department() == department) {
                        list.add(physician);
                    }
                }
                physicians.put(department, List.copyOf(list));
            }
        }

        void remember(SyntheticPerson person)
        {
            recentPatients[(int) (remembered++ % RECENT_PATIENTS)] = person;
            recentCount = (int) Math.min(RECENT_PATIENTS, remembered);
        }
    }

    /** The encounters of {@code facility} whose service day is {@code day}, in a fixed order. */
    List<PlannedEncounter> plan(Facility facility, LocalDate day)
    {
        FacilityState state = facilities.get(facility.index());
        List<PlannedEncounter> planned = new ArrayList<>();
        long dayStart = day.atStartOfDay(facility.zone()).toEpochSecond();
        for (DepartmentProfile profile : profiles) {
            int department = profile.department().ordinal();
            int count = Draws.count(Seeds.random(seed, COUNT_STREAM, facility.index(), day.toEpochDay(), department),
                    profile.meanEncounters(dailyEncounters, day.getDayOfWeek()));
            for (int i = 0; i < count; i++) {
                SplittableRandom random = Seeds.random(seed, ENCOUNTER_STREAM, facility.index(), day.toEpochDay(), department * 1_000_000L + i);
                planned.add(planEncounter(state, profile, day, dayStart, random));
            }
        }
        return planned;
    }

    private PlannedEncounter planEncounter(FacilityState state, DepartmentProfile profile, LocalDate day, long dayStart, SplittableRandom r)
    {
        Facility facility = state.facility;
        ZoneId zone = facility.zone();
        Department department = profile.department();
        DayOfWeek weekday = day.getDayOfWeek();
        String encounterId = encounterId(facility.id(), ++state.encounters);

        // --- what, who, when ---
        Booking booking = department == Department.ED || !Draws.chance(r, profile.scheduledFraction())
                ? (department == Department.INPT ? Booking.SAME_DAY : Booking.WALK_IN)
                : Booking.ELECTIVE;
        MedicalService service = service(profile, booking, r);
        AgeBand band = AgeBand.values()[Draws.weighted(r, profile.ageMix())];
        SyntheticPerson person = population.withResidence(
                population.person(facility.index(), band, r.nextLong(population.size(band))), facility.localities());
        service = serviceFor(person, day, service, profile);
        boolean inpatient = department == Department.INPT || department == Department.SURG && Draws.chance(r, inpatientShare(service));
        PatientClass patientClass = department == Department.ED ? PatientClass.EMERGENCY : inpatient ? PatientClass.INPATIENT : PatientClass.OUTPATIENT;
        int stayDays = department == Department.INPT ? Draws.skewed(r, 2, 7) : inpatient ? Draws.between(r, 1, 4) : 0;
        int units = department == Department.INPT ? stayDays : 1;

        ArrivalCurve curve = booking == Booking.ELECTIVE ? profile.scheduledCurve() : profile.walkInCurve();
        int secondOfDay = curve.sampleSecondOfDay(weekday, r);
        int curveHour = secondOfDay / 3600;
        boolean slotted = booking == Booking.ELECTIVE && department != Department.INPT;
        long scheduledFor = dayStart + (slotted ? secondOfDay / 900 * 900 : secondOfDay);
        long arrival = switch (department) {
            case SURG -> scheduledFor - Draws.between(r, 60, 100) * 60L;
            case IMG, CLIN -> booking == Booking.WALK_IN ? scheduledFor
                    : Draws.chance(r, 0.1) ? scheduledFor + Draws.between(r, 0, 10) * 60L : scheduledFor - Draws.between(r, 5, 25) * 60L;
            case ED, INPT -> scheduledFor;
        };
        int localHour = (int) Math.max(0, Math.min(23, Math.floorDiv(arrival - dayStart, HOUR)));

        // --- the desk: queue and registration, longer at peaks and in the ED ---
        double load = curve.load(weekday, curveHour);
        long queue;
        long processing;
        switch (department) {
            case ED -> {
                queue = clamp(Math.round(150 * Math.pow(load, 1.5) * Draws.spread(r, 0.6)), 20, 5400);
                processing = clamp(Math.round(Draws.between(r, 240, 600) * Draws.spread(r, 0.2)), 150, 1200);
            }
            case INPT -> {
                queue = clamp(Math.round(300 * Draws.spread(r, 0.5)), 30, 3600);
                processing = Draws.between(r, 420, 900);
            }
            default -> {
                queue = clamp(Math.round(90 * load * Draws.spread(r, 0.5)), 15, 2400);
                processing = Draws.between(r, 180, 480);
            }
        }
        long registrationStarted = arrival + queue;
        long registrationCompleted = registrationStarted + processing;
        Registrar registrar = onDuty(state, department == Department.ED ? Registrar.Role.EMERGENCY : Registrar.Role.PATIENT_ACCESS, localHour, r);

        long screening = -1;
        long serviceStarted;
        long departed;
        switch (department) {
            case ED -> {
                screening = registrationCompleted + clamp(Math.round(Draws.between(r, 300, 2400) * Math.pow(load, 0.8)), 300, 10_800);
                serviceStarted = screening + Draws.between(r, 120, 1800);
                departed = serviceStarted + Draws.between(r, 3600, 18_000);
            }
            case IMG -> {
                serviceStarted = Math.max(registrationCompleted + Draws.between(r, 180, 600), scheduledFor);
                departed = serviceStarted + Draws.between(r, 1200, 4500);
            }
            case CLIN -> {
                serviceStarted = Math.max(registrationCompleted + Draws.between(r, 300, 1200), scheduledFor);
                departed = serviceStarted + Draws.between(r, 1200, 3600);
            }
            case SURG -> {
                serviceStarted = Math.max(registrationCompleted + Draws.between(r, 3600, 6000), scheduledFor);
                departed = inpatient ? discharge(day, stayDays, zone, r) : serviceStarted + Draws.between(r, 7200, 21_600);
            }
            case INPT -> {
                serviceStarted = registrationCompleted + Draws.between(r, 1200, 7200);
                departed = discharge(day, stayDays, zone, r);
            }
            default -> throw new IllegalStateException("unknown department " + department);
        }

        // --- booking and pre-registration ---
        long scheduledAt = -1;
        LocalDate bookingDate = null;
        int leadDays = 0;
        if (booking == Booking.ELECTIVE) {
            leadDays = Math.max(1, Draws.skewed(r, profile.minLeadDays(), profile.maxLeadDays()));
            bookingDate = BusinessDays.onOrBefore(day.minusDays(leadDays));
            scheduledAt = startOfDay(bookingDate, zone) + Draws.between(r, 8 * HOUR, 17 * HOUR - 1);
        }
        else if (booking == Booking.SAME_DAY) {
            scheduledAt = arrival - Draws.between(r, 2 * HOUR, 8 * HOUR);
            bookingDate = localDate(scheduledAt, zone);
        }
        boolean preRegistered = booking == Booking.ELECTIVE && Draws.chance(r, 0.85);
        long preRegistration = -1;
        Registrar preAccess = null;
        if (preRegistered) {
            LocalDate date = bookingDate.plusDays(r.nextInt((int) ChronoUnit.DAYS.between(bookingDate, day)));
            date = BusinessDays.onOrBefore(date);
            if (date.isBefore(bookingDate)) {
                date = bookingDate;
            }
            preRegistration = date.equals(bookingDate)
                    ? scheduledAt + Draws.between(r, 600, 2 * HOUR)
                    : startOfDay(date, zone) + Draws.between(r, 8 * HOUR, 18 * HOUR - 1);
            preAccess = onDuty(state, Registrar.Role.PRE_ACCESS, localHour(preRegistration, zone), r);
        }
        boolean cancelled = preRegistered && Draws.chance(r, 0.02);

        // --- which defect ---
        Payer truePayer = person.payer();
        long trueBilled = billed(service, units, department, inpatient, stayDays);
        CostShare trueShare = CostShare.of(truePayer, department, service, inpatient, stayDays, truePayer.allowedCents(trueBilled),
                CostShare.deductibleRemainingCents(truePayer, day, person.annualDeductibleSpent()));
        long trueExpected = truePayer.insured() ? trueShare.totalCents() : selfPayEstimate(trueBilled);
        boolean estimateRequired = !truePayer.insured() && booking == Booking.ELECTIVE
                && BusinessDays.goodFaithEstimateDeadline(bookingDate, day) != null;
        Set<Defect> applicable = EnumSet.of(Defect.BAD_DEMOGRAPHICS, Defect.MISSING_CONSENT);
        if (truePayer.insured()) {
            applicable.addAll(EnumSet.of(Defect.WRONG_MEMBER_ID, Defect.COVERAGE_TERMINATED, Defect.NO_ELIGIBILITY_CHECK));
        }
        if (truePayer.requiresAuthorization(service.authorizationCategory()) && department != Department.ED) {
            applicable.add(Defect.MISSING_AUTHORIZATION);
        }
        if (truePayer.isMedicare()) {
            applicable.add(Defect.MISSING_MSPQ);
        }
        if (department == Department.ED && trueExpected > 0) {
            applicable.add(Defect.EMTALA_VIOLATION);
        }
        if (estimateRequired) {
            applicable.add(Defect.MISSING_GFE);
        }
        if (state.recentCount > 0) {
            applicable.add(Defect.DUPLICATE_PATIENT);
        }
        if (truePayer == Payer.MEDICARE_ADVANTAGE || truePayer == Payer.MANAGED_MEDICAID) {
            applicable.add(Defect.WRONG_PLAN);
        }
        if (!inpatient && (department == Department.IMG || department == Department.SURG)) {
            applicable.add(Defect.MISSING_PHYSICIAN_ORDER);
        }
        if (truePayer.requiresReferral(department)) {
            applicable.add(Defect.MISSING_REFERRAL);
        }
        Defect defect = cancelled ? null : injector.choose(applicable, registrar.errorPropensity(), r);
        String detail = null;

        String mrn = population.mrn(person.number());
        if (defect == Defect.DUPLICATE_PATIENT) {
            // The registrar did not find the patient seen recently and created a second record.
            SyntheticPerson original = state.recentPatients[r.nextInt(state.recentCount)];
            detail = "same name and birth date as MRN " + population.mrn(original.number());
            person = original;
            mrn = population.mrn(population.totalPopulation() + duplicateRecords++);
        }

        // --- coverage as entered ---
        Payer payer = person.payer();
        String memberId = person.memberId();
        if (defect == Defect.WRONG_PLAN) {
            payer = person.payer() == Payer.MEDICARE_ADVANTAGE ? Payer.MEDICARE : Payer.MEDICAID;
            memberId = payer == Payer.MEDICARE ? person.medicareId() : person.medicaidId();
            detail = payer == Payer.MEDICARE ? "Medicare FFS entered for a Medicare Advantage member" : "Medicaid FFS entered for a managed-Medicaid member";
        }
        Variant variant = Variant.NONE;
        if (defect == Defect.WRONG_MEMBER_ID) {
            memberId = MemberIdFormat.mistype(memberId, r);
            variant = payer.memberIdFormat().matches(memberId) ? Variant.WELL_FORMED_MEMBER_ID : Variant.MALFORMED_MEMBER_ID;
            detail = variant == Variant.WELL_FORMED_MEMBER_ID ? "well-formed but wrong member ID" : "malformed member ID";
        }
        if (defect == Defect.BAD_DEMOGRAPHICS) {
            variant = Draws.pick(r, new Variant[] {Variant.INVALID_SSN, Variant.MISSING_PHONE, Variant.MISTYPED_BIRTH_DATE});
            detail = switch (variant) {
                case INVALID_SSN -> "malformed SSN";
                case MISSING_PHONE -> "missing phone";
                default -> "mistyped birth date";
            };
        }
        if (defect != Defect.DUPLICATE_PATIENT && variant != Variant.MISTYPED_BIRTH_DATE) {
            state.remember(person);
        }
        long billed = billed(service, units, department, inpatient, stayDays);
        long allowed = payer.allowedCents(billed);
        long deductibleRemaining = CostShare.deductibleRemainingCents(payer, day, person.annualDeductibleSpent());
        CostShare share = CostShare.of(payer, department, service, inpatient, stayDays, allowed, deductibleRemaining);
        long expected = payer.insured() ? share.totalCents() : selfPayEstimate(billed);
        boolean insured = payer.insured();

        // --- the patient record ---
        LocalDate birthDate = person.birthDate();
        String ssn = person.ssn();
        String phone = person.phone();
        switch (variant) {
            case INVALID_SSN -> ssn = malformedSsn(r);
            case MISSING_PHONE -> phone = null;
            case MISTYPED_BIRTH_DATE -> birthDate = mistypedBirthDate(birthDate, r);
            default -> { }
        }
        Patient patient = new Patient(mrn, List.of(new PatientIdentifier(mrn, "MR", facility.id())), person.name(), birthDate,
                person.sex(), ssn, person.address(), phone, null);
        Guarantor guarantor = person.guardianName() != null && person.minor(day)
                ? new Guarantor(person.guardianName(), person.guardianBirthDate(), "child", person.address(), phone)
                : new Guarantor(person.name(), birthDate, "self", person.address(), phone);

        // --- eligibility (270/271) ---
        boolean checked = insured && defect != Defect.NO_ELIGIBILITY_CHECK;
        long inquiryAt = -1;
        long responseAt = -1;
        String checkedBy = null;
        if (checked) {
            if (preRegistered) {
                inquiryAt = preRegistration - Draws.between(r, 30, 240);
                checkedBy = preAccess.id();
            }
            else {
                inquiryAt = registrationStarted + Draws.between(r, 30, 90);
                checkedBy = registrar.id();
            }
            responseAt = inquiryAt + Draws.between(r, 2, 20);
        }
        LocalDate coverageEnd = null;
        if (defect == Defect.COVERAGE_TERMINATED) {
            coverageEnd = day.withDayOfMonth(1).minusMonths(r.nextInt(3)).minusDays(1);
            if (!coverageEnd.isAfter(person.coverageStart())) {
                coverageEnd = day.minusDays(1);
            }
        }
        boolean rejectedInquiry = defect == Defect.WRONG_MEMBER_ID || variant == Variant.MISTYPED_BIRTH_DATE;
        CoverageVerification verification = checked
                ? new CoverageVerification(rejectedInquiry || defect == Defect.COVERAGE_TERMINATED ? "failed" : "verified", time(responseAt, zone), checkedBy)
                : null;

        // --- prior authorization (278) ---
        boolean authorizationNeeded = payer.requiresAuthorization(service.authorizationCategory()) && department != Department.ED;
        boolean authorizationRequested = authorizationNeeded && defect != Defect.MISSING_AUTHORIZATION;
        long requestAt = -1;
        long decisionAt = -1;
        boolean expedited = booking == Booking.SAME_DAY || leadDays <= 2;
        String authorizationNumber = null;
        CertificationAction action = null;
        if (authorizationRequested) {
            requestAt = booking == Booking.SAME_DAY
                    ? scheduledAt + Draws.between(r, 300, 1200)
                    : scheduledAt + Draws.between(r, 1200, 4 * HOUR);
            long turnaround = expedited ? Draws.between(r, 900, 48 * HOUR) : Draws.between(r, 2 * HOUR, 7 * DAY);
            long latest = arrival - 1800;
            if (requestAt + turnaround > latest) {
                turnaround = Math.max(60, (long) ((latest - requestAt) * (0.3 + 0.6 * r.nextDouble())));
            }
            decisionAt = requestAt + turnaround;
            action = Draws.chance(r, 0.97) ? CertificationAction.CERTIFIED_IN_TOTAL : CertificationAction.MODIFIED;
            authorizationNumber = "PA" + digits(r, 8);
        }
        String referralNumber = payer.requiresReferral(department) && defect != Defect.MISSING_REFERRAL ? "RF" + digits(r, 7) : null;

        // --- order, forms and notices ---
        Provider orderingProvider = orderingProvider(state, department, inpatient, booking, defect, scheduledAt, arrival, zone, r);
        long consentAt = registrationStarted + Draws.between(r, 60, processing - 30);
        long mspAt = -1;
        if (person.payer().isMedicare() && defect != Defect.MISSING_MSPQ) {
            mspAt = preRegistered ? preRegistration - Draws.between(r, 0, 20) : consentAt;
        }
        long financialFormAt = department != Department.ED ? consentAt
                : defect == Defect.EMTALA_VIOLATION ? registrationCompleted - Draws.between(r, 10, 60) : -1;
        long estimateAt = -1;
        BigDecimal estimateAmount = null;
        if (!insured && booking == Booking.ELECTIVE) {
            if (defect == Defect.MISSING_GFE) {
                LocalDate deadline = BusinessDays.goodFaithEstimateDeadline(bookingDate, day);
                long late = startOfDay(BusinessDays.plus(deadline, Draws.between(r, 1, 3)), zone) + Draws.between(r, 10 * HOUR, 16 * HOUR);
                estimateAt = Draws.chance(r, 0.4) && late < arrival - HOUR ? late : -1;
                detail = estimateAt < 0 ? "no good-faith estimate" : "good-faith estimate after the deadline";
            }
            else {
                estimateAt = scheduledAt + Draws.between(r, 1800, 3 * HOUR);
            }
            if (estimateAt >= 0) {
                estimateAmount = BigDecimal.valueOf(Math.round(expected / 100.0 * (0.95 + 0.15 * r.nextDouble())) * 100, 2);
            }
        }
        int missingForm = defect == Defect.MISSING_CONSENT ? r.nextInt(3) : -1;
        if (missingForm >= 0) {
            detail = switch (missingForm) {
                case 0 -> "general consent";
                case 1 -> "assignment of benefits";
                default -> "notice of privacy practices";
            };
        }
        PatientAcknowledgments acknowledgments = new PatientAcknowledgments(
                missingForm == 0 ? null : time(consentAt, zone),
                missingForm == 1 ? null : time(consentAt, zone),
                missingForm == 2 ? null : time(consentAt, zone),
                time(mspAt, zone), null, time(financialFormAt, zone), time(estimateAt, zone), estimateAmount);

        // --- the registration record ---
        List<Diagnosis> diagnoses = diagnoses(service, r);
        ScheduledService scheduled = new ScheduledService(service.code(), service.codeSystem(), service.description(),
                time(scheduledFor, zone), time(scheduledAt, zone), units);
        Subscriber subscriber = insured ? new Subscriber(person.subscriberName(), person.subscriberBirthDate(), person.relationship()) : null;
        String groupNumber = payer == person.payer() ? person.groupNumber() : null;
        List<Insurance> insurances = insured
                ? List.of(insurance(payer, memberId, groupNumber, subscriber, person.coverageStart(), coverageEnd, verification, referralNumber, authorizationNumber))
                : List.of();
        RegistrationSnapshot registration = new RegistrationSnapshot(patient, patientClass, department.code(), scheduled, diagnoses,
                orderingProvider, payer.financialClass(), insurances, guarantor, acknowledgments);

        EncounterStory.Builder story = new EncounterStory.Builder(nextOrder++, encounterId, facility.id(), zone);
        String departmentCode = department.code();

        // --- before the day ---
        if (preRegistered) {
            boolean verifiedBefore = responseAt >= 0 && responseAt < preRegistration;
            List<Insurance> preInsurances = insured
                    ? List.of(insurance(payer, memberId, groupNumber, subscriber, person.coverageStart(), coverageEnd,
                            verifiedBefore ? verification : null, referralNumber, decisionAt >= 0 && decisionAt < preRegistration ? authorizationNumber : null))
                    : List.of();
            PatientAcknowledgments preAcknowledgments = new PatientAcknowledgments(null, null, null,
                    mspAt >= 0 && mspAt <= preRegistration ? time(mspAt, zone) : null, null, null,
                    estimateAt >= 0 && estimateAt <= preRegistration ? time(estimateAt, zone) : null,
                    estimateAt >= 0 && estimateAt <= preRegistration ? estimateAmount : null);
            RegistrationSnapshot preRegistrationRecord = new RegistrationSnapshot(patient, inpatient ? PatientClass.PREADMIT : PatientClass.OUTPATIENT,
                    departmentCode, scheduled, diagnoses, orderingProvider, payer.financialClass(), preInsurances, guarantor, preAcknowledgments);
            String preAccessId = preAccess.id();
            story.add(EventType.REGISTRATION_PRE_REGISTERED, preRegistration, e -> preRegistrationRecord.event(e, preAccessId, null));
            if (cancelled) {
                long cancelledAt = Math.max(preRegistration + HOUR, startOfDay(day.minusDays(1), zone) + Draws.between(r, 9 * HOUR, 16 * HOUR));
                story.add(EventType.REGISTRATION_CANCELLED, cancelledAt, e -> preRegistrationRecord.event(e, preAccessId, "patient cancelled the appointment"));
            }
        }
        if (checked) {
            long planCopay = payer.copayCents(department, service, stayDays);
            long openDeductible = payer == Payer.MEDICARE && inpatient ? Payer.PART_A_DEDUCTIBLE_CENTS : deductibleRemaining;
            Benefits benefits = new Benefits(
                    planCopay >= 0 ? BigDecimal.valueOf(planCopay, 2) : null,
                    payer.annualDeductibleCents() > 0 ? BigDecimal.valueOf(openDeductible, 2) : null,
                    BigDecimal.valueOf(Math.round(payer.coinsurance() * 100), 2));
            addEligibility(story, encounterId, payer, memberId, day, checkedBy, departmentCode, inquiryAt, responseAt, defect, variant,
                    person.coverageStart(), coverageEnd, benefits, authorizationNeeded);
        }
        if (authorizationRequested) {
            addAuthorization(story, encounterId, payer, service, units, day, inpatient, stayDays, expedited, requestAt, decisionAt,
                    action, authorizationNumber, zone);
        }
        if (cancelled) {
            return new PlannedEncounter(checkedLookback(story.build(seed, maxJitterMillis), dayStart), null, null);
        }

        // --- the day of service ---
        String registrarId = registrar.id();
        story.add(EventType.FLOW_ARRIVED, arrival, e -> flow(e, departmentCode, null));
        story.add(EventType.FLOW_REGISTRATION_STARTED, registrationStarted, e -> flow(e, departmentCode, registrarId));
        story.add(EventType.FLOW_REGISTRATION_COMPLETED, registrationCompleted, e -> flow(e, departmentCode, registrarId));
        story.add(inpatient ? EventType.REGISTRATION_ADMITTED : EventType.REGISTRATION_REGISTERED, registrationCompleted,
                e -> registration.event(e, registrarId, null));
        if (screening >= 0) {
            String physician = Draws.pick(r, state.physicians.get(Department.ED)).npi();
            story.add(EventType.FLOW_MEDICAL_SCREENING_COMPLETED, screening, e -> flow(e, departmentCode, physician));
        }
        story.add(EventType.FLOW_SERVICE_STARTED, serviceStarted, e -> flow(e, departmentCode, null));
        story.add(EventType.FLOW_DEPARTED, departed, e -> flow(e, departmentCode, null));
        if (inpatient) {
            story.add(EventType.REGISTRATION_DISCHARGED, departed, e -> registration.event(e, null, null));
        }
        if (expected > 0 && (defect == Defect.EMTALA_VIOLATION || Draws.chance(r, insured ? 0.8 : 0.6))) {
            long paidAt;
            String collector = registrarId;
            PaymentMethod method = PAYMENT_METHODS[Draws.weighted(r, PAYMENT_METHOD_WEIGHTS)];
            if (defect == Defect.EMTALA_VIOLATION) {
                // asked to pay at the desk, before the screening exam
                paidAt = registrationCompleted + Draws.between(r, 20, 120);
            }
            else if (department == Department.ED) {
                // at discharge, well after the screening exam
                paidAt = departed - Draws.between(r, 300, 1200);
            }
            else if (preRegistered && Draws.chance(r, 0.2)) {
                paidAt = preRegistration + Draws.between(r, 60, 600);
                collector = preAccess.id();
                method = Draws.chance(r, 0.5) ? PaymentMethod.ONLINE : PaymentMethod.CARD;
            }
            else {
                paidAt = registrationCompleted + Draws.between(r, 20, 150);
            }
            BigDecimal amount = BigDecimal.valueOf(Math.min(expected, 500_00), 2);
            BigDecimal estimate = BigDecimal.valueOf(expected, 2);
            String collectedBy = collector;
            PaymentMethod paymentMethod = method;
            story.add(EventType.PAYMENT_COLLECTED, paidAt, e -> new PointOfServicePayment(e.eventId(), e.eventType(), e.eventTime(), e.source(),
                    e.facilityId(), e.schemaVersion(), e.encounterId(), amount, estimate, paymentMethod, collectedBy));
        }
        if (Draws.chance(r, 0.06)) {
            long from = registrationCompleted + 600;
            long to = Math.min(departed, registrationCompleted + 6 * HOUR) - 60;
            if (to > from) {
                RegistrationSnapshot updated = registration.withAddressLine2(
                        patient.address().line2() == null ? "Apt " + (1 + r.nextInt(30)) + (char) ('A' + r.nextInt(6)) : null);
                story.add(EventType.REGISTRATION_UPDATED, Draws.between(r, from, to), e -> updated.event(e, registrarId, null));
            }
        }

        // --- the claim ---
        GroundTruth.BackEndDenial backEndDenial = null;
        if (insured) {
            Adjudication adjudication = adjudicator.adjudicate(billed, allowed, share, defect, variant, r);
            addClaim(story, encounterId, payer, adjudication, service, units, billed, day, localDate(departed, zone), zone, r);
            if (adjudication.backEndReason() != null) {
                backEndDenial = new GroundTruth.BackEndDenial(encounterId, facility.id(), adjudication.backEndReason());
            }
        }
        GroundTruth.InjectedDefect injected = defect == null ? null
                : new GroundTruth.InjectedDefect(encounterId, facility.id(), departmentCode, registrarId, defect, detail);
        return new PlannedEncounter(checkedLookback(story.build(seed, maxJitterMillis), dayStart), injected, backEndDenial);
    }

    private static void addEligibility(EncounterStory.Builder story, String encounterId, Payer payer, String memberId, LocalDate day,
            String checkedBy, String department, long inquiryAt, long responseAt, Defect defect, Variant variant,
            LocalDate coverageStart, LocalDate coverageEnd, Benefits benefits, boolean authorizationNeeded)
    {
        String trace = encounterId + "-T1";
        List<String> serviceTypes = List.of("30", serviceTypeCode(department));
        story.add(EventType.ELIGIBILITY_INQUIRY, inquiryAt, e -> new EligibilityInquiry(e.eventId(), e.eventType(), e.eventTime(),
                e.source(), e.facilityId(), e.schemaVersion(), e.encounterId(), trace, payer.payerId(), memberId, day, serviceTypes, checkedBy));

        EligibilityAnswer answer;
        if (defect == Defect.WRONG_MEMBER_ID) {
            answer = EligibilityAnswer.rejected(new RequestRejection("72", "C", "2100C"));
        }
        else if (variant == Variant.MISTYPED_BIRTH_DATE) {
            answer = EligibilityAnswer.rejected(new RequestRejection("71", "C", "2100C"));
        }
        else if (defect == Defect.COVERAGE_TERMINATED) {
            answer = new EligibilityAnswer(CoverageStatus.INACTIVE, List.of(), payer.planName(), coverageStart, coverageEnd,
                    null, null, null, null, null, false);
        }
        else {
            // WRONG_PLAN: the wrong payer still knows the person and points at the plan that really covers them (EB01 R)
            answer = new EligibilityAnswer(CoverageStatus.ACTIVE, List.of(), payer.planName(), coverageStart, null,
                    benefits.copay(), benefits.deductibleRemaining(), benefits.coinsurance(),
                    authorizationNeeded, Boolean.TRUE, defect == Defect.WRONG_PLAN);
        }
        story.add(EventType.ELIGIBILITY_RESPONSE, responseAt, e -> new EligibilityResponse(e.eventId(), e.eventType(), e.eventTime(),
                e.source(), e.facilityId(), e.schemaVersion(), e.encounterId(), trace, payer.payerId(), memberId, day,
                answer.status(), answer.rejections(), answer.planName(), answer.planBegin(), answer.planEnd(), answer.copay(),
                answer.deductibleRemaining(), answer.coinsurance(), null, answer.authorizationRequired(), answer.inNetwork(),
                answer.otherPayer()));
    }

    /** The 271 benefit amounts for the service: EB01 B copay, C deductible remaining, A coinsurance. */
    private record Benefits(BigDecimal copay, BigDecimal deductibleRemaining, BigDecimal coinsurance) {}

    /** What a 271 says, before the envelope is known. */
    private record EligibilityAnswer(
            CoverageStatus status,
            List<RequestRejection> rejections,
            String planName,
            LocalDate planBegin,
            LocalDate planEnd,
            BigDecimal copay,
            BigDecimal deductibleRemaining,
            BigDecimal coinsurance,
            Boolean authorizationRequired,
            Boolean inNetwork,
            boolean otherPayer)
    {
        static EligibilityAnswer rejected(RequestRejection rejection)
        {
            return new EligibilityAnswer(CoverageStatus.UNKNOWN, List.of(rejection), null, null, null, null, null, null, null, null, false);
        }
    }

    private static void addAuthorization(EncounterStory.Builder story, String encounterId, Payer payer, MedicalService service, int units,
            LocalDate day, boolean inpatient, int stayDays, boolean expedited, long requestAt, long decisionAt,
            CertificationAction action, String authorizationNumber, ZoneId zone)
    {
        String tracking = encounterId + "-A1";
        String category = inpatient ? "AR" : "HS";
        String serviceType = inpatient ? "48" : service.authorizationCategory() == AuthorizationCategory.ADVANCED_IMAGING ? "62" : "2";
        LocalDate serviceTo = inpatient ? day.plusDays(stayDays) : day;
        story.add(EventType.AUTHORIZATION_REQUEST, requestAt, e -> new AuthorizationRequest(e.eventId(), e.eventType(), e.eventTime(),
                e.source(), e.facilityId(), e.schemaVersion(), e.encounterId(), tracking, payer.payerId(), category, "I", serviceType,
                service.code(), units, day, serviceTo, expedited));
        OffsetDateTime requestedAt = time(requestAt, zone);
        LocalDate certifiedFrom = action == CertificationAction.MODIFIED ? day.minusDays(3) : day;
        LocalDate certifiedTo = inpatient ? day.plusDays(stayDays + 2L) : day.plusDays(30);
        story.add(EventType.AUTHORIZATION_DECISION, decisionAt, e -> new AuthorizationDecision(e.eventId(), e.eventType(), e.eventTime(),
                e.source(), e.facilityId(), e.schemaVersion(), e.encounterId(), tracking, payer.payerId(), action, authorizationNumber, null,
                certifiedFrom, certifiedTo, units, requestedAt));
    }

    private static void addClaim(EncounterStory.Builder story, String encounterId, Payer payer, Adjudication adjudication,
            MedicalService service, int units, long billedCents, LocalDate day, LocalDate serviceEnd, ZoneId zone, SplittableRandom r)
    {
        BigDecimal billed = BigDecimal.valueOf(billedCents, 2);
        long acknowledgedAt = startOfDay(serviceEnd.plusDays(Draws.between(r, 2, 5)), zone) + Draws.between(r, 6 * HOUR, 20 * HOUR);
        for (int i = 0; i < adjudication.acknowledgments().size(); i++) {
            if (i > 0) {
                acknowledgedAt = startOfDay(localDate(acknowledgedAt, zone).plusDays(Draws.between(r, 2, 6)), zone) + Draws.between(r, 6 * HOUR, 20 * HOUR);
            }
            List<ClaimStatusCode> statuses = adjudication.acknowledgments().get(i);
            LocalDate statusDate = localDate(acknowledgedAt, zone);
            story.add(EventType.CLAIM_ACKNOWLEDGMENT, acknowledgedAt, e -> new ClaimAcknowledgment(e.eventId(), e.eventType(), e.eventTime(),
                    e.source(), e.facilityId(), e.schemaVersion(), e.encounterId(), encounterId, payer.payerId(), statuses, billed, statusDate));
        }
        LocalDate lastAcknowledgment = localDate(acknowledgedAt, zone);
        LocalDate remitted = serviceEnd.plusDays(Draws.between(r, payer.minRemittanceDays(), payer.maxRemittanceDays()));
        if (remitted.isBefore(lastAcknowledgment.plusDays(7))) {
            remitted = lastAcknowledgment.plusDays(Draws.between(r, 7, 14));
        }
        for (int i = 0; i < adjudication.remittances().size(); i++) {
            if (i > 0) {
                remitted = remitted.plusDays(Draws.between(r, 10, 25));
            }
            Remittance remittance = adjudication.remittances().get(i);
            LocalDate paymentDate = remitted;
            String payerClaimNumber = payerClaimNumber(paymentDate, encounterId, i + 1);
            BigDecimal paid = BigDecimal.valueOf(remittance.paidCents(), 2);
            BigDecimal patientResponsibility = BigDecimal.valueOf(remittance.patientResponsibilityCents(), 2);
            List<ServiceLinePayment> lines = List.of(new ServiceLinePayment(service.code(), billed, paid, units, List.of(), List.of()));
            story.add(EventType.CLAIM_REMITTANCE, startOfDay(paymentDate, zone) + Draws.between(r, 4 * HOUR, 20 * HOUR),
                    e -> new ClaimRemittance(e.eventId(), e.eventType(), e.eventTime(), e.source(), e.facilityId(), e.schemaVersion(),
                            e.encounterId(), encounterId, payer.payerId(), payerClaimNumber, remittance.claimStatus(), billed, paid,
                            patientResponsibility, remittance.adjustments(), remittance.remarkCodes(), lines, day, paymentDate));
        }
    }

    private static PatientFlowEvent flow(EventEnvelope e, String department, String staffId)
    {
        return new PatientFlowEvent(e.eventId(), e.eventType(), e.eventTime(), e.source(), e.facilityId(), e.schemaVersion(),
                e.encounterId(), department, staffId);
    }

    private static Insurance insurance(Payer payer, String memberId, String groupNumber, Subscriber subscriber, LocalDate coverageStart,
            LocalDate coverageEnd, CoverageVerification verification, String referralNumber, String authorizationNumber)
    {
        return new Insurance(payer.payerId(), payer.payerName(), payer.planId(), payer.planName(), payer.planType(), memberId, groupNumber,
                subscriber, 1, coverageStart, coverageEnd, verification, referralNumber, authorizationNumber);
    }

    private static Provider orderingProvider(FacilityState state, Department department, boolean inpatient, Booking booking, Defect defect,
            long scheduledAt, long arrival, ZoneId zone, SplittableRandom r)
    {
        boolean booked = scheduledAt >= 0;
        return switch (department) {
            case ED -> null;
            case IMG -> defect == Defect.MISSING_PHYSICIAN_ORDER ? null
                    : provider(Draws.pick(r, state.physicians.get(Department.CLIN)),
                            booked ? scheduledAt - Draws.between(r, 600, 2 * DAY) : arrival - Draws.between(r, 600, 2 * HOUR), zone);
            case SURG -> !inpatient && defect == Defect.MISSING_PHYSICIAN_ORDER ? null
                    : provider(Draws.pick(r, state.physicians.get(Department.SURG)), scheduledAt - Draws.between(r, 600, 2 * DAY), zone);
            case INPT -> provider(Draws.pick(r, state.physicians.get(Department.INPT)),
                    scheduledAt - Draws.between(r, 600, booking == Booking.SAME_DAY ? HOUR : DAY), zone);
            case CLIN -> provider(Draws.pick(r, state.physicians.get(Department.CLIN)), booked ? scheduledAt : arrival - 300, zone);
        };
    }

    private static Provider provider(Physician physician, long orderedAt, ZoneId zone)
    {
        return new Provider(physician.npi(), physician.name(), time(orderedAt, zone));
    }

    private static Registrar onDuty(FacilityState state, Registrar.Role role, int hour, SplittableRandom r)
    {
        List<Registrar> onDuty = state.rosters.get(role).get(hour);
        if (onDuty.isEmpty()) {
            // Outside the desk's hours the ED registrars register everyone; pre-access staff finish late calls.
            onDuty = role == Registrar.Role.PRE_ACCESS ? state.facility.registrars(role) : state.rosters.get(Registrar.Role.EMERGENCY).get(hour);
        }
        return Draws.pick(r, onDuty);
    }

    private static MedicalService service(DepartmentProfile profile, Booking booking, SplittableRandom r)
    {
        double[] weights = profile.serviceWeights();
        if (booking == Booking.WALK_IN && profile.department() != Department.ED) {
            // nobody walks in for a service that needs prior authorization
            for (int i = 0; i < weights.length; i++) {
                if (profile.services().get(i).authorizationCategory() != AuthorizationCategory.NONE) {
                    weights[i] = 0;
                }
            }
        }
        return profile.services().get(Draws.weighted(r, weights));
    }

    /** The annual wellness visit (G0439) is Medicare's; other patients get a preventive visit (99396) instead, and vice versa. */
    /**
     * The service this patient can plausibly have: a screening mammogram only for women, the 40–64
     * preventive visit only at those ages (Medicare patients get their annual wellness visit, others an
     * office visit). Without this, QA rules about sex- and age-specific services would fire on clean data.
     */
    private static MedicalService serviceFor(SyntheticPerson person, LocalDate day, MedicalService service, DepartmentProfile profile)
    {
        int age = Period.between(person.birthDate(), day).getYears();
        String wanted = switch (service.code()) {
            case "77067" -> "F".equals(person.sex()) ? null : "71046";
            case "99396", "G0439" -> person.payer().isMedicare() ? "G0439" : age >= 40 && age <= 64 ? "99396" : "99213";
            default -> null;
        };
        if (wanted == null || wanted.equals(service.code())) {
            return service;
        }
        for (MedicalService candidate : profile.services()) {
            if (candidate.code().equals(wanted)) {
                return candidate;
            }
        }
        return service;
    }

    private static double inpatientShare(MedicalService service)
    {
        return switch (service.code()) {
            case "27447" -> 0.8;
            case "63030" -> 0.5;
            case "47562" -> 0.3;
            default -> 0.03;
        };
    }

    private static long billed(MedicalService service, int units, Department department, boolean inpatient, int stayDays)
    {
        long billed = service.chargeCents() * units;
        if (department == Department.SURG && inpatient) {
            billed += stayDays * 3_200_00L;
        }
        return billed;
    }

    /** What an uninsured patient is asked for: the charge less the hospital's 60% uninsured discount, in whole dollars. */
    private static long selfPayEstimate(long billedCents)
    {
        return Math.round(billedCents * 0.40 / 100) * 100;
    }

    private static List<Diagnosis> diagnoses(MedicalService service, SplittableRandom r)
    {
        String principal = Draws.pick(r, service.diagnoses());
        if (Draws.chance(r, 0.4)) {
            String secondary = Draws.pick(r, COMORBIDITIES);
            if (!secondary.equals(principal)) {
                return List.of(new Diagnosis(principal, "ICD-10-CM", 1), new Diagnosis(secondary, "ICD-10-CM", 2));
            }
        }
        return List.of(new Diagnosis(principal, "ICD-10-CM", 1));
    }

    /** X12 service type codes for EQ01/UM03. */
    private static String serviceTypeCode(String department)
    {
        return switch (department) {
            case "ED" -> "86";
            case "IMG" -> "4";
            case "SURG" -> "2";
            case "INPT" -> "48";
            default -> "98";
        };
    }

    /** SSNs a registrar might type: an area of 000, 666 or 9xx, or a digit short. */
    private static String malformedSsn(SplittableRandom r)
    {
        String group = String.valueOf(10 + r.nextInt(90));
        String serial = String.valueOf(1000 + r.nextInt(9000));
        return switch (r.nextInt(4)) {
            case 0 -> "000-" + group + "-" + serial;
            case 1 -> "666-" + group + "-" + serial;
            case 2 -> (900 + r.nextInt(100)) + "-" + group + "-" + serial;
            default -> (100 + r.nextInt(500)) + "-" + group + "-" + serial.substring(1);
        };
    }

    /** Day and month swapped when that gives another valid date, else the year or the day off by a little. */
    private static LocalDate mistypedBirthDate(LocalDate birthDate, SplittableRandom r)
    {
        if (birthDate.getDayOfMonth() <= 12 && birthDate.getDayOfMonth() != birthDate.getMonthValue() && Draws.chance(r, 0.5)) {
            return LocalDate.of(birthDate.getYear(), birthDate.getDayOfMonth(), birthDate.getMonthValue());
        }
        return Draws.chance(r, 0.5) ? birthDate.minusYears(1) : birthDate.minusDays(Draws.between(r, 1, 9));
    }

    private static long discharge(LocalDate day, int stayDays, ZoneId zone, SplittableRandom r)
    {
        return startOfDay(day.plusDays(stayDays), zone) + Draws.between(r, 10 * HOUR, 16 * HOUR);
    }

    private static String payerClaimNumber(LocalDate paymentDate, String encounterId, int remittance)
    {
        int dayOfYear = paymentDate.getDayOfYear();
        return paymentDate.getYear() + (dayOfYear < 10 ? "00" : dayOfYear < 100 ? "0" : "") + dayOfYear
                + encounterId.substring(encounterId.length() - 7) + remittance;
    }

    private EncounterStory checkedLookback(EncounterStory story, long dayStart)
    {
        if (story.earliestEventSecond() < dayStart - MAX_LOOKBACK_DAYS * DAY) {
            throw new IllegalStateException("encounter " + story.encounterId() + " starts more than " + MAX_LOOKBACK_DAYS + " days before its service day");
        }
        return story;
    }

    static String encounterId(String facilityId, int number)
    {
        String digits = Integer.toString(number);
        if (digits.length() > 7) {
            throw new IllegalStateException("more than 9,999,999 encounters at " + facilityId);
        }
        return facilityId + "-E" + "0000000".substring(digits.length()) + digits;
    }

    private static long clamp(long value, long min, long max)
    {
        return Math.max(min, Math.min(max, value));
    }

    private static long startOfDay(LocalDate date, ZoneId zone)
    {
        return date.atStartOfDay(zone).toEpochSecond();
    }

    private static LocalDate localDate(long epochSecond, ZoneId zone)
    {
        return LocalDate.ofInstant(Instant.ofEpochSecond(epochSecond), zone);
    }

    private static int localHour(long epochSecond, ZoneId zone)
    {
        return Instant.ofEpochSecond(epochSecond).atZone(zone).getHour();
    }

    /** The instant in the facility's zone, or null for "never" (-1). */
    private static OffsetDateTime time(long epochSecond, ZoneId zone)
    {
        return epochSecond < 0 ? null : OffsetDateTime.ofInstant(Instant.ofEpochSecond(epochSecond), zone);
    }

    private static String digits(SplittableRandom r, int count)
    {
        char[] digits = new char[count];
        for (int i = 0; i < count; i++) {
            digits[i] = (char) ('0' + r.nextInt(10));
        }
        return new String(digits);
    }
}
