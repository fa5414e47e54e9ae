package io.admitto.dashboards.waits;

import static java.util.Objects.requireNonNull;

/**
 * The waits of one department that ended in one hour of one weekday (UTC), over every such day of the
 * period: percentiles from the merged hourly t-digests, the exact count and SLA breaches.
 *
 * @param weekday ISO day of the week, 1 = Monday … 7 = Sunday
 */
public record WeekdayHourCell(
        String department,
        int weekday,
        int hourOfDay,
        long samples,
        double p50Seconds,
        double p90Seconds,
        long slaBreaches)
{
    public WeekdayHourCell
    {
        requireNonNull(department, "department is null");
    }
}
