package io.admitto.api.sql;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Which rows a report covers: an inclusive range of event dates (the table's partition column, so engines
 * can skip whole partitions) and optionally one facility and one department. An absent bound means
 * "unbounded".
 */
public record ReportFilter(
        Optional<LocalDate> from,
        Optional<LocalDate> to,
        Optional<String> facility,
        Optional<String> department)
{
    /** Longest facility or department code accepted; real codes are a handful of characters. */
    public static final int MAX_CODE_LENGTH = 32;

    /** Facility and department codes: letters, digits, underscore and hyphen. */
    public static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1," + MAX_CODE_LENGTH + "}");

    public ReportFilter
    {
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        requireNonNull(facility, "facility is null");
        requireNonNull(department, "department is null");
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            throw new IllegalArgumentException("from " + from.get() + " is after to " + to.get());
        }
        facility.ifPresent(code -> checkCode("facility", code));
        department.ifPresent(code -> checkCode("department", code));
    }

    /** Every row of the table. */
    public static ReportFilter all()
    {
        return new ReportFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public ReportFilter withDates(LocalDate from, LocalDate to)
    {
        return new ReportFilter(Optional.of(from), Optional.of(to), facility, department);
    }

    public ReportFilter withFacility(String facility)
    {
        return new ReportFilter(from, to, Optional.of(facility), department);
    }

    public ReportFilter withDepartment(String department)
    {
        return new ReportFilter(from, to, facility, Optional.of(department));
    }

    private static void checkCode(String name, String code)
    {
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException(name + " code must be 1 to " + MAX_CODE_LENGTH
                    + " letters, digits, '_' or '-'");
        }
    }
}
