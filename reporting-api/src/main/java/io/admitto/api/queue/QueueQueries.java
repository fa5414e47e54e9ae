package io.admitto.api.queue;

import io.admitto.api.quality.LatestAssessments;
import io.admitto.api.sql.ReportFilter;
import io.admitto.api.sql.Rows;
import io.admitto.api.sql.SqlEngine;
import io.admitto.api.sql.SqlQuery;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

import static io.admitto.tables.Tables.DENIALS;
import static io.admitto.tables.Tables.REGISTRATION_FINDINGS;
import static io.admitto.tables.Tables.REGISTRATION_PHI;
import static java.util.Objects.requireNonNull;

/** What the work queue reads from the warehouse: flagged registrations, their findings and their PHI. */
final class QueueQueries
{
    private final SqlEngine engine;

    QueueQueries(SqlEngine engine)
    {
        this.engine = requireNonNull(engine, "engine is null");
    }

    /**
     * Registrations whose current assessment has findings, with their predicted denial dollars.
     *
     * @param severity only those with at least one finding of this severity (critical, error, warning)
     */
    List<FlaggedRegistration> flagged(ReportFilter filter, Optional<String> severity, Optional<String> encounterId)
    {
        SqlQuery.Builder sql = LatestAssessments.with(SqlQuery.builder())
                .sql(", carc_amounts AS (SELECT d.carc, avg(d.amount) AS mean_amount FROM ").table(DENIALS).sql(" d GROUP BY d.carc)")
                // one row per finding: the largest mean denied amount among the CARCs its rule predicts
                .sql(", finding_dollars AS (SELECT f.encounter_id, f.version, f.rule_id, f.field_path, COALESCE(max(c.mean_amount), 0) AS dollars FROM ")
                .table(REGISTRATION_FINDINGS)
                .sql(" f LEFT JOIN carc_amounts c ON position(',' || c.carc || ',' IN ',' || f.predicted_carcs || ',') > 0"
                        + " GROUP BY f.encounter_id, f.version, f.rule_id, f.field_path)")
                .sql(", encounter_dollars AS (SELECT fd.encounter_id, fd.version, sum(fd.dollars) AS dollars FROM finding_dollars fd"
                        + " GROUP BY fd.encounter_id, fd.version)\n")
                .sql("""
                        SELECT l.encounter_id, l.version, l.facility_id, l.department, l.registrar_id, l.payer_id, l.service_date,
                               l.critical_count, l.error_count, l.warning_count, l.score, l.grade, COALESCE(e.dollars, 0) AS dollars
                        FROM latest l LEFT JOIN encounter_dollars e ON e.encounter_id = l.encounter_id AND e.version = l.version
                        WHERE l.critical_count + l.error_count + l.warning_count > 0""");
        LatestAssessments.filter(sql, filter);
        severity.ifPresent(level -> sql.sql(switch (level) {
            case "critical" -> " AND l.critical_count > 0";
            case "error" -> " AND l.error_count > 0";
            case "warning" -> " AND l.warning_count > 0";
            default -> throw new IllegalArgumentException("Unknown severity " + level);
        }));
        encounterId.ifPresent(id -> sql.sql(" AND l.encounter_id = ").value(id));
        return engine.query(sql.build(), row -> new FlaggedRegistration(
                row.getString("encounter_id"),
                row.getInt("version"),
                row.getString("facility_id"),
                row.getString("department"),
                row.getString("registrar_id"),
                row.getString("payer_id"),
                Rows.date(row, "service_date"),
                row.getInt("critical_count"),
                row.getInt("error_count"),
                row.getInt("warning_count"),
                row.getInt("score"),
                row.getString("grade"),
                row.getBigDecimal("dollars").setScale(2, RoundingMode.HALF_EVEN)));
    }

    List<QueueDetail.Finding> findings(String encounterId, int version)
    {
        SqlQuery sql = SqlQuery.builder()
                .sql("SELECT f.rule_id, f.category, f.severity, f.field_path, f.predicted_carcs FROM ").table(REGISTRATION_FINDINGS)
                .sql(" f WHERE f.encounter_id = ").value(encounterId).sql(" AND f.version = ").value(version)
                .sql(" ORDER BY f.rule_id, f.field_path")
                .build();
        return engine.query(sql, row -> new QueueDetail.Finding(
                row.getString("rule_id"),
                row.getString("category"),
                row.getString("severity"),
                row.getString("field_path"),
                row.getString("predicted_carcs")));
    }

    Optional<PhiRow> phi(String encounterId, int version)
    {
        SqlQuery sql = SqlQuery.builder()
                .sql("SELECT p.mrn, p.family_name, p.given_name, p.birth_date, p.sex, p.ssn, p.phone, p.address, p.member_id, p.findings_detail FROM ")
                .table(REGISTRATION_PHI)
                .sql(" p WHERE p.encounter_id = ").value(encounterId).sql(" AND p.version = ").value(version)
                .build();
        return engine.query(sql, row -> new PhiRow(
                row.getString("mrn"),
                row.getString("family_name"),
                row.getString("given_name"),
                Rows.date(row, "birth_date"),
                row.getString("sex"),
                row.getString("ssn"),
                row.getString("phone"),
                row.getString("address"),
                row.getString("member_id"),
                row.getString("findings_detail"))).stream().findFirst();
    }

    /** The restricted fields of registration_phi for one assessment version. */
    record PhiRow(String mrn, String familyName, String givenName, java.time.LocalDate birthDate, String sex, String ssn, String phone,
            String address, String memberId, String findingsDetail) {}
}
