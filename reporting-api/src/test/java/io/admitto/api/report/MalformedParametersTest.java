package io.admitto.api.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.admitto.api.security.Role;
import io.admitto.api.server.ReportingServer;
import io.admitto.api.server.ReportingServerConfig;
import io.admitto.api.testing.ApiClient;
import io.admitto.api.testing.CountingSqlEngine;
import io.admitto.api.testing.JobWrittenWarehouse;
import io.admitto.api.testing.RecordingAuditLog;
import io.admitto.api.testing.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Injection attempts and malformed parameters on every endpoint that takes them: each is a 400
 * application/problem+json naming the parameter, with no stack trace, and the engine runs no statement
 * at all (counted on the real engine).
 */
@ExtendWith(JobWrittenWarehouse.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class MalformedParametersTest
{
    private ReportingServer server;
    private CountingSqlEngine engine;
    private ApiClient reviewer;
    private RecordingAuditLog audit;

    @BeforeAll
    void start(JobWrittenWarehouse.Warehouse warehouse)
    {
        ReportingServerConfig config = TestServers.config(warehouse.root(), warehouse.newStateDirectory("malformed"));
        engine = new CountingSqlEngine(TestServers.openEngine(config));
        audit = new RecordingAuditLog();
        server = TestServers.start(config, engine, audit, Clock.systemUTC());
        reviewer = new ApiClient(server.uri()).loggedInAs(Role.QA_REVIEWER);
    }

    @AfterAll
    void stop()
    {
        server.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            /api/denials?facility=F01%27%20OR%20%271%27=%271                 | facility
            /api/denials?payer=AET%3BDROP%20TABLE%20denials                  | payer
            /api/denials?department=ED%27--                                  | department
            /api/denials?category=ELIGIBILITY%27%20OR%201=1--                | category
            /api/denials?size=100000                                         | size
            /api/denials?page=-1                                             | page
            /api/denials?size=ten                                            | size
            /api/denials/summary?from=2026-13-45                             | from
            /api/denials/summary?from=2026-03-05&to=2026-03-01               | from
            /api/denials/patterns?window=WEEK                                | window
            /api/denials/patterns?spikesOnly=1%20OR%201                      | spikesOnly
            /api/quality/registrars?to=yesterday                             | to
            /api/quality/registrars?facility=%2A                             | facility
            /api/wait-times?phase=arrival%27%3B--                            | phase
            /api/wait-times?payer=AET                                        | payer
            /api/kpis?kpi=x%27)%3BDROP%20TABLE%20kpi_daily--                 | kpi
            /api/kpis?payer=AET                                              | payer
            /api/rules?department=%2F..%2Fetc                                | department
            /api/queue?severity=fatal                                        | severity
            /api/queue?status=gone%27                                        | status
            /api/queue?assignee=bob                                          | assignee
            /api/queue/F01-E1%27%20OR%20%271%27=%271                         | encounterId
            """)
    void isRefusedBeforeAnySqlRuns(String pathAndQuery, String parameter)
    {
        long before = engine.statements();

        HttpResponse<String> response = reviewer.get(pathAndQuery);

        assertProblem(response, parameter);
        assertThat(engine.statements()).as("statements run").isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"decision":"approved"}                                     | decision
            {"note":"no decision"}                                      | decision
            {"decision":"corrected","ruleIds":["x' OR 1=1"]}             | ruleIds
            """)
    void malformedDecisionsAreRefusedBeforeAnySqlRuns(String body, String parameter)
    {
        long before = engine.statements();
        int audited = audit.records().size();

        HttpResponse<String> response = reviewer.sendJson("POST", "/api/queue/F01-E0000001/decisions", body, Map.of("If-Match", "\"1.0\""));

        assertProblem(response, parameter);
        assertThat(engine.statements()).isEqualTo(before);
        assertThat(audit.records()).hasSize(audited);
    }

    private void assertProblem(HttpResponse<String> response, String parameter)
    {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(ApiClient.contentType(response)).startsWith("application/problem+json");
        JsonNode problem = reviewer.json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("parameter").asText()).isEqualTo(parameter);
        assertThat(response.body()).doesNotContain("Exception", "at io.", "SELECT", "read_parquet");
    }
}
