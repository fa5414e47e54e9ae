package io.admitto.api.sql;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Which rows a report covers: an inclusive range of dates (for most tables the partition column, so
 * engines can skip whole partitions) and optionally one facility, one department and one payer. An
 * absent bound means "unbounded".
 */
public record ReportFilter(
        Optional<LocalDate> from,
        Optional<LocalDate> to,
        Optional<String> facility,
        Optional<String> department,
        Optional<String> payer)
{
    /** Longest facility, department or payer code accepted; real codes are a handful of characters. */
    public static final int MAX_CODE_LENGTH = 32;

    /** Facility, department and payer codes: letters, digits, underscore and hyphen. */
    public static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1," + MAX_CODE_LENGTH + "}");

    public ReportFilter
    {
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        requireNonNull(facility, "facility is null");
        requireNonNull(department, "department is null");
        requireNonNull(payer, "payer is null");
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            throw new IllegalArgumentException("from " + from.get() + " is after to " + to.get());
        }
        facility.ifPresent(code -> checkCode("facility", code));
        department.ifPresent(code -> checkCode("department", code));
        payer.ifPresent(code -> checkCode("payer", code));
    }

    public ReportFilter(Optional<LocalDate> from, Optional<LocalDate> to, Optional<String> facility, Optional<String> department)
    {
        this(from, to, facility, department, Optional.empty());
    }

    /** Every row of the table. */
    public static ReportFilter all()
    {
        return new ReportFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public ReportFilter withDates(LocalDate from, LocalDate to)
    {
        return new ReportFilter(Optional.of(from), Optional.of(to), facility, department, payer);
    }

    public ReportFilter withFacility(String facility)
    {
        return new ReportFilter(from, to, Optional.of(facility), department, payer);
    }

    public ReportFilter withDepartment(String department)
    {
        return new ReportFilter(from, to, facility, Optional.of(department), payer);
    }

    public ReportFilter withPayer(String payer)
    {
        return new ReportFilter(from, to, facility, department, Optional.of(payer));
    }

    private static void checkCode(String name, String code)
    {
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException(name + " code must be 1 to " + MAX_CODE_LENGTH
                    + " letters, digits, '_' or '-'");
        }
    }
}
