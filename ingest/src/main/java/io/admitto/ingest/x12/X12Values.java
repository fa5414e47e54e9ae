package io.admitto.ingest.x12;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;

/**
 * Reading X12 data types: dates (DT, CCYYMMDD), times (TM, HHMM[SS[D…]]), date ranges (RD8) and
 * decimal numbers (R). A value that does not parse is reported, never guessed: the real
 * 835 in the samples carries BPR16 "20002316", a month 23.
 */
final class X12Values {
    private X12Values() {}

    /** CCYYMMDD; empty when absent or not a real calendar date. */
    static Optional<LocalDate> date(String value) {
        if (value == null || value.length() != 8 || !digits(value)) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(value.substring(0, 4)),
                    Integer.parseInt(value.substring(4, 6)), Integer.parseInt(value.substring(6, 8))));
        }
        catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** ISA09 YYMMDD: X12 reads years 00–99 in a window; every interchange we see is from this century. */
    static Optional<LocalDate> shortDate(String value) {
        if (value == null || value.length() != 6 || !digits(value)) {
            return Optional.empty();
        }
        return date("20" + value);
    }

    /** HHMM, HHMMSS or HHMMSSD..; empty when absent or invalid. */
    static Optional<LocalTime> time(String value) {
        if (value == null || value.length() < 4 || !digits(value)) {
            return Optional.empty();
        }
        try {
            int hour = Integer.parseInt(value.substring(0, 2));
            int minute = Integer.parseInt(value.substring(2, 4));
            int second = value.length() >= 6 ? Integer.parseInt(value.substring(4, 6)) : 0;
            return Optional.of(LocalTime.of(hour, minute, second));
        }
        catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** A date period: D8 CCYYMMDD (from = to) or RD8 CCYYMMDD-CCYYMMDD. */
    static Optional<DateRange> dateRange(String qualifier, String value) {
        if ("D8".equals(qualifier)) {
            return date(value).map(day -> new DateRange(day, day));
        }
        if ("RD8".equals(qualifier) && value != null) {
            int dash = value.indexOf('-');
            if (dash < 0) {
                return Optional.empty();
            }
            Optional<LocalDate> from = date(value.substring(0, dash));
            Optional<LocalDate> to = date(value.substring(dash + 1));
            return from.isPresent() && to.isPresent() ? Optional.of(new DateRange(from.get(), to.get())) : Optional.empty();
        }
        return Optional.empty();
    }

    /** An X12 decimal; null when the element is empty. */
    static BigDecimal decimal(String value, String elementName) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(value);
        }
        catch (NumberFormatException e) {
            throw new X12MappingException(elementName + " '" + value + "' is not a decimal number");
        }
    }

    /** A quantity such as SVC05 units: whole units, default when absent. */
    static int units(String value, String elementName, int absent) {
        BigDecimal decimal = decimal(value, elementName);
        if (decimal == null) {
            return absent;
        }
        try {
            return decimal.setScale(0, java.math.RoundingMode.HALF_UP).intValueExact();
        }
        catch (ArithmeticException e) {
            throw new X12MappingException(elementName + " '" + value + "' is not a plausible number of units");
        }
    }

    static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static boolean digits(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    record DateRange(LocalDate from, LocalDate to) {}
}
