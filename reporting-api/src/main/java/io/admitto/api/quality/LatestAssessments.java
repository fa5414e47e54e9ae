package io.admitto.api.quality;

import io.admitto.api.sql.FilterColumns;
import io.admitto.api.sql.ReportFilter;
import io.admitto.api.sql.SqlQuery;

import static io.admitto.tables.Tables.REGISTRATION_QUALITY;

/**
 * The current assessment of each registration: the latest {@code registration_quality} version per
 * encounter, as a CTE named {@code latest}. Portable SQL (a window in a subquery, no {@code QUALIFY}).
 *
 * <p>Reports on registrations filter by the scheduled service date, as the KPI job does for registration
 * KPIs; the latest version is taken over all versions first, so an encounter reassessed on a later day is
 * still counted once, with its current outcome.
 */
public final class LatestAssessments
{
    /** Filter columns of the {@code latest} CTE, aliased {@code l}. */
    public static final FilterColumns COLUMNS = FilterColumns.of("l.service_date", "l.facility_id", "l.department", "l.payer_id");

    private LatestAssessments() {}

    /** Appends {@code WITH latest AS (...)}; the caller continues with {@code , other AS (...)} or {@code SELECT}. */
    public static SqlQuery.Builder with(SqlQuery.Builder query)
    {
        return query.sql("""
                        WITH latest AS (
                          SELECT * FROM (
                            SELECT q.encounter_id, q.version, q.assessed_at, q.facility_id, q.department, q.registrar_id,
                                   q.patient_class, q.payer_id, q.financial_class, q.service_date, q.score, q.grade, q.clean,
                                   q.critical_count, q.error_count, q.warning_count,
                                   row_number() OVER (PARTITION BY q.encounter_id ORDER BY q.version DESC) AS newest_first
                            FROM\s""")
                .table(REGISTRATION_QUALITY)
                .sql(" q) ranked WHERE ranked.newest_first = 1)\n");
    }

    /** Appends {@code AND ...} for the filter over {@code latest l}. */
    public static SqlQuery.Builder filter(SqlQuery.Builder query, ReportFilter filter)
    {
        return query.filter(filter, COLUMNS);
    }
}
