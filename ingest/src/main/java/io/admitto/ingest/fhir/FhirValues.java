package io.admitto.ingest.fhir;

import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Reading FHIR primitive and general-purpose types into java.time and plain values. Date-times are read
 * from their text, so the sender's own offset is kept (HAPI's {@code Date} would lose it).
 */
final class FhirValues {
    private FhirValues() {}

    /** A date, dateTime or instant; partial dates (YYYY, YYYY-MM) count from their first day. */
    static Optional<OffsetDateTime> dateTime(BaseDateTimeType value, ZoneId zone) {
        if (value == null || value.isEmpty() || value.getValueAsString() == null) {
            return Optional.empty();
        }
        String text = value.getValueAsString();
        try {
            if (text.length() == 4) {
                return Optional.of(LocalDate.of(Integer.parseInt(text), 1, 1).atStartOfDay(zone).toOffsetDateTime());
            }
            if (text.length() == 7) {
                return Optional.of(LocalDate.parse(text + "-01").atStartOfDay(zone).toOffsetDateTime());
            }
            if (text.length() == 10) {
                return Optional.of(LocalDate.parse(text).atStartOfDay(zone).toOffsetDateTime());
            }
            if (text.endsWith("Z") || text.lastIndexOf('+') > 10 || text.lastIndexOf('-') > 10) {
                return Optional.of(OffsetDateTime.parse(text));
            }
            return Optional.of(LocalDateTime.parse(text).atZone(zone).toOffsetDateTime());
        }
        catch (DateTimeParseException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    static Optional<LocalDate> date(BaseDateTimeType value, ZoneId zone) {
        return dateTime(value, zone).map(OffsetDateTime::toLocalDate);
    }

    static BigDecimal amount(Money money) {
        return money == null || !money.hasValue() ? null : money.getValue();
    }

    /** The first identifier whose type has this code (v2-0203 VN, MR, MB; CARIN pat, uc…). */
    static Optional<String> identifierOfType(List<Identifier> identifiers, String typeCode) {
        for (Identifier identifier : identifiers) {
            if (identifier.hasValue() && hasCode(identifier.getType(), typeCode)) {
                return Optional.of(identifier.getValue());
            }
        }
        return Optional.empty();
    }

    static Optional<String> firstIdentifier(List<Identifier> identifiers) {
        return identifiers.stream().filter(Identifier::hasValue).map(Identifier::getValue).findFirst();
    }

    static boolean hasCode(CodeableConcept concept, String code) {
        if (concept == null) {
            return false;
        }
        for (Coding coding : concept.getCoding()) {
            if (code.equals(coding.getCode())) {
                return true;
            }
        }
        return false;
    }

    static Optional<String> firstCode(CodeableConcept concept) {
        if (concept == null) {
            return Optional.empty();
        }
        return concept.getCoding().stream().filter(Coding::hasCode).map(Coding::getCode).findFirst();
    }

    /** The code from a coding whose system contains {@code systemPart}, e.g. "claim-adjustment-reason". */
    static Optional<String> codeFromSystem(CodeableConcept concept, String systemPart) {
        if (concept == null) {
            return Optional.empty();
        }
        return concept.getCoding().stream()
                .filter(coding -> coding.hasCode() && coding.hasSystem() && coding.getSystem().contains(systemPart))
                .map(Coding::getCode)
                .findFirst();
    }
}
