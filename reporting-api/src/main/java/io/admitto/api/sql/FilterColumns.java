package io.admitto.api.sql;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Which columns (qualified by the query's alias) a report's date, facility, department and payer filters
 * apply to. Constants of the code base, never request text.
 */
public record FilterColumns(String date, String facility, String department, Optional<String> payer)
{
    public FilterColumns
    {
        requireNonNull(date, "date is null");
        requireNonNull(facility, "facility is null");
        requireNonNull(department, "department is null");
        requireNonNull(payer, "payer is null");
    }

    public static FilterColumns of(String date, String facility, String department)
    {
        return new FilterColumns(date, facility, department, Optional.empty());
    }

    public static FilterColumns of(String date, String facility, String department, String payer)
    {
        return new FilterColumns(date, facility, department, Optional.of(payer));
    }
}
