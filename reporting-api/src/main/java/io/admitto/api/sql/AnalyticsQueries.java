package io.admitto.api.sql;

import io.admitto.tables.TableSchema;

import java.util.List;

import static io.admitto.tables.Tables.DEPARTMENT_HOURLY;
import static java.util.Objects.requireNonNull;

/**
 * The registration-volume questions the API and the dashboards ask of {@code department_hourly}, written
 * once and answered by whichever {@link SqlEngine} the server runs on. Thread-safe.
 */
public final class AnalyticsQueries
{
    private static final FilterColumns COLUMNS = FilterColumns.of("q.event_date", "q.facility_id", "q.department");

    private final SqlEngine engine;

    public AnalyticsQueries(SqlEngine engine)
    {
        this.engine = requireNonNull(engine, "engine is null");
    }

    /** Short engine name for health reports and logs, e.g. {@code duckdb}. */
    public String engineName()
    {
        return engine.name();
    }

    /** Whether the table has committed data; see {@link SqlEngine#hasData}. */
    public boolean hasData(TableSchema table)
    {
        return engine.hasData(table);
    }

    /**
     * Rows of {@code department_hourly} that match the filter, ordered by hour start, facility and
     * department. Empty if the table has no data yet. The table has no payer, so a payer filter is refused.
     */
    public List<DepartmentHour> departmentHours(ReportFilter filter)
    {
        requireNonNull(filter, "filter is null");
        SqlQuery query = SqlQuery.builder()
                .sql("SELECT q.facility_id, q.department, q.hour_start, q.registrations, q.median_registration_wait_seconds FROM ")
                .table(DEPARTMENT_HOURLY, filter)
                // the event_date bounds prune whole partition folders before any file is opened
                .sql(" q WHERE 1 = 1")
                .filter(filter, COLUMNS)
                .sql(" ORDER BY q.hour_start, q.facility_id, q.department")
                .build();
        return engine.query(query, row -> new DepartmentHour(
                row.getString("facility_id"),
                row.getString("department"),
                Rows.instant(row, "hour_start"),
                row.getLong("registrations"),
                Rows.nullableDouble(row, "median_registration_wait_seconds")));
    }
}
