package io.admitto.ingest.hl7;

import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import io.admitto.events.Address;
import io.admitto.events.CanonicalEvent;
import io.admitto.events.CoverageVerification;
import io.admitto.events.Diagnosis;
import io.admitto.events.EventSource;
import io.admitto.events.EventType;
import io.admitto.events.Guarantor;
import io.admitto.events.Insurance;
import io.admitto.events.Patient;
import io.admitto.events.PatientClass;
import io.admitto.events.PatientIdentifier;
import io.admitto.events.PersonName;
import io.admitto.events.PlanType;
import io.admitto.events.RegistrationEvent;
import io.admitto.events.Subscriber;
import io.admitto.ingest.source.EventIds;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import static io.admitto.ingest.hl7.Hl7Segments.repetitions;
import static io.admitto.ingest.hl7.Hl7Segments.value;
import static java.util.Objects.requireNonNull;

/**
 * A parsed ADT message to the canonical {@link RegistrationEvent} it stands for, field by field as
 * documented in docs/ingest.md (HL7 v2). Rejects, with an {@link Hl7Rejection} naming the field, what
 * cannot be an event: another message type, a trigger without a registration meaning, no visit, no time,
 * no facility. Optional fields that are malformed (a birth date of "UNKNOWN") are left out so the event
 * still flows and the QA rules report the gap. Stateless and thread-safe.
 */
final class Hl7RegistrationMapper {
    private final ZoneId facilityZone;
    private final String defaultFacility;

    /**
     * @param facilityZone the zone of timestamps sent without a UTC offset
     * @param defaultFacility facility of messages without MSH-4 and PV1-3.4; null: dead-letter them
     */
    Hl7RegistrationMapper(ZoneId facilityZone, String defaultFacility) {
        this.facilityZone = requireNonNull(facilityZone, "facilityZone is null");
        this.defaultFacility = defaultFacility;
    }

    /** What each ADT trigger means for the registration, and whether it can stand without a visit. */
    private record Trigger(EventType eventType, boolean personLevel, String cancelReason) {}

    List<CanonicalEvent> map(Message message, RawHl7Message raw) {
        Hl7Segments segments = new Hl7Segments(message);
        Segment msh = segments.first("MSH");
        if (msh == null) {
            throw new Hl7Rejection("no MSH segment", null);
        }
        Segment evn = segments.first("EVN");
        Segment pid = segments.first("PID");
        Segment pv1 = segments.first("PV1");

        String messageType = value(msh, 9, 1);
        String triggerCode = value(msh, 9, 2);
        if (triggerCode == null) {
            triggerCode = value(evn, 1); // HL7 2.2 senders sometimes put the trigger only in EVN-1
        }
        if (!"ADT".equalsIgnoreCase(messageType)) {
            throw new Hl7Rejection("unsupported message type " + messageType + "^" + triggerCode + " (MSH-9): only ADT messages are registration events", "MSH");
        }
        Trigger trigger = trigger(triggerCode);

        String encounterId = value(pv1, 19, 1);
        if (encounterId == null) {
            encounterId = value(pid, 18, 1);
        }
        if (encounterId == null) {
            String missing = pv1 == null ? "no PV1 segment and no PID-18 account number" : "no PV1-19 visit number or PID-18 account number";
            throw trigger.personLevel()
                    ? new Hl7Rejection("person-level message without a visit (ADT^" + triggerCode + "): " + missing, "PV1")
                    : new Hl7Rejection("no visit: " + missing, "PV1");
        }
        String sendingApplication = value(msh, 3, 1);
        String sendingFacility = value(msh, 4, 1);
        String facilityId = sendingFacility != null ? sendingFacility : value(pv1, 3, 0, 4, 1);
        if (facilityId == null) {
            facilityId = defaultFacility;
        }
        if (facilityId == null) {
            throw new Hl7Rejection("no facility: MSH-4 sending facility and PV1-3.4 are empty (and no default facility is configured)", "MSH");
        }
        OffsetDateTime eventTime = eventTime(msh, evn);
        if (pid == null) {
            throw new Hl7Rejection("no PID segment: a registration needs its patient", null);
        }
        String controlId = value(msh, 10);
        String messageId = controlId != null ? controlId : "sha256:" + contentDigest(raw.text());
        String system = sendingApplication != null ? sendingApplication : facilityId;

        PatientClass patientClass = Hl7Codes.patientClass(value(pv1, 2));
        String department = Hl7Codes.department(value(pv1, 10), value(pv1, 3, 1), patientClass);
        String registrar = value(evn, 5, 1);
        if (registrar == null) {
            registrar = value(evn, 5, 2); // an operator sent by name only
        }
        return List.of(new RegistrationEvent(
                EventIds.of("hl7", nullToEmpty(sendingApplication), nullToEmpty(sendingFacility), messageId),
                trigger.eventType(),
                eventTime,
                new EventSource(system, messageId),
                facilityId,
                CanonicalEvent.CURRENT_SCHEMA_VERSION,
                encounterId,
                patient(pid),
                patientClass,
                department,
                null,
                diagnoses(segments.all("DG1")),
                null,
                registrar,
                value(pv1, 20, 1),
                insurances(segments.insurancePairs()),
                guarantor(segments.first("GT1")),
                null,
                trigger.eventType() == EventType.REGISTRATION_CANCELLED ? cancelReason(evn, trigger) : null));
    }

    private static Trigger trigger(String code) {
        String trigger = code == null ? "" : code.toUpperCase(Locale.ROOT);
        return switch (trigger) {
            case "A01" -> new Trigger(EventType.REGISTRATION_ADMITTED, false, null);
            case "A03" -> new Trigger(EventType.REGISTRATION_DISCHARGED, false, null);
            case "A04" -> new Trigger(EventType.REGISTRATION_REGISTERED, false, null);
            case "A05" -> new Trigger(EventType.REGISTRATION_PRE_REGISTERED, false, null);
            case "A08" -> new Trigger(EventType.REGISTRATION_UPDATED, false, null);
            // cancel discharge: the visit is open again, as now registered
            case "A13" -> new Trigger(EventType.REGISTRATION_UPDATED, false, null);
            case "A11" -> new Trigger(EventType.REGISTRATION_CANCELLED, false, "admit/visit cancelled (A11)");
            case "A27" -> new Trigger(EventType.REGISTRATION_CANCELLED, false, "pending admit cancelled (A27)");
            // person add/update: an update of the registration when the message names a visit
            case "A28", "A31" -> new Trigger(EventType.REGISTRATION_UPDATED, true, null);
            case "A40" -> throw new Hl7Rejection("patient merge (ADT^A40) has no registration event: merges belong to the master patient index", "MRG");
            case "" -> throw new Hl7Rejection("no trigger event (MSH-9.2 and EVN-1 are empty)", "MSH");
            default -> throw new Hl7Rejection("unsupported trigger event ADT^" + code
                    + " (ingested: A01, A03, A04, A05, A08, A11, A13, A27, A28, A31)", "MSH");
        };
    }

    private OffsetDateTime eventTime(Segment msh, Segment evn) {
        String recorded = value(evn, 2, 1);
        if (recorded != null) {
            return timestamp(recorded, "EVN-2 recorded date/time", "EVN");
        }
        String sent = value(msh, 7, 1);
        if (sent != null) {
            return timestamp(sent, "MSH-7 message date/time", "MSH");
        }
        throw new Hl7Rejection("no event time: EVN-2 and MSH-7 are empty", "EVN");
    }

    private OffsetDateTime timestamp(String value, String field, String segment) {
        try {
            return Hl7Timestamps.timestamp(value, facilityZone);
        }
        catch (IllegalArgumentException e) {
            throw new Hl7Rejection(field + " " + e.getMessage(), segment);
        }
    }

    private OffsetDateTime optionalTimestamp(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Hl7Timestamps.timestamp(value, facilityZone);
        }
        catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static LocalDate optionalDate(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Hl7Timestamps.date(value);
        }
        catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Patient patient(Segment pid) {
        List<PatientIdentifier> identifiers = new ArrayList<>();
        String mrn = null;
        for (int repetition = 0; repetition < repetitions(pid, 3); repetition++) {
            String id = value(pid, 3, repetition, 1, 1);
            if (id == null) {
                continue;
            }
            String type = value(pid, 3, repetition, 5, 1);
            identifiers.add(new PatientIdentifier(id, type, value(pid, 3, repetition, 4, 1)));
            if (mrn == null && type != null && (type.equalsIgnoreCase("MR") || type.equalsIgnoreCase("MRN"))) {
                mrn = id;
            }
        }
        if (mrn == null && !identifiers.isEmpty()) {
            mrn = identifiers.get(0).value(); // older feeds send one untyped PID-3: the MRN
        }
        String phone = value(pid, 13, 0, 1, 1);
        if (phone == null) {
            String area = value(pid, 13, 0, 6, 1);
            String local = value(pid, 13, 0, 7, 1);
            phone = local == null ? null : (area == null ? local : area + local);
        }
        return new Patient(mrn, identifiers, name(pid, 5), optionalDate(value(pid, 7, 1)), value(pid, 8), value(pid, 19),
                address(pid, 11), phone, optionalDate(value(pid, 29, 1)));
    }

    private static PersonName name(Segment segment, int field) {
        String family = value(segment, field, 0, 1, 1);
        String given = value(segment, field, 0, 2, 1);
        String middle = value(segment, field, 0, 3, 1);
        return family == null && given == null && middle == null ? null : new PersonName(family, given, middle);
    }

    private static Address address(Segment segment, int field) {
        String line1 = value(segment, field, 0, 1, 1);
        String line2 = value(segment, field, 0, 2, 1);
        String city = value(segment, field, 0, 3, 1);
        String state = value(segment, field, 0, 4, 1);
        String postalCode = value(segment, field, 0, 5, 1);
        String country = value(segment, field, 0, 6, 1);
        if (line1 == null && line2 == null && city == null && state == null && postalCode == null && country == null) {
            return null;
        }
        return new Address(line1, line2, city, state, postalCode, country);
    }

    private List<Insurance> insurances(List<Segment[]> pairs) {
        List<Insurance> insurances = new ArrayList<>(pairs.size());
        for (int position = 0; position < pairs.size(); position++) {
            insurances.add(insurance(pairs.get(position)[0], pairs.get(position)[1], position + 1));
        }
        insurances.sort(Comparator.comparingInt(Insurance::priority));
        return insurances;
    }

    private Insurance insurance(Segment in1, Segment in2, int position) {
        String planId = value(in1, 2, 1);
        String planName = value(in1, 2, 2);
        String payerName = value(in1, 4, 1);
        PlanType planType = Hl7Codes.planType(value(in1, 15), planId, planName, payerName);
        String memberId = value(in1, 49, 1);
        if (memberId == null) {
            memberId = value(in1, 36);
        }
        if (memberId == null && in2 != null) {
            // IN2-6 Medicare health insurance card number, IN2-8 Medicaid case number
            if (planType == PlanType.MEDICARE_FFS || planType == PlanType.MEDICARE_ADVANTAGE) {
                memberId = value(in2, 6);
            }
            else if (planType == PlanType.MEDICAID || planType == PlanType.MEDICAID_MANAGED) {
                memberId = value(in2, 8);
            }
        }
        String relationship = Hl7Codes.relationshipFromInsured(value(in1, 17, 1));
        if (relationship == null) {
            relationship = Hl7Codes.relationshipFromPatient(value(in2, 72, 1));
        }
        PersonName insuredName = name(in1, 16);
        LocalDate insuredBirthDate = optionalDate(value(in1, 18, 1));
        Subscriber subscriber = insuredName == null && insuredBirthDate == null && relationship == null
                ? null
                : new Subscriber(insuredName, insuredBirthDate, relationship);

        OffsetDateTime verifiedAt = optionalTimestamp(value(in1, 29, 1));
        String verifiedBy = value(in1, 30, 0, 1, 1);
        if (verifiedBy == null) {
            verifiedBy = value(in1, 30, 0, 2, 1);
        }
        String status = Hl7Codes.verificationStatus(value(in1, 45, 1), verifiedAt != null);
        CoverageVerification verification = status == null && verifiedBy == null
                ? null
                : new CoverageVerification(status == null ? "unverified" : status, verifiedAt, verifiedBy);

        int priority = positiveInt(value(in1, 22), positiveInt(value(in1, 1), position));
        return new Insurance(value(in1, 3, 1), payerName, planId, planName, planType, memberId, value(in1, 8),
                subscriber, priority, optionalDate(value(in1, 12, 1)), optionalDate(value(in1, 13, 1)), verification,
                null, value(in1, 28));
    }

    private static Guarantor guarantor(Segment gt1) {
        if (gt1 == null) {
            return null;
        }
        String phone = value(gt1, 6, 0, 1, 1);
        if (phone == null) {
            String area = value(gt1, 6, 0, 6, 1);
            String local = value(gt1, 6, 0, 7, 1);
            phone = local == null ? null : (area == null ? local : area + local);
        }
        return new Guarantor(name(gt1, 3), optionalDate(value(gt1, 8, 1)), Hl7Codes.relationshipFromInsured(value(gt1, 11, 1)),
                address(gt1, 5), phone);
    }

    private static List<Diagnosis> diagnoses(List<Segment> dg1s) {
        List<Diagnosis> diagnoses = new ArrayList<>(dg1s.size());
        for (int position = 0; position < dg1s.size(); position++) {
            Segment dg1 = dg1s.get(position);
            String code = value(dg1, 3, 1);
            if (code == null) {
                continue;
            }
            String system = value(dg1, 3, 3);
            if (system == null) {
                system = value(dg1, 2); // DG1-2 diagnosis coding method, HL7 2.2-2.4
            }
            int rank = positiveInt(value(dg1, 15), positiveInt(value(dg1, 1), position + 1));
            diagnoses.add(new Diagnosis(code, Hl7Codes.diagnosisCodeSystem(system), rank));
        }
        diagnoses.sort(Comparator.comparingInt(Diagnosis::rank));
        return diagnoses;
    }

    private static String cancelReason(Segment evn, Trigger trigger) {
        String reason = value(evn, 4, 2);
        if (reason == null) {
            reason = value(evn, 4, 1);
        }
        return reason != null ? reason : trigger.cancelReason();
    }

    private static int positiveInt(String value, int otherwise) {
        if (value == null || value.length() > 9) {
            return otherwise;
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return otherwise;
            }
        }
        int number = Integer.parseInt(value);
        return number > 0 ? number : otherwise;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    /** Stands in for a missing MSH-10 so the event id is still stable for the same message and differs between messages. */
    private static String contentDigest(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
