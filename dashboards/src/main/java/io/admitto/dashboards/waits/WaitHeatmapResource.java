package io.admitto.dashboards.waits;

import com.tdunning.math.stats.MergingDigest;
import io.admitto.api.report.ReportQuery;
import io.admitto.api.security.Role;
import io.admitto.api.sql.FilterColumns;
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
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.admitto.tables.Tables.WAIT_TIME_STATS;
import static java.util.Objects.requireNonNull;

/**
 * {@code GET /api/charts/wait-heatmap?from&to&facility&department&phase}: wait percentiles by department ×
 * weekday × hour of day (UTC), for the leadership heatmap. {@code /api/wait-times} folds every weekday into
 * one hour of day; leadership asks when in the week the front desk falls behind, so the hourly t-digests of
 * {@code wait_time_stats} are merged per weekday and hour here. No payer: the table has none.
 */
@Path("/api/charts/wait-heatmap")
public final class WaitHeatmapResource
{
    static final String DEFAULT_PHASE = "arrival_to_registration";
    private static final FilterColumns COLUMNS = FilterColumns.of("q.event_date", "q.facility_id", "q.department");
    /** The compression the wait-times job's digests use (docs/tables.md). */
    private static final double COMPRESSION = 100;

    private final SqlEngine engine;

    @Inject
    public WaitHeatmapResource(SqlEngine engine)
    {
        this.engine = requireNonNull(engine, "engine is null");
    }

    @GET
    @WarehouseAnswer
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.QA_REVIEWER_NAME, Role.LEADERSHIP_NAME, Role.ANALYST_NAME, Role.ADMIN_NAME})
    public List<WeekdayHourCell> heatmap(
            @Valid @BeanParam ReportQuery query,
            @QueryParam("phase") @Pattern(regexp = "|arrival_to_registration|registration_to_service|arrival_to_screening|arrival_to_service",
                    message = "must be arrival_to_registration, registration_to_service, arrival_to_screening or arrival_to_service") String phase)
    {
        SqlQuery sql = SqlQuery.builder()
                .sql("SELECT q.department, q.hour_start, q.samples, q.sla_breaches, q.tdigest FROM ")
                .table(WAIT_TIME_STATS).sql(" q WHERE q.phase = ").value(phase == null || phase.isEmpty() ? DEFAULT_PHASE : phase)
                .filter(query.filterWithoutPayer("wait_time_stats"), COLUMNS)
                .build();
        return engine.fold(sql, BY_DEPARTMENT_WEEKDAY_AND_HOUR);
    }

    /** Merges the hourly digests per department, weekday and hour; a constant, so answers can be reused. */
    private static final RowFolder<Map<CellKey, Accumulator>, List<WeekdayHourCell>> BY_DEPARTMENT_WEEKDAY_AND_HOUR = new RowFolder<>()
    {
        @Override
        public Map<CellKey, Accumulator> start()
        {
            return new TreeMap<>();
        }

        @Override
        public void add(Map<CellKey, Accumulator> cells, ResultSet row)
                throws SQLException
        {
            ZonedDateTime hour = Rows.instant(row, "hour_start").atZone(ZoneOffset.UTC);
            CellKey key = new CellKey(row.getString("department"), hour.getDayOfWeek().getValue(), hour.getHour());
            cells.computeIfAbsent(key, ignored -> new Accumulator())
                    .add(row.getLong("samples"), row.getLong("sla_breaches"), MergingDigest.fromBytes(ByteBuffer.wrap(Rows.bytes(row, "tdigest"))));
        }

        @Override
        public List<WeekdayHourCell> finish(Map<CellKey, Accumulator> cells)
        {
            List<WeekdayHourCell> result = new ArrayList<>(cells.size());
            cells.forEach((key, cell) -> result.add(new WeekdayHourCell(key.department(), key.weekday(), key.hour(), cell.samples,
                    cell.digest.quantile(0.5), cell.digest.quantile(0.9), cell.breaches)));
            return List.copyOf(result);
        }
    };

    /** Ordered by department, weekday, hour: the order the answer lists the cells in. */
    private record CellKey(String department, int weekday, int hour)
            implements Comparable<CellKey>
    {
        @Override
        public int compareTo(CellKey other)
        {
            int byDepartment = department.compareTo(other.department);
            if (byDepartment != 0) {
                return byDepartment;
            }
            return weekday != other.weekday ? Integer.compare(weekday, other.weekday) : Integer.compare(hour, other.hour);
        }
    }

    /** Sums one cell's hours; used by one request's thread only. */
    private static final class Accumulator
    {
        private final MergingDigest digest = new MergingDigest(COMPRESSION);
        private long samples;
        private long breaches;

        void add(long hourSamples, long hourBreaches, MergingDigest hourDigest)
        {
            samples += hourSamples;
            breaches += hourBreaches;
            digest.add(List.of(hourDigest));
        }
    }
}
