package io.admitto.api.waits;

import com.tdunning.math.stats.MergingDigest;
import io.admitto.api.report.ReportQuery;
import io.admitto.api.security.Role;
import io.admitto.api.sql.FilterColumns;
import io.admitto.api.sql.ReportFilter;
import io.admitto.api.sql.RowFolder;
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

import java.nio.ByteBuffer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.admitto.tables.Tables.WAIT_TIME_STATS;
import static java.util.Objects.requireNonNull;

/**
 * {@code GET /api/wait-times?from&to&facility&department&phase}: wait percentiles by department × phase ×
 * hour of day (UTC). Percentiles of several hours cannot be averaged, so the hourly t-digests that
 * {@code wait_time_stats} stores are merged here; counts, maxima and breaches are exact.
 */
@Path("/api/wait-times")
public final class WaitTimesResource
{
    private static final FilterColumns COLUMNS = FilterColumns.of("q.event_date", "q.facility_id", "q.department");
    /** The compression the job's digests use (docs/tables.md). */
    private static final double COMPRESSION = 100;

    private final SqlEngine engine;

    @Inject
    public WaitTimesResource(SqlEngine engine)
    {
        this.engine = requireNonNull(engine, "engine is null");
    }

    @GET
    @WarehouseAnswer
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.QA_REVIEWER_NAME, Role.LEADERSHIP_NAME, Role.ANALYST_NAME, Role.ADMIN_NAME})
    public List<WaitTimeCell> waitTimes(
            @Valid @BeanParam ReportQuery query,
            @QueryParam("phase") @Pattern(regexp = "|arrival_to_registration|registration_to_service|arrival_to_screening|arrival_to_service",
                    message = "must be arrival_to_registration, registration_to_service, arrival_to_screening or arrival_to_service") String phase)
    {
        ReportFilter filter = query.filterWithoutPayer("wait_time_stats");
        SqlQuery.Builder sql = SqlQuery.builder()
                .sql("SELECT q.department, q.phase, q.hour_start, q.samples, q.max_seconds, q.sla_breaches, q.tdigest FROM ")
                .table(WAIT_TIME_STATS, filter).sql(" q WHERE 1 = 1").filter(filter, COLUMNS);
        if (phase != null && !phase.isEmpty()) {
            sql.sql(" AND q.phase = ").value(phase);
        }
        return engine.fold(sql.build(), BY_DEPARTMENT_PHASE_AND_HOUR);
    }

    /** Merges the hourly digests per department, phase and hour of day; a constant, so answers can be reused. */
    private static final RowFolder<Map<String, Cell>, List<WaitTimeCell>> BY_DEPARTMENT_PHASE_AND_HOUR = new RowFolder<>()
    {
        @Override
        public Map<String, Cell> start()
        {
            return new TreeMap<>();
        }

        @Override
        public void add(Map<String, Cell> cells, ResultSet row)
                throws SQLException
        {
            int hour = Rows.instant(row, "hour_start").atZone(ZoneOffset.UTC).getHour();
            String department = row.getString("department");
            String rowPhase = row.getString("phase");
            Cell cell = cells.computeIfAbsent(department + '\u0000' + rowPhase + '\u0000' + String.format("%02d", hour),
                    key -> new Cell(department, rowPhase, hour));
            cell.add(row.getLong("samples"), row.getDouble("max_seconds"), row.getLong("sla_breaches"),
                    MergingDigest.fromBytes(ByteBuffer.wrap(Rows.bytes(row, "tdigest"))));
        }

        @Override
        public List<WaitTimeCell> finish(Map<String, Cell> cells)
        {
            return cells.values().stream().map(Cell::toCell).toList();
        }
    };

    /** Accumulates one department, phase and hour of day; used by one request's thread only. */
    private static final class Cell
    {
        private final String department;
        private final String phase;
        private final int hour;
        private final MergingDigest digest = new MergingDigest(COMPRESSION);
        private long samples;
        private double max;
        private long breaches;

        Cell(String department, String phase, int hour)
        {
            this.department = department;
            this.phase = phase;
            this.hour = hour;
        }

        void add(long samples, double max, long breaches, MergingDigest hourly)
        {
            this.samples += samples;
            this.max = Math.max(this.max, max);
            this.breaches += breaches;
            digest.add(List.of(hourly));
        }

        WaitTimeCell toCell()
        {
            return new WaitTimeCell(department, phase, hour, samples, digest.quantile(0.5), digest.quantile(0.9), digest.quantile(0.95), max,
                    breaches, samples == 0 ? 0 : (double) breaches / samples);
        }
    }
}
