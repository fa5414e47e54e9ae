package io.admitto.api.health;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The answer of {@code GET /api/health}.
 *
 * @param status {@code UP} when the engine answered, {@code DOWN} otherwise
 * @param tables each catalogued table and whether it has committed data yet; empty when DOWN
 */
public record Health(String status, String engine, String warehouse, List<TableStatus> tables)
{
    public static final String UP = "UP";
    public static final String DOWN = "DOWN";

    public Health
    {
        requireNonNull(status, "status is null");
        requireNonNull(engine, "engine is null");
        requireNonNull(warehouse, "warehouse is null");
        tables = List.copyOf(tables);
    }

    /** @param hasData whether any committed Parquet file of the table exists */
    public record TableStatus(String name, boolean hasData)
    {
        public TableStatus
        {
            requireNonNull(name, "name is null");
        }
    }
}
