package io.admitto.api.freshness;

import io.admitto.api.security.Role;
import io.admitto.api.sql.RowReader;
import io.admitto.api.sql.Rows;
import io.admitto.api.sql.SqlEngine;
import io.admitto.api.sql.SqlIdentifier;
import io.admitto.api.sql.SqlQuery;
import io.admitto.tables.TableSchema;
import io.admitto.tables.Tables;
import io.admitto.api.sql.cache.WarehouseAnswer;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code GET /api/freshness}: for every catalogued table, the newest event time among its committed rows
 * — how far behind the source each report is. Only a timestamp per table, so restricted tables are listed
 * too.
 */
@Path("/api/freshness")
public final class FreshnessResource
{
    /** Each table's event-time column: the one its partition date is derived from. */
    static final Map<String, String> TIME_COLUMNS = Map.ofEntries(
            Map.entry(Tables.DEPARTMENT_HOURLY.name(), "hour_start"),
            Map.entry(Tables.WAIT_TIMES.name(), "arrived_at"),
            Map.entry(Tables.WAIT_TIME_STATS.name(), "hour_start"),
            Map.entry(Tables.REGISTRATION_QUALITY.name(), "assessed_at"),
            Map.entry(Tables.REGISTRATION_FINDINGS.name(), "assessed_at"),
            Map.entry(Tables.REGISTRATION_PHI.name(), "assessed_at"),
            Map.entry(Tables.DENIALS.name(), "remitted_at"),
            Map.entry(Tables.DENIAL_PATTERNS.name(), "window_start"),
            Map.entry(Tables.CLAIM_REJECTIONS.name(), "acknowledged_at"),
            Map.entry(Tables.KPI_DAILY.name(), "computed_at"),
            Map.entry(Tables.QA_REVIEWS.name(), "decided_at"),
            Map.entry(Tables.AUDIT_LOG.name(), "occurred_at"),
            Map.entry(Tables.DEAD_LETTERS.name(), "received_at"),
            Map.entry(Tables.LATE_EVENTS.name(), "event_time"));

    // captures nothing, so the answer cache can reuse its answers (it keys them by the reader too)
    private static final RowReader<Optional<Instant>> NEWEST = row -> Optional.ofNullable(Rows.instant(row, "newest"));

    private final SqlEngine engine;

    @Inject
    public FreshnessResource(SqlEngine engine)
    {
        this.engine = requireNonNull(engine, "engine is null");
    }

    @GET
    @WarehouseAnswer
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.QA_REVIEWER_NAME, Role.LEADERSHIP_NAME, Role.ANALYST_NAME, Role.ADMIN_NAME})
    public List<TableFreshness> freshness()
    {
        List<TableFreshness> tables = new ArrayList<>();
        for (TableSchema table : Tables.all()) {
            String column = TIME_COLUMNS.get(table.name());
            if (column == null) {
                throw new IllegalStateException("No event-time column known for table " + table.name());
            }
            // the column name comes from the map above and is checked against the table's own columns
            SqlIdentifier newest = () -> "max(q." + table.column(column).name() + ") AS newest";
            SqlQuery query = SqlQuery.builder().sql("SELECT ").identifier(newest).sql(" FROM ").table(table).sql(" q").build();
            Optional<Instant> time = engine.query(query, NEWEST).get(0);
            tables.add(new TableFreshness(table.name(), column, time.isPresent(), time.orElse(null)));
        }
        return tables;
    }
}
