package io.admitto.trino;

import com.fasterxml.jackson.databind.JsonNode;
import io.admitto.api.server.ReportingServer;
import io.admitto.api.server.ReportingServerConfig;
import io.admitto.api.security.Role;
import io.admitto.api.security.SecurityConfig;
import io.admitto.api.testing.ApiClient;
import io.admitto.launcher.AdmittoCommand;
import io.admitto.launcher.testing.BoundedRun;
import io.admitto.trino.testing.TrinoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Analysts through Trino, end to end: {@code admitto run} writes the demo data set (seed 42, 7 days, the
 * demo's defaults) with the real jobs, {@code admitto trino-config} writes the catalog, rules and DDL, a
 * real Trino server loads them, and everything is asserted through Trino JDBC. With
 * {@code -Dadmitto.docs.write=true} it also writes the worked queries' results into docs/analysts.md.
 */
@Tag("trino")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalystsThroughTrinoIT
{
    private static final Path GUIDE = Path.of("..", "docs", "analysts.md");
    private static final DateTimeFormatter TRINO_TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private Path warehouse;
    private TrinoServer trino;

    @BeforeAll
    void writeTheDemoDataAndStartTrino(@TempDir Path work)
            throws Exception
    {
        warehouse = work.resolve("warehouse");
        BoundedRun.into(warehouse, "--seed", "42", "--days", "7", "--checkpoint-interval", "PT1S");
        Path out = work.resolve("trino-config");
        int exitCode = AdmittoCommand.commandLine().execute("trino-config", "--warehouse", warehouse.toString(), "--out", out.toString());
        assertThat(exitCode).isZero();

        trino = TrinoServer.startWithAdmittoTables(work.resolve("trino"), out);
    }

    @AfterAll
    void stopTrino()
    {
        if (trino != null) {
            trino.close();
        }
    }

    @Test
    void everyWorkedQueryOfTheGuideRunsForAnAnalyst()
            throws Exception
    {
        List<AnalystQuery> queries = AnalystQueries.all();
        Map<String, List<List<String>>> results = new LinkedHashMap<>();
        for (AnalystQuery query : queries) {
            results.put(query.name(), rows("analyst", query.sql()));
        }

        assertThat(queries).hasSizeGreaterThanOrEqualTo(12);
        // Only late_events may be empty on the demo data (the generator delivers nothing late enough).
        assertThat(results.entrySet().stream().filter(result -> result.getValue().size() > 1).count())
                .isGreaterThanOrEqualTo(queries.size() - 1);

        String guide = Files.readString(GUIDE);
        if (Boolean.getBoolean("admitto.docs.write")) {
            guide = AnalystsGuide.replaceSection(guide, AnalystsGuide.QUERIES, AnalystsGuide.queries(queries, results));
            Files.writeString(GUIDE, guide);
        }
        String shown = AnalystsGuide.section(guide, AnalystsGuide.QUERIES);
        for (AnalystQuery query : queries) {
            assertThat(shown).as("docs/analysts.md shows " + query.name() + ".sql as it is; regenerate with -Dadmitto.docs.write=true")
                    .contains("```sql\n" + query.sql() + "\n```");
        }
    }

    @Test
    void registrationVolumeThroughTrinoEqualsWhatTheApiAnswersFromDuckDb()
            throws Exception
    {
        JsonNode volume;
        try (ReportingServer api = new ReportingServer(new ReportingServerConfig("127.0.0.1", 0, warehouse).withSecurity(SecurityConfig.demo()), List.of())) {
            api.start();
            ApiClient client = new ApiClient(api.uri()).loggedInAs(Role.LEADERSHIP);
            HttpResponse<String> response = client.get("/api/kpi/registration-volume");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            volume = client.json(response);
        }

        List<List<String>> byDepartment = rows("analyst", query("01-registration-volume").sql());
        List<String> trinoDepartments = byDepartment.subList(1, byDepartment.size()).stream()
                .map(row -> row.get(0) + "|" + row.get(1) + "|" + row.get(2))
                .toList();
        List<String> apiDepartments = new ArrayList<>();
        volume.get("byDepartment").forEach(department -> apiDepartments.add(department.get("facilityId").asText() + "|"
                + department.get("department").asText() + "|" + department.get("registrations").asLong()));
        assertThat(trinoDepartments).hasSizeGreaterThanOrEqualTo(8).containsExactlyElementsOf(apiDepartments);

        List<List<String>> total = rows("analyst", "SELECT sum(registrations) FROM admitto.analytics.department_hourly");
        assertThat(Long.parseLong(total.get(1).get(0))).isEqualTo(volume.get("totalRegistrations").asLong()).isPositive();

        List<List<String>> hours = rows("analyst", """
                SELECT facility_id, department, CAST(hour_start AS varchar), registrations, median_registration_wait_seconds
                FROM admitto.analytics.department_hourly
                ORDER BY hour_start, facility_id, department""");
        JsonNode apiHours = volume.get("hourly");
        assertThat(hours).hasSize(apiHours.size() + 1);
        for (int index = 0; index < apiHours.size(); index++) {
            JsonNode expected = apiHours.get(index);
            List<String> actual = hours.get(index + 1);
            String hour = TRINO_TIMESTAMP.format(Instant.parse(expected.get("hourStart").asText()));
            assertThat(actual.subList(0, 4)).as("hour %d", index).containsExactly(expected.get("facilityId").asText(),
                    expected.get("department").asText(), hour, Long.toString(expected.get("registrations").asLong()));
            JsonNode median = expected.get("medianRegistrationWaitSeconds");
            if (median == null || median.isNull()) {
                assertThat(actual.get(4)).isEqualTo("");
            }
            else {
                assertThat(Double.parseDouble(actual.get(4))).isCloseTo(median.asDouble(), within(1e-9));
            }
        }
    }

    @Test
    void anAnalystIsRefusedThePhiThatQaReviewersAndAdminsRead()
            throws Exception
    {
        String phi = "SELECT count(*) FROM admitto.analytics.registration_phi";
        assertThatThrownBy(() -> rows("analyst", phi)).isInstanceOf(SQLException.class).hasMessageContaining("Access Denied");
        assertThatThrownBy(() -> rows("leadership", phi)).isInstanceOf(SQLException.class).hasMessageContaining("Access Denied");
        assertThat(Long.parseLong(rows("qa_reviewer", phi).get(1).get(0))).isPositive();
        assertThat(rows("admin", phi)).isEqualTo(rows("qa_reviewer", phi));
        assertThatThrownBy(() -> rows("analyst", "SELECT mrn FROM admitto.analytics.registration_phi LIMIT 1"))
                .hasMessageContaining("Access Denied");
    }

    private static AnalystQuery query(String name)
    {
        return AnalystQueries.all().stream().filter(query -> query.name().equals(name)).findFirst().orElseThrow();
    }

    /** Column labels, then each row's values as text ({@code ""} for null). */
    private List<List<String>> rows(String user, String sql)
            throws SQLException
    {
        try (Connection connection = trino.connect(user);
                Statement statement = connection.createStatement();
                ResultSet resultSet = statement.executeQuery(sql)) {
            ResultSetMetaData metaData = resultSet.getMetaData();
            List<List<String>> rows = new ArrayList<>();
            List<String> header = new ArrayList<>();
            for (int column = 1; column <= metaData.getColumnCount(); column++) {
                header.add(metaData.getColumnLabel(column));
            }
            rows.add(header);
            while (resultSet.next()) {
                List<String> row = new ArrayList<>();
                for (int column = 1; column <= metaData.getColumnCount(); column++) {
                    String value = resultSet.getString(column);
                    row.add(value == null ? "" : value);
                }
                rows.add(row);
            }
            return rows;
        }
    }
}
