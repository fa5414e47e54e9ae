package io.admitto.ingest.fhir;

import io.admitto.events.Address;
import io.admitto.events.Diagnosis;
import io.admitto.events.EventType;
import io.admitto.events.Insurance;
import io.admitto.events.Patient;
import io.admitto.events.PatientClass;
import io.admitto.events.PatientIdentifier;
import io.admitto.events.PersonName;
import io.admitto.events.PlanType;
import io.admitto.events.RegistrationEvent;
import io.admitto.events.ScheduledService;
import io.admitto.events.Subscriber;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Encounter (with its Patient, Coverages and Appointment from the same Bundle or file) into a full
 * {@link RegistrationEvent}; a booked Appointment that no Encounter in the file points to into a
 * pre-registration. A registration without the patient's demographics would make every QA rule fire, so
 * an Encounter whose Patient is not in the file is rejected rather than mapped half-empty.
 */
final class RegistrationMapper {
    private static final String ICD10 = "icd-10";

    private RegistrationMapper() {}

    static RegistrationEvent encounter(Encounter encounter, ResourceContext context) {
        org.hl7.fhir.r4.model.Patient patient = patient(encounter.getSubject(), context);
        EventType type = eventType(encounter);
        Appointment appointment = encounter.getAppointment().stream()
                .map(reference -> context.index().resolve(reference, Appointment.class))
                .flatMap(Optional::stream).findFirst().orElse(null);
        return new RegistrationEvent(
                context.eventId("registration"),
                type,
                eventTime(encounter, type, context),
                context.source(),
                context.facilityId(encounter.getServiceProvider()),
                RegistrationEvent.CURRENT_SCHEMA_VERSION,
                encounterId(encounter.getIdentifier(), context),
                patient(patient, context),
                patientClass(encounter.getClass_()),
                encounter.getServiceType().getCoding().stream().filter(Coding::hasCode).map(Coding::getCode).findFirst().orElse(null),
                appointment == null ? null : scheduledService(appointment, context),
                diagnoses(encounter, context),
                null,
                null,
                null,
                insurances(patient, context),
                null,
                null,
                null);
    }

    static RegistrationEvent appointment(Appointment appointment, ResourceContext context) {
        Reference patientReference = appointment.getParticipant().stream()
                .map(Appointment.AppointmentParticipantComponent::getActor)
                .filter(actor -> actor.hasReference() && actor.getReference().contains("Patient"))
                .findFirst()
                .orElseThrow(() -> new FhirMappingException(context.reference() + " has no Patient participant"));
        org.hl7.fhir.r4.model.Patient patient = patient(patientReference, context);
        Appointment.AppointmentStatus status = appointment.getStatus();
        EventType type = status == Appointment.AppointmentStatus.CANCELLED || status == Appointment.AppointmentStatus.NOSHOW
                || status == Appointment.AppointmentStatus.ENTEREDINERROR
                ? EventType.REGISTRATION_CANCELLED : EventType.REGISTRATION_PRE_REGISTERED;
        OffsetDateTime time = context.lastUpdated()
                .or(() -> FhirValues.dateTime(appointment.getCreatedElement(), context.zone()))
                .or(() -> FhirValues.dateTime(appointment.getStartElement(), context.zone()))
                .orElseThrow(() -> new FhirMappingException(context.reference() + " has no meta.lastUpdated, created or start: no event time"));
        return new RegistrationEvent(
                context.eventId("pre-registration"),
                type,
                time,
                context.source(),
                context.facilityId(null),
                RegistrationEvent.CURRENT_SCHEMA_VERSION,
                encounterId(appointment.getIdentifier(), context),
                patient(patient, context),
                null,
                // an appointment's service type is the procedure, not a department; the Encounter will say
                null,
                scheduledService(appointment, context),
                List.of(),
                null,
                null,
                null,
                insurances(patient, context),
                null,
                null,
                type == EventType.REGISTRATION_CANCELLED && appointment.hasCancelationReason()
                        ? appointment.getCancelationReason().hasText() ? appointment.getCancelationReason().getText()
                        : FhirValues.firstCode(appointment.getCancelationReason()).orElse(null)
                        : null);
    }

    private static org.hl7.fhir.r4.model.Patient patient(Reference reference, ResourceContext context) {
        if (reference == null || !reference.hasReference()) {
            throw new FhirMappingException(context.reference() + " has no subject: a registration needs its patient");
        }
        return context.index().resolve(reference, org.hl7.fhir.r4.model.Patient.class)
                .orElseThrow(() -> new FhirMappingException(context.reference() + " refers to " + reference.getReference()
                        + ", which is not in this file: a registration needs the patient's demographics"));
    }

    /** The visit number (identifier type VN), else the first identifier, else the resource id. */
    private static String encounterId(List<Identifier> identifiers, ResourceContext context) {
        return FhirValues.identifierOfType(identifiers, "VN")
                .or(() -> FhirValues.firstIdentifier(identifiers))
                .or(() -> Optional.ofNullable(context.resource().getIdElement().getIdPart()))
                .orElseThrow(() -> new FhirMappingException(context.reference() + " has no identifier and no id: no encounter to key it to"));
    }

    private static EventType eventType(Encounter encounter) {
        if (!encounter.hasStatus()) {
            return EventType.REGISTRATION_UPDATED;
        }
        return switch (encounter.getStatus()) {
            case PLANNED -> EventType.REGISTRATION_PRE_REGISTERED;
            case ARRIVED, TRIAGED, INPROGRESS -> patientClass(encounter.getClass_()) == PatientClass.INPATIENT
                    ? EventType.REGISTRATION_ADMITTED : EventType.REGISTRATION_REGISTERED;
            case FINISHED -> EventType.REGISTRATION_DISCHARGED;
            case CANCELLED, ENTEREDINERROR -> EventType.REGISTRATION_CANCELLED;
            default -> EventType.REGISTRATION_UPDATED;
        };
    }

    /** The clinical instant of the state (period end for a discharge, start for an arrival), else meta.lastUpdated. */
    private static OffsetDateTime eventTime(Encounter encounter, EventType type, ResourceContext context) {
        Optional<OffsetDateTime> start = FhirValues.dateTime(encounter.getPeriod().getStartElement(), context.zone());
        Optional<OffsetDateTime> end = FhirValues.dateTime(encounter.getPeriod().getEndElement(), context.zone());
        Optional<OffsetDateTime> time = switch (type) {
            case REGISTRATION_DISCHARGED -> end.or(context::lastUpdated).or(() -> start);
            case REGISTRATION_REGISTERED, REGISTRATION_ADMITTED -> start.or(context::lastUpdated);
            default -> context.lastUpdated().or(() -> start);
        };
        return time.orElseThrow(() -> new FhirMappingException(context.reference()
                + " has no period and no meta.lastUpdated: no event time"));
    }

    /** v3 ActCode encounter classes onto HL7 v2 PV1-2. */
    static PatientClass patientClass(Coding encounterClass) {
        if (encounterClass == null || !encounterClass.hasCode()) {
            return PatientClass.UNKNOWN;
        }
        return switch (encounterClass.getCode()) {
            case "EMER" -> PatientClass.EMERGENCY;
            case "IMP", "ACUTE", "NONAC" -> PatientClass.INPATIENT;
            case "AMB", "SS", "HH", "VR", "FLD" -> PatientClass.OUTPATIENT;
            case "OBSENC" -> PatientClass.OBSERVATION;
            case "PRENC" -> PatientClass.PREADMIT;
            default -> PatientClass.UNKNOWN;
        };
    }

    private static Patient patient(org.hl7.fhir.r4.model.Patient patient, ResourceContext context) {
        List<PatientIdentifier> identifiers = new ArrayList<>();
        for (Identifier identifier : patient.getIdentifier()) {
            if (identifier.hasValue()) {
                identifiers.add(new PatientIdentifier(identifier.getValue(),
                        FhirValues.firstCode(identifier.getType()).orElse(null),
                        identifier.getAssigner().hasDisplay() ? identifier.getAssigner().getDisplay()
                                : identifier.hasSystem() ? identifier.getSystem() : null));
            }
        }
        String ssn = patient.getIdentifier().stream()
                .filter(identifier -> "http://hl7.org/fhir/sid/us-ssn".equals(identifier.getSystem()) || FhirValues.hasCode(identifier.getType(), "SS"))
                .filter(Identifier::hasValue).map(Identifier::getValue).findFirst().orElse(null);
        LocalDate deathDate = patient.getDeceased() instanceof DateTimeType deceased
                ? FhirValues.date(deceased, context.zone()).orElse(null) : null;
        return new Patient(
                FhirValues.identifierOfType(patient.getIdentifier(), "MR").orElse(null),
                identifiers,
                name(patient.getName()),
                FhirValues.date(patient.getBirthDateElement(), context.zone()).orElse(null),
                sex(patient),
                ssn,
                patient.getAddress().isEmpty() ? null : address(patient.getAddressFirstRep()),
                patient.getTelecom().stream().filter(t -> t.getSystem() == ContactPoint.ContactPointSystem.PHONE && t.hasValue())
                        .map(ContactPoint::getValue).findFirst().orElse(null),
                deathDate);
    }

    /** The official name, else the first; given[1] is the middle name. */
    static PersonName name(List<HumanName> names) {
        if (names.isEmpty()) {
            return null;
        }
        HumanName name = names.stream().filter(n -> n.getUse() == HumanName.NameUse.OFFICIAL).findFirst().orElse(names.get(0));
        return new PersonName(name.getFamily(),
                name.getGiven().size() > 0 ? name.getGiven().get(0).getValue() : null,
                name.getGiven().size() > 1 ? name.getGiven().get(1).getValue() : null);
    }

    private static String sex(org.hl7.fhir.r4.model.Patient patient) {
        if (!patient.hasGender()) {
            return null;
        }
        return switch (patient.getGender()) {
            case MALE -> "M";
            case FEMALE -> "F";
            case OTHER -> "O";
            default -> "U";
        };
    }

    private static Address address(org.hl7.fhir.r4.model.Address address) {
        return new Address(
                address.getLine().size() > 0 ? address.getLine().get(0).getValue() : null,
                address.getLine().size() > 1 ? address.getLine().get(1).getValue() : null,
                address.getCity(), address.getState(), address.getPostalCode(), address.getCountry());
    }

    private static ScheduledService scheduledService(Appointment appointment, ResourceContext context) {
        Coding service = appointment.getServiceType().stream().flatMap(c -> c.getCoding().stream())
                .filter(Coding::hasCode).findFirst().orElse(null);
        return new ScheduledService(
                service == null ? null : service.getCode(),
                service == null ? null : codeSystem(service.getSystem()),
                service == null ? appointment.getDescription() : service.getDisplay(),
                FhirValues.dateTime(appointment.getStartElement(), context.zone()).orElse(null),
                FhirValues.dateTime(appointment.getCreatedElement(), context.zone()).orElse(null),
                1);
    }

    private static String codeSystem(String system) {
        if (system == null) {
            return null;
        }
        if (system.contains("cpt")) {
            return "CPT";
        }
        return system.contains("hcpcs") ? "HCPCS" : system;
    }

    /** ICD-10 codes from Encounter.diagnosis (its Conditions, by rank) and Encounter.reasonCode. */
    private static List<Diagnosis> diagnoses(Encounter encounter, ResourceContext context) {
        List<Diagnosis> diagnoses = new ArrayList<>();
        List<Encounter.DiagnosisComponent> ranked = new ArrayList<>(encounter.getDiagnosis());
        ranked.sort(Comparator.comparingInt(d -> d.hasRank() ? d.getRank() : Integer.MAX_VALUE));
        for (Encounter.DiagnosisComponent diagnosis : ranked) {
            context.index().resolve(diagnosis.getCondition(), Condition.class)
                    .flatMap(condition -> FhirValues.codeFromSystem(condition.getCode(), ICD10))
                    .ifPresent(code -> diagnoses.add(new Diagnosis(code, "ICD-10-CM", diagnoses.size() + 1)));
        }
        for (CodeableConcept reason : encounter.getReasonCode()) {
            FhirValues.codeFromSystem(reason, ICD10).ifPresent(code -> diagnoses.add(new Diagnosis(code, "ICD-10-CM", diagnoses.size() + 1)));
        }
        return diagnoses;
    }

    /** The Coverages in the file whose beneficiary is this patient, by Coverage.order (priority). */
    private static List<Insurance> insurances(org.hl7.fhir.r4.model.Patient patient, ResourceContext context) {
        List<Coverage> coverages = new ArrayList<>(context.index().coveragesOf(patient));
        coverages.sort(Comparator.comparingInt(c -> c.hasOrder() ? c.getOrder() : Integer.MAX_VALUE));
        List<Insurance> insurances = new ArrayList<>();
        for (Coverage coverage : coverages) {
            insurances.add(insurance(coverage, insurances.size() + 1, patient, context));
        }
        return insurances;
    }

    private static Insurance insurance(Coverage coverage, int position, org.hl7.fhir.r4.model.Patient patient, ResourceContext context) {
        Reference payor = coverage.getPayor().isEmpty() ? null : coverage.getPayorFirstRep();
        Optional<Organization> payer = context.index().resolve(payor, Organization.class);
        Coverage.ClassComponent plan = coverageClass(coverage, "plan");
        Coverage.ClassComponent group = coverageClass(coverage, "group");
        String relationship = FhirValues.firstCode(coverage.getRelationship()).orElse(null);
        return new Insurance(
                context.organizationId(payor).orElse(null),
                payer.map(Organization::getName).orElse(payor != null && payor.hasDisplay() ? payor.getDisplay() : null),
                plan == null ? null : plan.getValue(),
                plan == null ? null : plan.getName(),
                planType(coverage.getType()),
                coverage.hasSubscriberId() ? coverage.getSubscriberId()
                        : FhirValues.identifierOfType(coverage.getIdentifier(), "MB").orElse(null),
                group == null ? null : group.getValue(),
                subscriber(coverage, relationship, patient, context),
                coverage.hasOrder() ? coverage.getOrder() : position,
                FhirValues.date(coverage.getPeriod().getStartElement(), context.zone()).orElse(null),
                FhirValues.date(coverage.getPeriod().getEndElement(), context.zone()).orElse(null),
                null,
                null,
                null);
    }

    private static Coverage.ClassComponent coverageClass(Coverage coverage, String type) {
        return coverage.getClass_().stream().filter(c -> FhirValues.hasCode(c.getType(), type)).findFirst().orElse(null);
    }

    private static Subscriber subscriber(Coverage coverage, String relationship, org.hl7.fhir.r4.model.Patient patient, ResourceContext context) {
        Optional<org.hl7.fhir.r4.model.Patient> asPatient = context.index().resolve(coverage.getSubscriber(), org.hl7.fhir.r4.model.Patient.class);
        if (asPatient.isPresent()) {
            return new Subscriber(name(asPatient.get().getName()),
                    FhirValues.date(asPatient.get().getBirthDateElement(), context.zone()).orElse(null), relationship);
        }
        Optional<RelatedPerson> related = context.index().resolve(coverage.getSubscriber(), RelatedPerson.class);
        if (related.isPresent()) {
            return new Subscriber(name(related.get().getName()),
                    FhirValues.date(related.get().getBirthDateElement(), context.zone()).orElse(null), relationship);
        }
        if ("self".equals(relationship)) {
            return new Subscriber(name(patient.getName()), FhirValues.date(patient.getBirthDateElement(), context.zone()).orElse(null), relationship);
        }
        return relationship == null ? null : new Subscriber(null, null, relationship);
    }

    /**
     * Coverage.type: v3 ActCode (HMO, PPO, MCPOL…) or the PHDSC Source of Payment Typology (1 Medicare,
     * 11x Medicare managed care, 2 Medicaid, 21x Medicaid managed care, 511 HMO, 512 PPO, 81 self-pay,
     * 95 workers' comp). Anything else is left open rather than guessed.
     */
    static PlanType planType(CodeableConcept type) {
        for (Coding coding : type.getCoding()) {
            String code = coding.getCode();
            if (code == null) {
                continue;
            }
            switch (code) {
                case "HMO", "511" -> {
                    return PlanType.COMMERCIAL_HMO;
                }
                case "PPO", "512" -> {
                    return PlanType.COMMERCIAL_PPO;
                }
                case "81", "8", "pay" -> {
                    return PlanType.SELF_PAY;
                }
                case "95", "WCBPOL" -> {
                    return PlanType.WORKERS_COMP;
                }
                default -> {
                    if (code.startsWith("11")) {
                        return PlanType.MEDICARE_ADVANTAGE;
                    }
                    if (code.equals("1") || code.startsWith("12")) {
                        return PlanType.MEDICARE_FFS;
                    }
                    if (code.startsWith("21")) {
                        return PlanType.MEDICAID_MANAGED;
                    }
                    if (code.equals("2") || code.startsWith("22") || code.startsWith("23")) {
                        return PlanType.MEDICAID;
                    }
                }
            }
        }
        return null;
    }
}
