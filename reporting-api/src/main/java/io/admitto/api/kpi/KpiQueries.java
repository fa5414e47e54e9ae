package io.admitto.api.kpi;

import io.admitto.api.sql.FilterColumns;
import io.admitto.api.sql.ReportFilter;
import io.admitto.api.sql.Rows;
import io.admitto.api.sql.SqlEngine;
import io.admitto.api.sql.SqlQuery;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static io.admitto.tables.Tables.KPI_DAILY;
import static java.util.Objects.requireNonNull;

/** Reads {@code kpi_daily}: the latest version of each department figure, summed per KPI and day. */
final class KpiQueries
{
    // The partition column is kpi_date again, so the date bounds prune partitions.
    private static final FilterColumns COLUMNS = FilterColumns.of("q.event_date", "q.facility_id", "q.department");

    private final SqlEngine engine;

    KpiQueries(SqlEngine engine)
    {
        this.engine = requireNonNull(engine, "engine is null");
    }

    /** Newest day with a figure, if any. */
    Optional<LocalDate> newestDay(ReportFilter filter)
    {
        SqlQuery query = SqlQuery.builder()
                .sql("SELECT max(q.kpi_date) AS newest FROM ").table(KPI_DAILY).sql(" q WHERE q.registrar_id = ''")
                .filter(filter, COLUMNS)
                .build();
        return Optional.ofNullable(engine.query(query, row -> Optional.ofNullable(Rows.date(row, "newest"))).get(0).orElse(null));
    }

    /** Per KPI and day, ordered by KPI and day; the filter's dates must be set. */
    List<KpiDay> days(ReportFilter filter, Optional<String> kpi)
    {
        SqlQuery.Builder query = SqlQuery.builder()
                .sql("""
                        WITH latest AS (
                          SELECT q.kpi_date, q.kpi, q.unit, q.numerator, q.denominator, q.value,
                                 row_number() OVER (PARTITION BY q.kpi_date, q.facility_id, q.department, q.registrar_id, q.kpi
                                                    ORDER BY q.version DESC) AS newest_first
                          FROM\s""")
                .table(KPI_DAILY, filter)
                // department rows only: per-registrar rows carry a registrar id and would count twice
                .sql(" q WHERE q.registrar_id = ''")
                .filter(filter, COLUMNS);
        kpi.ifPresent(name -> query.sql(" AND q.kpi = ").value(name));
        query.sql("""
                )
                SELECT kpi, unit, kpi_date, sum(numerator) AS numerator, sum(denominator) AS denominator, avg(value) AS mean_value
                FROM latest WHERE newest_first = 1
                GROUP BY kpi, unit, kpi_date
                ORDER BY kpi, kpi_date""");
        return engine.query(query.build(), row -> new KpiDay(
                row.getString("kpi"),
                row.getString("unit"),
                Rows.date(row, "kpi_date"),
                row.getBigDecimal("numerator"),
                row.getBigDecimal("denominator"),
                Rows.nullableDouble(row, "mean_value")));
    }
}
