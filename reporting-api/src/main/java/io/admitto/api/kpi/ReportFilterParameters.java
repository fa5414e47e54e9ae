package io.admitto.api.kpi;

import io.admitto.api.problem.InvalidParameterException;
import io.admitto.api.sql.ReportFilter;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads the {@code from}, {@code to}, {@code facility} and {@code department} query parameters that every
 * report accepts. They arrive as strings and are parsed here, not by JAX-RS, because JAX-RS answers an
 * unparseable query parameter with a bare 404 instead of saying what is wrong.
 */
public final class ReportFilterParameters
{
    public static final String FROM = "from";
    public static final String TO = "to";
    public static final String FACILITY = "facility";
    public static final String DEPARTMENT = "department";
    public static final String PAYER = "payer";

    /** Longer values are not echoed back in full in error messages. */
    private static final int MAX_ECHOED_LENGTH = 40;

    private ReportFilterParameters() {}

    /**
     * Parses the raw parameters. Absent and empty values (an HTML form's blank field) both mean "no
     * restriction".
     *
     * @throws InvalidParameterException naming the first parameter that is malformed, or {@code from} if
     * the range is inverted
     */
    public static ReportFilter parse(String from, String to, String facility, String department)
    {
        return parse(from, to, facility, department, null);
    }

    /** As {@link #parse(String, String, String, String)}, with a payer code. */
    public static ReportFilter parse(String from, String to, String facility, String department, String payer)
    {
        Optional<LocalDate> fromDate = date(FROM, from);
        Optional<LocalDate> toDate = date(TO, to);
        if (fromDate.isPresent() && toDate.isPresent() && fromDate.get().isAfter(toDate.get())) {
            throw new InvalidParameterException(FROM, "from (" + fromDate.get() + ") must not be after to (" + toDate.get() + ").");
        }
        return new ReportFilter(fromDate, toDate, code(FACILITY, facility), code(DEPARTMENT, department), code(PAYER, payer));
    }

    private static Optional<LocalDate> date(String name, String value)
    {
        if (isBlank(value)) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value));
        }
        catch (DateTimeParseException e) {
            throw new InvalidParameterException(name, name + " must be a date as YYYY-MM-DD, got '" + echo(value) + "'.");
        }
    }

    private static Optional<String> code(String name, String value)
    {
        if (isBlank(value)) {
            return Optional.empty();
        }
        if (!ReportFilter.CODE.matcher(value).matches()) {
            throw new InvalidParameterException(name, name + " must be 1 to " + ReportFilter.MAX_CODE_LENGTH
                    + " letters, digits, '_' or '-', got '" + echo(value) + "'.");
        }
        return Optional.of(value);
    }

    private static boolean isBlank(String value)
    {
        return value == null || value.isEmpty();
    }

    private static String echo(String value)
    {
        return value.length() <= MAX_ECHOED_LENGTH ? value : value.substring(0, MAX_ECHOED_LENGTH) + "…";
    }
}
