package io.admitto.dashboards.denials;

import io.admitto.api.report.Page;
import io.admitto.api.report.PageQuery;
import io.admitto.api.report.ReportQuery;
import io.admitto.api.security.Role;
import io.admitto.api.sql.FilterColumns;
import io.admitto.api.sql.Rows;
import io.admitto.api.sql.SqlEngine;
import io.admitto.api.sql.SqlIdentifier;
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
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;

import static io.admitto.tables.Tables.DENIALS;
import static java.util.Objects.requireNonNull;

/**
 * The denials explorer's drill-down, payer → category → CARC → registrations:
 * <ul>
 * <li>{@code GET /api/charts/denial-breakdown?level=payer|category|carc&category&carc&<report filters>} — the
 * denials grouped by the level, with how much of each was front-end and, of that, caught or missed by QA;
 * the payer of the drill-down is the report's {@code payer} filter;</li>
 * <li>{@code GET /api/charts/denial-breakdown/registrations?…&page&size} — the denying adjustments
 * themselves, newest first, for QA reviewers only: they lead to registrations and registrars, which is
 * the QA reviewers' work rather than leadership's.</li>
 * </ul>
 * The date is the remittance date, as in {@code /api/denials}.
 */
@Path("/api/charts/denial-breakdown")
public final class DenialBreakdownResource
{
    private static final FilterColumns COLUMNS = FilterColumns.of("q.event_date", "q.facility_id", "q.department", "q.payer_id");
    /** Each level's grouping column: constants only ever reach the SQL text. */
    private static final Map<String, GroupColumn> LEVELS = Map.of(
            "payer", GroupColumn.PAYER,
            "category", GroupColumn.CATEGORY,
            "carc", GroupColumn.CARC);
    private static final String CATEGORY = "|ELIGIBILITY|REGISTRATION|COORDINATION_OF_BENEFITS|AUTHORIZATION|MEDICAL_NECESSITY|TIMELY_FILING|DUPLICATE|CODING|OTHER";
    private static final String CATEGORY_MESSAGE = "must be a denial category (ELIGIBILITY, REGISTRATION, COORDINATION_OF_BENEFITS, AUTHORIZATION, "
            + "MEDICAL_NECESSITY, TIMELY_FILING, DUPLICATE, CODING, OTHER)";
    private static final String CARC = "|[A-Z0-9]{1,5}";
    private static final String CARC_MESSAGE = "must be a claim adjustment reason code (1 to 5 letters or digits)";

    private final SqlEngine engine;

    @Inject
    public DenialBreakdownResource(SqlEngine engine)
    {
        this.engine = requireNonNull(engine, "engine is null");
    }

    @GET
    @WarehouseAnswer
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.QA_REVIEWER_NAME, Role.LEADERSHIP_NAME, Role.ANALYST_NAME, Role.ADMIN_NAME})
    public DenialBreakdown breakdown(
            @Valid @BeanParam ReportQuery query,
            @QueryParam("level") @Pattern(regexp = "|payer|category|carc", message = "must be payer, category or carc") String level,
            @QueryParam("category") @Pattern(regexp = CATEGORY, message = CATEGORY_MESSAGE) String category,
            @QueryParam("carc") @Pattern(regexp = CARC, message = CARC_MESSAGE) String carc)
    {
        String groupLevel = blank(level).orElse("payer");
        GroupColumn column = LEVELS.get(groupLevel);
        SqlQuery.Builder sql = SqlQuery.builder()
                .sql("SELECT q.").identifier(column).sql("""
                         AS group_key, count(*) AS denials, count(DISTINCT q.claim_id) AS claims, sum(q.amount) AS amount,
                               sum(CASE WHEN q.front_end THEN q.amount ELSE 0 END) AS front_end_amount,
                               sum(CASE WHEN q.front_end AND q.caught_by_qa THEN 1 ELSE 0 END) AS caught,
                               sum(CASE WHEN q.front_end AND q.caught_by_qa THEN q.amount ELSE 0 END) AS caught_amount
                        FROM\s""")
                .table(DENIALS).sql(" q WHERE 1 = 1");
        narrow(sql, query, category, carc);
        sql.sql(" GROUP BY q.").identifier(column).sql(" ORDER BY amount DESC, group_key");
        return new DenialBreakdown(groupLevel, engine.query(sql.build(), row -> {
            BigDecimal frontEnd = money(row.getBigDecimal("front_end_amount"));
            BigDecimal caught = money(row.getBigDecimal("caught_amount"));
            return new DenialBreakdown.Group(
                    row.getString("group_key"),
                    row.getLong("denials"),
                    row.getLong("claims"),
                    money(row.getBigDecimal("amount")),
                    frontEnd,
                    row.getLong("caught"),
                    caught,
                    frontEnd.subtract(caught));
        }));
    }

    @GET
    @WarehouseAnswer
    @Path("registrations")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.QA_REVIEWER_NAME)
    public Page<DeniedRegistration> registrations(
            @Valid @BeanParam ReportQuery query,
            @Valid @BeanParam PageQuery page,
            @QueryParam("category") @Pattern(regexp = CATEGORY, message = CATEGORY_MESSAGE) String category,
            @QueryParam("carc") @Pattern(regexp = CARC, message = CARC_MESSAGE) String carc)
    {
        SqlQuery.Builder count = SqlQuery.builder().sql("SELECT count(*) AS total FROM ").table(DENIALS).sql(" q WHERE 1 = 1");
        narrow(count, query, category, carc);
        long total = engine.query(count.build(), row -> row.getLong("total")).get(0);

        SqlQuery.Builder rows = SqlQuery.builder()
                .sql("""
                        SELECT q.encounter_id, q.claim_id, q.facility_id, q.department, q.registrar_id, q.remitted_at, q.group_code, q.carc,
                               q.amount, q.front_end, q.predicted_by, q.caught_by_qa
                        FROM\s""")
                .table(DENIALS).sql(" q WHERE 1 = 1");
        narrow(rows, query, category, carc);
        rows.sql(" ORDER BY q.remitted_at DESC, q.claim_id, q.group_code, q.carc, q.amount OFFSET ").value(page.offset())
                .sql(" LIMIT ").value((long) page.size());
        return new Page<>(page.page(), page.size(), total, engine.query(rows.build(), row -> new DeniedRegistration(
                row.getString("encounter_id"),
                row.getString("claim_id"),
                row.getString("facility_id"),
                row.getString("department"),
                row.getString("registrar_id"),
                Rows.instant(row, "remitted_at"),
                row.getString("group_code"),
                row.getString("carc"),
                money(row.getBigDecimal("amount")),
                row.getBoolean("front_end"),
                row.getString("predicted_by"),
                row.getBoolean("caught_by_qa"))));
    }

    /** The columns a level groups by. */
    private enum GroupColumn
            implements SqlIdentifier
    {
        PAYER("payer_id"), CATEGORY("category"), CARC("carc");

        private final String column;

        GroupColumn(String column)
        {
            this.column = column;
        }

        @Override
        public String sql()
        {
            return column;
        }
    }

    private static void narrow(SqlQuery.Builder sql, ReportQuery query, String category, String carc)
    {
        sql.filter(query.filter(), COLUMNS);
        blank(category).ifPresent(value -> sql.sql(" AND q.category = ").value(value));
        blank(carc).ifPresent(value -> sql.sql(" AND q.carc = ").value(value));
    }

    /** Engines give sums different scales; money is always shown with cents. */
    private static BigDecimal money(BigDecimal value)
    {
        return (value == null ? BigDecimal.ZERO : value).setScale(2, RoundingMode.HALF_EVEN);
    }

    private static Optional<String> blank(String value)
    {
        return Optional.ofNullable(value).filter(text -> !text.isEmpty());
    }
}
