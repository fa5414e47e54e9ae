package io.admitto.api.quality;

import io.admitto.api.kpi.KpiTargets;
import io.admitto.api.report.ReportQuery;
import io.admitto.api.security.Role;
import io.admitto.api.sql.ReportFilter;
import io.admitto.api.sql.RowReader;
import io.admitto.api.sql.SqlEngine;
import io.admitto.api.sql.SqlQuery;
import io.admitto.api.sql.cache.WarehouseAnswer;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * {@code GET /api/quality/registrars?from&to&facility&department&payer}: per-registrar scorecards from
 * the current (latest) assessment of each registration whose service date is in the period.
 */
@Path("/api/quality/registrars")
public final class RegistrarScorecardResource
{
    /** The accuracy KPI's target, when the organisation sets none: 95% per registrar (../shared/domain.md). */
    static final double DEFAULT_ACCURACY_TARGET = 0.95;

    /** A scorecard without a target yet; captures nothing, so the answer cache can reuse its answers. */
    private static final RowReader<RegistrarScorecard> REGISTRAR = row -> {
        long registrations = row.getLong("registrations");
        long clean = row.getLong("clean_registrations");
        long errors = row.getLong("errors");
        return new RegistrarScorecard(
                row.getString("facility_id"),
                row.getString("registrar_id"),
                registrations,
                clean,
                errors,
                row.getLong("warnings"),
                (double) errors / registrations,
                (double) clean / registrations,
                row.getDouble("mean_score"),
                false);
    };

    private final SqlEngine engine;
    private final double accuracyTarget;

    @Inject
    public RegistrarScorecardResource(SqlEngine engine, KpiTargets targets)
    {
        this.engine = requireNonNull(engine, "engine is null");
        this.accuracyTarget = targets.of("registration_accuracy_rate").map(KpiTargets.Target::value).orElse(DEFAULT_ACCURACY_TARGET);
    }

    @GET
    @WarehouseAnswer
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.QA_REVIEWER_NAME, Role.LEADERSHIP_NAME, Role.ANALYST_NAME, Role.ADMIN_NAME})
    public ScorecardReport scorecards(@Valid @BeanParam ReportQuery query)
    {
        ReportFilter filter = query.filter();
        SqlQuery.Builder sql = LatestAssessments.with(SqlQuery.builder())
                .sql("""
                        SELECT l.facility_id, l.registrar_id, count(*) AS registrations,
                               sum(CASE WHEN l.clean THEN 1 ELSE 0 END) AS clean_registrations,
                               sum(l.error_count + l.critical_count) AS errors,
                               sum(l.warning_count) AS warnings,
                               avg(CAST(l.score AS DOUBLE)) AS mean_score
                        FROM latest l WHERE 1 = 1""");
        LatestAssessments.filter(sql, filter)
                .sql(" GROUP BY l.facility_id, l.registrar_id ORDER BY l.facility_id, l.registrar_id");
        List<RegistrarScorecard> registrars = engine.query(sql.build(), REGISTRAR).stream()
                .map(registrar -> registrar.withAccuracyTarget(accuracyTarget))
                .toList();
        long registrations = registrars.stream().mapToLong(RegistrarScorecard::registrations).sum();
        long clean = registrars.stream().mapToLong(RegistrarScorecard::cleanRegistrations).sum();
        long errors = registrars.stream().mapToLong(RegistrarScorecard::errors).sum();
        return new ScorecardReport(accuracyTarget, registrations, clean, errors,
                registrations == 0 ? null : (double) errors / registrations,
                registrations == 0 ? null : (double) clean / registrations,
                registrars);
    }
}
