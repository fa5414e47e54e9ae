package io.admitto.api.waits;

import static java.util.Objects.requireNonNull;

/**
 * Waits of one department and phase that ended in one hour of the day (UTC), over every day of the period:
 * percentiles from the merged hourly t-digests, exact count, maximum and SLA breaches.
 */
public record WaitTimeCell(
        String department,
        String phase,
        int hourOfDay,
        long samples,
        double p50Seconds,
        double p90Seconds,
        double p95Seconds,
        double maxSeconds,
        long slaBreaches,
        double slaBreachRate)
{
    public WaitTimeCell
    {
        requireNonNull(department, "department is null");
        requireNonNull(phase, "phase is null");
    }
}
