package io.admitto.ingest.hl7;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static java.util.Objects.requireNonNull;

/**
 * HL7 v2 TS/DTM and DT values ({@code YYYY[MM[DD[HH[MM[SS[.S[S[S[S]]]]]]]]][+/-ZZZZ]}) to Java time.
 * Written by hand rather than through HAPI's typed accessors because feeds truncate precision freely and
 * because a value without an offset must be read in the facility's zone, not the JVM's.
 */
final class Hl7Timestamps {
    private Hl7Timestamps() {}

    /**
     * @param value an HL7 timestamp; the offset, when present, is kept as sent
     * @param facilityZone the zone a timestamp without an offset was written in
     * @throws IllegalArgumentException naming the value when it is not an HL7 timestamp
     */
    static OffsetDateTime timestamp(String value, ZoneId facilityZone) {
        requireNonNull(value, "value is null");
        requireNonNull(facilityZone, "facilityZone is null");
        String text = value.trim();
        int offsetAt = Math.max(text.indexOf('+'), text.indexOf('-'));
        String local = offsetAt < 0 ? text : text.substring(0, offsetAt);
        String offset = offsetAt < 0 ? null : text.substring(offsetAt);
        String fraction = null;
        int dot = local.indexOf('.');
        if (dot >= 0) {
            fraction = local.substring(dot + 1);
            local = local.substring(0, dot);
            if (local.length() != 14 || fraction.isEmpty() || fraction.length() > 4 || !digits(fraction)) {
                throw notTimestamp(value);
            }
        }
        if (local.length() < 4 || local.length() > 14 || local.length() % 2 != 0 || !digits(local)) {
            throw notTimestamp(value);
        }
        try {
            int year = Integer.parseInt(local.substring(0, 4));
            int month = part(local, 4, 1);
            int day = part(local, 6, 1);
            int hour = part(local, 8, 0);
            int minute = part(local, 10, 0);
            int second = part(local, 12, 0);
            int nanos = fraction == null ? 0 : Integer.parseInt((fraction + "000000000").substring(0, 9));
            LocalDateTime dateTime = LocalDateTime.of(year, month, day, hour, minute, second, nanos);
            if (offset == null) {
                return dateTime.atZone(facilityZone).toOffsetDateTime();
            }
            if (offset.length() != 5 || !digits(offset.substring(1))) {
                throw notTimestamp(value);
            }
            int hours = Integer.parseInt(offset.substring(1, 3));
            int minutes = Integer.parseInt(offset.substring(3, 5));
            int sign = offset.charAt(0) == '-' ? -1 : 1;
            return dateTime.atOffset(ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes));
        }
        catch (DateTimeException e) {
            throw notTimestamp(value);
        }
    }

    /**
     * The date part of an HL7 DT, TS or DTM value (offset and time ignored: a birth date is a calendar date).
     *
     * @throws IllegalArgumentException when the value has no valid {@code YYYYMMDD} prefix
     */
    static LocalDate date(String value) {
        String text = requireNonNull(value, "value is null").trim();
        if (text.length() < 8 || !digits(text.substring(0, 8))) {
            throw new IllegalArgumentException("'" + value + "' is not an HL7 date (YYYYMMDD)");
        }
        try {
            return LocalDate.of(Integer.parseInt(text.substring(0, 4)), Integer.parseInt(text.substring(4, 6)), Integer.parseInt(text.substring(6, 8)));
        }
        catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + value + "' is not an HL7 date (YYYYMMDD)");
        }
    }

    private static int part(String local, int start, int absent) {
        return local.length() > start ? Integer.parseInt(local.substring(start, start + 2)) : absent;
    }

    private static boolean digits(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return !text.isEmpty();
    }

    private static IllegalArgumentException notTimestamp(String value) {
        return new IllegalArgumentException("'" + value + "' is not an HL7 timestamp (YYYY[MM[DD[HH[MM[SS[.SSSS]]]]]][+/-ZZZZ])");
    }
}
