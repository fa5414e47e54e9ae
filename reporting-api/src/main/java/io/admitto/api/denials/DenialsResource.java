package io.admitto.api.denials;

import io.admitto.api.report.Page;
import io.admitto.api.report.PageQuery;
import io.admitto.api.report.ReportQuery;
import io.admitto.api.security.Role;
import io.admitto.api.sql.FilterColumns;
import io.admitto.api.sql.ReportFilter;
import io.admitto.api.sql.Rows;
import io.admitto.api.sql.SqlEngine;
import io.admitto.api.sql.SqlQuery;
import io.admitto.api.sql.cache.WarehouseAnswer;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Optional;

import static io.admitto.tables.Tables.DENIALS;
import static io.admitto.tables.Tables.DENIAL_PATTERNS;
import static java.util.Objects.requireNonNull;

/**
 * Denials: {@code GET /api/denials} (the list, newest first, paginated), {@code GET /api/denials/summary}
 * (top categories, preventable share, caught vs missed by QA) and {@code GET /api/denials/patterns}
 * (hourly or daily windows with their baseline and spike flag). All take the report filters; the date is
 * the remittance date.
 */
@Path("/api/denials")
@RolesAllowed({Role.QA_REVIEWER_NAME, Role.LEADERSHIP_NAME, Role.ANALYST_NAME, Role.ADMIN_NAME})
public final class DenialsResource
{
    private static final FilterColumns DENIAL_COLUMNS = FilterColumns.of("q.event_date", "q.facility_id", "q.department", "q.payer_id");
    private static final FilterColumns PATTERN_COLUMNS = FilterColumns.of("q.event_date", "q.facility_id", "q.department", "q.payer_id");

    private final SqlEngine engine;

    @Inject
    public DenialsResource(SqlEngine engine)
    {
        this.engine = requireNonNull(engine, "engine is null");
    }

    @GET
    @WarehouseAnswer
    @Produces(MediaType.APPLICATION_JSON)
    public Page<DenialRecord> list(
            @Valid @BeanParam ReportQuery query,
            @Valid @BeanParam PageQuery page,
            @QueryParam("category") @Pattern(regexp = DenialCategoryParameter.PATTERN, message = DenialCategoryParameter.MESSAGE) String category)
    {
        ReportFilter filter = query.filter();
        Optional<String> categoryFilter = Optional.ofNullable(category).filter(value -> !value.isEmpty());

        SqlQuery.Builder count = SqlQuery.builder().sql("SELECT count(*) AS total FROM ").table(DENIALS, filter).sql(" q WHERE 1 = 1").filter(filter, DENIAL_COLUMNS);
        categoryFilter.ifPresent(value -> count.sql(" AND q.category = ").value(value));
        long total = engine.query(count.build(), row -> row.getLong("total")).get(0);

        SqlQuery.Builder rows = SqlQuery.builder()
                .sql("""
                        SELECT q.encounter_id, q.claim_id, q.payer_id, q.facility_id, q.department, q.registrar_id, q.remitted_at,
                               q.group_code, q.carc, q.amount, q.billed_amount, q.category, q.front_end, q.predicted_by, q.caught_by_qa
                        FROM\s""")
                .table(DENIALS, filter).sql(" q WHERE 1 = 1").filter(filter, DENIAL_COLUMNS);
        categoryFilter.ifPresent(value -> rows.sql(" AND q.category = ").value(value));
        rows.sql(" ORDER BY q.remitted_at DESC, q.claim_id, q.group_code, q.carc, q.amount OFFSET ").value(page.offset()).sql(" LIMIT ").value((long) page.size());
        List<DenialRecord> items = engine.query(rows.build(), row -> new DenialRecord(
                row.getString("encounter_id"),
                row.getString("claim_id"),
                row.getString("payer_id"),
                row.getString("facility_id"),
                row.getString("department"),
                row.getString("registrar_id"),
                Rows.instant(row, "remitted_at"),
                row.getString("group_code"),
                row.getString("carc"),
                row.getBigDecimal("amount"),
                row.getBigDecimal("billed_amount"),
                row.getString("category"),
                row.getBoolean("front_end"),
                row.getString("predicted_by"),
                row.getBoolean("caught_by_qa")));
        return new Page<>(page.page(), page.size(), total, items);
    }

    @GET
    @WarehouseAnswer
    @Path("summary")
    @Produces(MediaType.APPLICATION_JSON)
    public DenialSummary summary(@Valid @BeanParam ReportQuery query)
    {
        SqlQuery sql = SqlQuery.builder()
                .sql("""
                        SELECT q.category, q.front_end, count(*) AS denials, count(DISTINCT q.claim_id) AS claims, sum(q.amount) AS amount,
                               sum(CASE WHEN q.caught_by_qa THEN 1 ELSE 0 END) AS caught,
                               sum(CASE WHEN q.caught_by_qa THEN q.amount ELSE 0 END) AS caught_amount
                        FROM\s""")
                .table(DENIALS, query.filter()).sql(" q WHERE 1 = 1").filter(query.filter(), DENIAL_COLUMNS)
                .sql(" GROUP BY q.category, q.front_end ORDER BY amount DESC, q.category")
                .build();
        record Row(DenialSummary.Category category, BigDecimal caughtAmount) {}
        List<Row> rows = engine.query(sql, row -> new Row(
                new DenialSummary.Category(row.getString("category"), row.getBoolean("front_end"), row.getLong("denials"), row.getLong("claims"),
                        money(row.getBigDecimal("amount")), row.getLong("caught")),
                money(row.getBigDecimal("caught_amount"))));
        long denials = rows.stream().mapToLong(row -> row.category().denials()).sum();
        BigDecimal amount = rows.stream().map(row -> row.category().amount()).reduce(money(BigDecimal.ZERO), BigDecimal::add);
        List<Row> frontEnd = rows.stream().filter(row -> row.category().frontEnd()).toList();
        long frontEndDenials = frontEnd.stream().mapToLong(row -> row.category().denials()).sum();
        BigDecimal frontEndAmount = frontEnd.stream().map(row -> row.category().amount()).reduce(money(BigDecimal.ZERO), BigDecimal::add);
        long caught = frontEnd.stream().mapToLong(row -> row.category().caughtByQa()).sum();
        BigDecimal caughtAmount = frontEnd.stream().map(Row::caughtAmount).reduce(money(BigDecimal.ZERO), BigDecimal::add);
        return new DenialSummary(
                denials,
                amount,
                frontEndDenials,
                frontEndAmount,
                ratio(frontEndAmount, amount),
                caught,
                caughtAmount,
                frontEndDenials - caught,
                frontEndAmount.subtract(caughtAmount),
                ratio(caughtAmount, frontEndAmount),
                rows.stream().map(Row::category).toList());
    }

    @GET
    @WarehouseAnswer
    @Path("patterns")
    @Produces(MediaType.APPLICATION_JSON)
    public List<DenialPattern> patterns(
            @Valid @BeanParam ReportQuery query,
            @QueryParam("window") @Pattern(regexp = "|HOUR|DAY", message = "must be HOUR or DAY") String window,
            @QueryParam("spikesOnly") @Pattern(regexp = "|true|false", message = "must be true or false") String spikesOnly)
    {
        SqlQuery.Builder sql = SqlQuery.builder()
                .sql("""
                        SELECT q.window_size, q.window_start, q.facility_id, q.payer_id, q.department, q.category, q.front_end, q.denials,
                               q.denied_claims, q.denied_amount, q.remitted_claims, q.denial_rate, q.baseline_mean, q.z_score, q.spike
                        FROM\s""")
                .table(DENIAL_PATTERNS).sql(" q WHERE q.window_size = ")
                .value(window == null || window.isEmpty() ? "DAY" : window)
                .filter(query.filter(), PATTERN_COLUMNS);
        if ("true".equals(spikesOnly)) {
            sql.sql(" AND q.spike");
        }
        sql.sql(" ORDER BY q.window_start, q.facility_id, q.payer_id, q.department, q.category");
        return engine.query(sql.build(), row -> new DenialPattern(
                row.getString("window_size"),
                Rows.instant(row, "window_start"),
                row.getString("facility_id"),
                row.getString("payer_id"),
                row.getString("department"),
                row.getString("category"),
                row.getBoolean("front_end"),
                row.getLong("denials"),
                row.getLong("denied_claims"),
                money(row.getBigDecimal("denied_amount")),
                row.getLong("remitted_claims"),
                row.getDouble("denial_rate"),
                Rows.nullableDouble(row, "baseline_mean"),
                Rows.nullableDouble(row, "z_score"),
                row.getBoolean("spike")));
    }

    /** Engines give sums different scales; money is always shown with cents. */
    private static BigDecimal money(BigDecimal value)
    {
        return value == null ? null : value.setScale(2, java.math.RoundingMode.HALF_EVEN);
    }

    private static Double ratio(BigDecimal part, BigDecimal whole)
    {
        return whole.signum() == 0 ? null : part.divide(whole, MathContext.DECIMAL64).doubleValue();
    }
}
