package io.admitto.api.sql;

import io.admitto.tables.TableSchema;

import java.util.List;

/**
 * The questions the reporting API asks of the warehouse, independent of the engine that answers them.
 * Each engine owns its SQL dialect and how it reaches the Parquet files (DuckDB reads them directly,
 * Trino through a Hive catalog), so callers never build SQL themselves.
 *
 * <p>Implementations are thread-safe: one instance serves all concurrent requests.
 */
public interface AnalyticsQueries
        extends AutoCloseable
{
    /** Short engine name for health reports and logs, e.g. {@code duckdb}. */
    String engineName();

    /**
     * Whether the table has committed data. A warehouse that the streaming job has not written to yet is
     * normal, not an error.
     *
     * @throws IllegalArgumentException if the table is not in the {@link io.admitto.tables.Tables} catalogue
     */
    boolean hasData(TableSchema table);

    /**
     * Rows of {@code department_hourly} that match the filter, ordered by hour start, facility and
     * department. Empty if the table has no data yet.
     */
    List<DepartmentHour> departmentHours(ReportFilter filter);

    @Override
    void close();
}
