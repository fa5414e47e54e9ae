package io.admitto.ingest.csv;

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
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * One CSV row to a {@link RegistrationEvent} through a {@link CsvMapping}. A row that cannot be an event
 * (required value missing, a date that does not match the mapping's format, an unknown code) is rejected
 * with an {@link IllegalArgumentException} whose message names the column and the value; the reader turns
 * it into a dead letter. Stateless and thread-safe.
 */
final class CsvRowMapper {
    private final CsvMapping mapping;
    private final Map<String, Integer> header;

    /** @param header column name to index, from the file's header row */
    CsvRowMapper(CsvMapping mapping, Map<String, Integer> header) {
        this.mapping = requireNonNull(mapping, "mapping is null");
        this.header = Map.copyOf(header);
    }

    /** Mapped columns the header does not have. */
    List<String> missingColumns() {
        List<String> missing = new ArrayList<>();
        mapping.columns().forEach((field, column) -> {
            if (!header.containsKey(column)) {
                missing.add(column + " (" + field + ")");
            }
        });
        missing.sort(null);
        return missing;
    }

    RegistrationEvent map(List<String> row) {
        String encounterId = required(row, "encounterId");
        EventType eventType = mapping.defaultEventType();
        String eventTypeValue = value(row, "eventType");
        if (eventTypeValue != null) {
            eventType = eventType(eventTypeValue);
            if (eventType == null) {
                throw rejected("eventType", eventTypeValue, "is not a registration event (pre_registered, registered, updated, cancelled, admitted, discharged, or an ADT trigger such as A04)");
            }
        }
        else if (eventType == null) {
            throw new IllegalArgumentException("no event type: column " + mapping.column("eventType") + " is empty");
        }
        OffsetDateTime eventTime = dateTime(row, "eventTime");
        if (eventTime == null) {
            throw new IllegalArgumentException("no event time: column " + mapping.column("eventTime") + " is empty");
        }
        String facilityId = value(row, "facilityId");
        if (facilityId == null) {
            facilityId = mapping.defaultFacilityId();
        }
        if (facilityId == null) {
            throw new IllegalArgumentException("no facility: column " + mapping.column("facilityId") + " is empty");
        }
        String messageId = value(row, "messageId");
        if (messageId == null) {
            // no row id in the export: the row's content identifies it, so re-reading the file yields the same id
            messageId = "sha256:" + digest(row);
        }
        PatientClass patientClass = patientClass(row);
        return new RegistrationEvent(
                EventIds.of("csv", mapping.sourceSystem(), facilityId, messageId),
                eventType,
                eventTime,
                new EventSource(mapping.sourceSystem(), messageId),
                facilityId,
                CanonicalEvent.CURRENT_SCHEMA_VERSION,
                encounterId,
                patient(row),
                patientClass,
                value(row, "department"),
                null,
                diagnoses(row),
                null,
                value(row, "registrarId"),
                value(row, "financialClass"),
                insurances(row),
                guarantor(row),
                null,
                eventType == EventType.REGISTRATION_CANCELLED ? value(row, "cancelReason") : null);
    }

    /** A registration event type from its wire name, its short name, or the HL7 ADT trigger that means it; null when none. */
    static EventType eventType(String value) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "registration.pre_registered", "pre_registered", "preregistered", "pre-registered", "a05" -> EventType.REGISTRATION_PRE_REGISTERED;
            case "registration.registered", "registered", "a04" -> EventType.REGISTRATION_REGISTERED;
            case "registration.updated", "updated", "a08", "a13", "a31" -> EventType.REGISTRATION_UPDATED;
            case "registration.cancelled", "cancelled", "canceled", "a11", "a27" -> EventType.REGISTRATION_CANCELLED;
            case "registration.admitted", "admitted", "a01" -> EventType.REGISTRATION_ADMITTED;
            case "registration.discharged", "discharged", "a03" -> EventType.REGISTRATION_DISCHARGED;
            default -> null;
        };
    }

    private PatientClass patientClass(List<String> row) {
        String code = value(row, "patientClass");
        if (code == null) {
            return null;
        }
        try {
            return PatientClass.fromHl7Code(code.toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException e) {
            throw rejected("patientClass", code, "is not a patient class (E, I, O, P, R, B, U)");
        }
    }

    private Patient patient(List<String> row) {
        String mrn = value(row, "patient.mrn");
        PersonName name = name(row, "patient.family", "patient.given", "patient.middle");
        Address address = address(row);
        Patient patient = new Patient(mrn, mrn == null ? List.of() : List.of(new PatientIdentifier(mrn, "MR", null)),
                name, date(row, "patient.birthDate"), value(row, "patient.sex"), value(row, "patient.ssn"), address,
                value(row, "patient.phone"), null);
        return mrn == null && name == null && patient.birthDate() == null && address == null ? null : patient;
    }

    private Address address(List<String> row) {
        String line1 = value(row, "patient.address.line1");
        String line2 = value(row, "patient.address.line2");
        String city = value(row, "patient.address.city");
        String state = value(row, "patient.address.state");
        String postalCode = value(row, "patient.address.postalCode");
        String country = value(row, "patient.address.country");
        if (line1 == null && line2 == null && city == null && state == null && postalCode == null && country == null) {
            return null;
        }
        return new Address(line1, line2, city, state, postalCode, country);
    }

    private PersonName name(List<String> row, String family, String given, String middle) {
        String familyName = value(row, family);
        String givenName = value(row, given);
        String middleName = middle == null ? null : value(row, middle);
        return familyName == null && givenName == null && middleName == null ? null : new PersonName(familyName, givenName, middleName);
    }

    private List<Diagnosis> diagnoses(List<String> row) {
        List<Diagnosis> diagnoses = new ArrayList<>();
        for (int rank = 1; rank <= 3; rank++) {
            String code = value(row, "diagnosis" + rank);
            if (code != null) {
                diagnoses.add(new Diagnosis(code, "ICD-10-CM", rank));
            }
        }
        return diagnoses;
    }

    private Guarantor guarantor(List<String> row) {
        PersonName name = name(row, "guarantor.family", "guarantor.given", null);
        String relationship = relationship(row, "guarantor.relationship");
        String phone = value(row, "guarantor.phone");
        return name == null && relationship == null && phone == null ? null : new Guarantor(name, null, relationship, null, phone);
    }

    private List<Insurance> insurances(List<String> row) {
        List<Insurance> insurances = new ArrayList<>();
        for (int priority = 1; priority <= CsvMapping.MAX_INSURANCES; priority++) {
            String prefix = "insurance" + priority + ".";
            String payerId = value(row, prefix + "payerId");
            String payerName = value(row, prefix + "payerName");
            String planId = value(row, prefix + "planId");
            String memberId = value(row, prefix + "memberId");
            if (payerId == null && payerName == null && planId == null && memberId == null) {
                continue; // no such coverage on this row
            }
            PersonName subscriberName = name(row, prefix + "subscriber.family", prefix + "subscriber.given", null);
            LocalDate subscriberBirthDate = date(row, prefix + "subscriber.birthDate");
            String relationship = relationship(row, prefix + "subscriber.relationship");
            Subscriber subscriber = subscriberName == null && subscriberBirthDate == null && relationship == null
                    ? null
                    : new Subscriber(subscriberName, subscriberBirthDate, relationship);
            String status = value(row, prefix + "verification.status");
            if (status != null) {
                status = status.toLowerCase(Locale.ROOT);
                if (!status.equals("verified") && !status.equals("unverified") && !status.equals("failed")) {
                    throw rejected(prefix + "verification.status", status, "is not verified, unverified or failed");
                }
            }
            OffsetDateTime verifiedAt = dateTime(row, prefix + "verification.verifiedAt");
            String verifiedBy = value(row, prefix + "verification.verifiedBy");
            CoverageVerification verification = status == null && verifiedAt == null && verifiedBy == null
                    ? null
                    : new CoverageVerification(status == null ? (verifiedAt != null ? "verified" : "unverified") : status, verifiedAt, verifiedBy);
            insurances.add(new Insurance(payerId, payerName, planId, value(row, prefix + "planName"), planType(row, prefix + "planType"),
                    memberId, value(row, prefix + "groupNumber"), subscriber, priority,
                    date(row, prefix + "coverageStart"), date(row, prefix + "coverageEnd"), verification,
                    value(row, prefix + "referralNumber"), value(row, prefix + "authorizationNumber")));
        }
        return insurances;
    }

    private PlanType planType(List<String> row, String field) {
        String value = value(row, field);
        if (value == null) {
            return null;
        }
        try {
            return PlanType.valueOf(value.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_'));
        }
        catch (IllegalArgumentException e) {
            throw rejected(field, value, "is not a plan type (MEDICARE_FFS, MEDICARE_ADVANTAGE, MEDICAID, MEDICAID_MANAGED, COMMERCIAL_HMO, COMMERCIAL_PPO, WORKERS_COMP, SELF_PAY)");
        }
    }

    private String relationship(List<String> row, String field) {
        String value = value(row, field);
        if (value == null) {
            return null;
        }
        String relationship = value.toLowerCase(Locale.ROOT);
        if (!relationship.equals("self") && !relationship.equals("spouse") && !relationship.equals("child") && !relationship.equals("other")) {
            throw rejected(field, value, "is not self, spouse, child or other");
        }
        return relationship;
    }

    private LocalDate date(List<String> row, String field) {
        String value = value(row, field);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value, mapping.dateFormat());
        }
        catch (DateTimeException e) {
            throw rejected(field, value, "is not a date in the format " + mapping.dateFormatPattern());
        }
    }

    private OffsetDateTime dateTime(List<String> row, String field) {
        String value = value(row, field);
        if (value == null) {
            return null;
        }
        try {
            TemporalAccessor parsed = mapping.dateTimeFormat().parse(value);
            LocalDateTime local = LocalDateTime.of(parsed.query(TemporalQueries.localDate()), parsed.query(TemporalQueries.localTime()));
            java.time.ZoneOffset offset = parsed.query(TemporalQueries.offset());
            return offset != null ? local.atOffset(offset) : ZonedDateTime.of(local, mapping.zone()).toOffsetDateTime();
        }
        catch (DateTimeException | NullPointerException e) {
            throw rejected(field, value, "is not a date-time in the format " + mapping.dateTimeFormatPattern());
        }
    }

    private String required(List<String> row, String field) {
        String value = value(row, field);
        if (value == null) {
            throw new IllegalArgumentException("no " + field + ": column " + mapping.column(field) + " is empty");
        }
        return value;
    }

    /** The trimmed value of the column mapped to {@code field}; null when unmapped, absent from the row, or blank. */
    private String value(List<String> row, String field) {
        String column = mapping.column(field);
        if (column == null) {
            return null;
        }
        Integer index = header.get(column);
        if (index == null || index >= row.size()) {
            return null;
        }
        String value = row.get(index);
        if (value == null) {
            return null;
        }
        value = value.trim();
        return value.isEmpty() ? null : value;
    }

    private IllegalArgumentException rejected(String field, String value, String problem) {
        return new IllegalArgumentException("column " + mapping.column(field) + " (" + field + "): '" + value + "' " + problem);
    }

    private static String digest(List<String> row) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String value : row) {
                byte[] bytes = (value == null ? "" : value).getBytes(StandardCharsets.UTF_8);
                digest.update((byte) (bytes.length >>> 24));
                digest.update((byte) (bytes.length >>> 16));
                digest.update((byte) (bytes.length >>> 8));
                digest.update((byte) bytes.length);
                digest.update(bytes);
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 16);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
