package io.admitto.api.sql.cache;

import io.admitto.api.security.Role;
import io.admitto.api.server.ReportingServer;
import io.admitto.api.sql.DuckDbSqlEngine;
import io.admitto.api.testing.ApiClient;
import io.admitto.api.testing.CountingSqlEngine;
import io.admitto.api.testing.JobWrittenWarehouse;
import io.admitto.api.testing.TestServers;
import io.admitto.tables.Tables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every read endpoint's answer is reused while the warehouse is unchanged: asking again runs no query and
 * gives the same body. An endpoint whose row reader captured request state would be asked again each
 * time (never wrongly answered, see {@link CachingSqlEngine}) and fails here.
 */
@ExtendWith(JobWrittenWarehouse.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class AnswerCacheEndpointsTest
{
    private CountingSqlEngine duckDb;
    private ReportingServer server;
    private ApiClient reviewer;

    @BeforeAll
    void start(JobWrittenWarehouse.Warehouse warehouse)
    {
        duckDb = new CountingSqlEngine(DuckDbSqlEngine.open(warehouse.root()));
        CachingSqlEngine cached = new CachingSqlEngine(duckDb, WarehouseTableVersions.manual(warehouse.root(), Tables.all(), Clock.systemUTC()), 1_000_000);
        server = TestServers.start(TestServers.config(warehouse.root(), warehouse.newStateDirectory("answer-cache")), cached, Clock.systemUTC());
        reviewer = new ApiClient(server.uri()).loggedInAs(Role.QA_REVIEWER);
    }

    @AfterAll
    void stop()
    {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/api/kpis",
            "/api/kpi/registration-volume",
            "/api/quality/registrars",
            "/api/denials?size=20",
            "/api/denials/summary",
            "/api/denials/patterns",
            "/api/wait-times",
            "/api/rules",
            "/api/freshness",
            "/api/queue?size=20",
    })
    // not the queue's detail: a PHI read is audited, and the audit export would write into the
    // job-written warehouse that the other test classes share
    void askingAgainRunsNoQueryAndGivesTheSameAnswer(String url)
    {
        HttpResponse<String> first = reviewer.get(url);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        long queries = duckDb.statements();

        HttpResponse<String> again = reviewer.get(url);

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(duckDb.statements()).as("queries run to answer %s again", url).isEqualTo(queries);
        assertThat(again.body()).isEqualTo(first.body());
    }
}
