package io.admitto.api.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.admitto.api.security.Role;
import io.admitto.api.server.ReportingServer;
import io.admitto.api.testing.ApiClient;
import io.admitto.api.testing.JobWrittenWarehouse;
import io.admitto.api.testing.RecordingAuditLog;
import io.admitto.api.testing.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read endpoints over a warehouse written by the real jobs, as leadership sees them. Each expected
 * value is computed here with DuckDB SQL written differently from the API's (joins on max(version)
 * instead of window functions, FILTER clauses, direct globs).
 */
@ExtendWith(JobWrittenWarehouse.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class ReadEndpointsTest
{
    private JobWrittenWarehouse.Warehouse warehouse;
    private ReportingServer server;
    private ApiClient leadership;

    @BeforeAll
    void start(JobWrittenWarehouse.Warehouse warehouse)
    {
        this.warehouse = warehouse;
        server = TestServers.start(TestServers.config(warehouse.root(), warehouse.newStateDirectory("reads")), new RecordingAuditLog(), Clock.systemUTC());
        leadership = new ApiClient(server.uri()).loggedInAs(Role.LEADERSHIP);
    }

    @AfterAll
    void stop()
    {
        server.close();
    }

    @Test
    void registrarScorecardsAreHfmaRatesOfTheCurrentAssessments()
            throws Exception
    {
        Map<String, long[]> expected = new HashMap<>();
        query("""
                SELECT q.facility_id || '|' || coalesce(q.registrar_id, '-'), count(*), count(*) FILTER (WHERE q.clean),
                       sum(q.error_count) + sum(q.critical_count)
                FROM %1$s q JOIN (SELECT encounter_id, max(version) AS version FROM %1$s GROUP BY 1) n USING (encounter_id, version)
                GROUP BY 1""".formatted(scan("registration_quality")), row -> expected.put(row.getString(1), new long[] {row.getLong(2), row.getLong(3), row.getLong(4)}));
        assertThat(expected).isNotEmpty();

        JsonNode report = json(leadership.get("/api/quality/registrars"));
        Map<String, long[]> actual = new HashMap<>();
        for (JsonNode registrar : report.get("registrars")) {
            String key = registrar.get("facilityId").asText() + "|" + (registrar.get("registrarId").isNull() ? "-" : registrar.get("registrarId").asText());
            long registrations = registrar.get("registrations").asLong();
            actual.put(key, new long[] {registrations, registrar.get("cleanRegistrations").asLong(), registrar.get("errors").asLong()});
            assertThat(registrar.get("accuracyRate").asDouble()).isCloseTo((double) registrar.get("cleanRegistrations").asLong() / registrations, org.assertj.core.data.Offset.offset(1e-12));
            assertThat(registrar.get("errorRate").asDouble()).isCloseTo((double) registrar.get("errors").asLong() / registrations, org.assertj.core.data.Offset.offset(1e-12));
        }
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((key, counts) -> assertThat(actual.get(key)).as(key).containsExactly(counts));
    }

    @Test
    void denialSummaryAddsUpTheDenialsTable()
            throws Exception
    {
        Object[] expected = new Object[4];
        query("""
                SELECT count(*), sum(amount), sum(amount) FILTER (WHERE front_end), sum(amount) FILTER (WHERE front_end AND caught_by_qa)
                FROM %s""".formatted(scan("denials")), row -> {
            expected[0] = row.getLong(1);
            expected[1] = row.getBigDecimal(2);
            expected[2] = row.getBigDecimal(3);
            expected[3] = row.getBigDecimal(4);
        });
        assertThat((Long) expected[0]).isPositive();

        JsonNode summary = json(leadership.get("/api/denials/summary"));
        assertThat(summary.get("denials").asLong()).isEqualTo(expected[0]);
        assertThat(summary.get("deniedAmount").decimalValue()).isEqualByComparingTo((BigDecimal) expected[1]);
        assertThat(summary.get("frontEndAmount").decimalValue()).isEqualByComparingTo((BigDecimal) expected[2]);
        BigDecimal caught = expected[3] == null ? BigDecimal.ZERO : (BigDecimal) expected[3];
        assertThat(summary.get("caughtAmount").decimalValue()).isEqualByComparingTo(caught);
        long listed = json(leadership.get("/api/denials?size=1")).get("total").asLong();
        assertThat(listed).isEqualTo(expected[0]);
    }

    @Test
    void ruleFireCountsAreTheFindingsOfTheCurrentAssessments()
            throws Exception
    {
        Map<String, Long> expected = new HashMap<>();
        query("""
                SELECT f.rule_id, count(*) FROM %s f
                JOIN (SELECT encounter_id, max(version) AS version FROM %s GROUP BY 1) n ON f.encounter_id = n.encounter_id AND f.version = n.version
                GROUP BY 1""".formatted(scan("registration_findings"), scan("registration_quality")), row -> expected.put(row.getString(1), row.getLong(2)));
        assertThat(expected).isNotEmpty();

        Map<String, Long> actual = new HashMap<>();
        for (JsonNode rule : json(leadership.get("/api/rules"))) {
            if (rule.get("fires").asLong() > 0) {
                actual.put(rule.get("id").asText(), rule.get("fires").asLong());
            }
            assertThat(rule.get("title").asText()).isNotBlank();
        }
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void waitTimeCountsAndMaximaAreExactAndPercentilesOrdered()
            throws Exception
    {
        Map<String, double[]> expected = new HashMap<>();
        query("""
                SELECT department || '|' || phase || '|' || hour(hour_start AT TIME ZONE 'UTC'), sum(samples), max(max_seconds)
                FROM %s GROUP BY 1""".formatted(scan("wait_time_stats")), row -> expected.put(row.getString(1), new double[] {row.getLong(2), row.getDouble(3)}));
        assertThat(expected).isNotEmpty();

        Map<String, double[]> actual = new HashMap<>();
        for (JsonNode cell : json(leadership.get("/api/wait-times"))) {
            actual.put(cell.get("department").asText() + "|" + cell.get("phase").asText() + "|" + cell.get("hourOfDay").asInt(),
                    new double[] {cell.get("samples").asLong(), cell.get("maxSeconds").asDouble()});
            assertThat(cell.get("p50Seconds").asDouble()).isLessThanOrEqualTo(cell.get("p90Seconds").asDouble());
            assertThat(cell.get("p95Seconds").asDouble()).isLessThanOrEqualTo(cell.get("maxSeconds").asDouble());
        }
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((key, values) -> assertThat(actual.get(key)).as(key).containsExactly(values));
    }

    @Test
    void freshnessIsTheNewestEventTimePerTable()
            throws Exception
    {
        String[] newest = new String[1];
        query("SELECT strftime(max(remitted_at) AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%S') FROM " + scan("denials"), row -> newest[0] = row.getString(1));

        JsonNode tables = json(leadership.get("/api/freshness"));
        JsonNode denials = null;
        for (JsonNode table : tables) {
            if (table.get("table").asText().equals("denials")) {
                denials = table;
            }
            if (table.get("table").asText().equals("audit_log")) {
                assertThat(table.get("hasData").asBoolean()).isFalse();
            }
        }
        assertThat(denials).isNotNull();
        assertThat(denials.get("newestEventTime").asText()).startsWith(newest[0]);
    }

    /**
     * Ratio KPIs over the generated days are Σ numerator / Σ denominator of the latest department figures.
     * Until the KPI job is part of the platform run, kpi_daily is empty and so is the answer.
     */
    @Test
    void kpisAreSumsOfTheLatestDepartmentFiguresAndRefuseAPayer()
            throws Exception
    {
        String from = JobWrittenWarehouse.GENERATOR.startDate().toString();
        String to = JobWrittenWarehouse.GENERATOR.startDate().plusDays(JobWrittenWarehouse.GENERATOR.days() - 1).toString();
        Map<String, Double> expected = new HashMap<>();
        if (java.nio.file.Files.isDirectory(warehouse.root().resolve("kpi_daily"))) {
            query("""
                    SELECT k.kpi, sum(k.numerator) / sum(k.denominator)
                    FROM %1$s k
                    JOIN (SELECT kpi_date, facility_id, department, registrar_id, kpi, max(version) AS version FROM %1$s GROUP BY ALL) n
                      USING (kpi_date, facility_id, department, registrar_id, kpi, version)
                    WHERE k.registrar_id = '' AND k.unit = 'ratio' AND k.kpi_date BETWEEN DATE '%2$s' AND DATE '%3$s'
                    GROUP BY k.kpi HAVING sum(k.denominator) > 0""".formatted(scan("kpi_daily"), from, to),
                    row -> expected.put(row.getString(1), row.getDouble(2)));
        }

        JsonNode report = json(leadership.get("/api/kpis?from=" + from + "&to=" + to));
        Map<String, Double> actual = new HashMap<>();
        for (JsonNode kpi : report.get("kpis")) {
            if (kpi.get("unit").asText().equals("ratio") && !kpi.get("current").isNull()) {
                actual.put(kpi.get("kpi").asText(), kpi.get("current").asDouble());
            }
        }
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((kpi, value) -> assertThat(actual.get(kpi)).as(kpi).isCloseTo(value, org.assertj.core.data.Offset.offset(1e-9)));
        assertThat(leadership.get("/api/kpis?payer=AET").statusCode()).isEqualTo(400);
    }

    private JsonNode json(HttpResponse<String> response)
    {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return leadership.json(response);
    }

    private String scan(String table)
    {
        return "read_parquet('" + warehouse.root().resolve(table) + "/*/*.parquet', hive_partitioning = true)";
    }

    private interface RowConsumer
    {
        void accept(ResultSet row)
                throws SQLException;
    }

    private static void query(String sql, RowConsumer consumer)
            throws SQLException
    {
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duckdb.createStatement()) {
            statement.execute("SET TimeZone = 'UTC'");
            try (ResultSet row = statement.executeQuery(sql)) {
                while (row.next()) {
                    consumer.accept(row);
                }
            }
        }
    }
}
