package io.admitto.api.freshness;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * How current one table is.
 *
 * @param timeColumn the event-time column the newest time is read from
 * @param newestEventTime null when the table has no committed rows
 */
public record TableFreshness(String table, String timeColumn, boolean hasData, Instant newestEventTime)
{
    public TableFreshness
    {
        requireNonNull(table, "table is null");
        requireNonNull(timeColumn, "timeColumn is null");
    }
}
