package io.admitto.api.sql.cache;

import io.admitto.api.security.Role;
import io.admitto.api.server.ReportingServer;
import io.admitto.api.sql.DuckDbSqlEngine;
import io.admitto.api.testing.ApiClient;
import io.admitto.api.testing.JobWrittenWarehouse;
import io.admitto.api.testing.TestServers;
import io.admitto.tables.Tables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static io.admitto.tables.Tables.DEPARTMENT_HOURLY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A report's rendered JSON is sent again while the warehouse is unchanged, only to callers of the same
 * roles, and computed again once a commit lands.
 */
@ExtendWith(JobWrittenWarehouse.class)
class RenderedAnswersTest
{
    private static final String VOLUME = "/api/kpi/registration-volume";

    @TempDir
    Path warehouse;

    @TempDir
    Path aside;

    private Path heldBack;
    private WarehouseTableVersions versions;
    private ReportingServer server;

    @BeforeEach
    void start(JobWrittenWarehouse.Warehouse jobWritten)
            throws IOException
    {
        List<Path> partitions = WarehouseCopies.copy(jobWritten.root(), warehouse, DEPARTMENT_HOURLY);
        Path last = partitions.get(partitions.size() - 1);
        heldBack = aside.resolve(last.getFileName());
        Files.move(last, heldBack);
        // long after the copies were written: every folder counts as settled
        versions = WarehouseTableVersions.manual(warehouse, Tables.all(), Clock.fixed(Instant.now().plusSeconds(3_600), ZoneOffset.UTC));
        CachingSqlEngine engine = new CachingSqlEngine(DuckDbSqlEngine.open(warehouse), versions, 100_000);
        server = TestServers.start(TestServers.config(warehouse, aside.resolve("state")), engine, Clock.systemUTC());
    }

    @AfterEach
    void stop()
    {
        server.close();
    }

    @Test
    void theSameReportIsSentAgainByteForByteUntilACommitLands()
            throws IOException
    {
        ApiClient leadership = new ApiClient(server.uri()).loggedInAs(Role.LEADERSHIP);
        HttpResponse<String> first = leadership.get(VOLUME);
        HttpResponse<String> again = leadership.get(VOLUME);

        assertThat(cacheHeader(first)).contains("miss");
        assertThat(cacheHeader(again)).contains("hit");
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        for (String header : List.of("X-Content-Type-Options", "X-Frame-Options", "Cache-Control")) {
            assertThat(again.headers().firstValue(header)).as(header).isPresent().isEqualTo(first.headers().firstValue(header));
        }

        Files.move(heldBack, DEPARTMENT_HOURLY.location(warehouse).resolve(heldBack.getFileName()));
        versions.refresh();
        HttpResponse<String> afterCommit = leadership.get(VOLUME);

        assertThat(cacheHeader(afterCommit)).contains("miss");
        assertThat(leadership.json(afterCommit).get("totalRegistrations").asLong())
                .isGreaterThan(leadership.json(first).get("totalRegistrations").asLong());
    }

    @Test
    void anAnswerIsKeptPerSetOfRolesAndNeverForTheAnonymous()
    {
        assertThat(cacheHeader(new ApiClient(server.uri()).loggedInAs(Role.LEADERSHIP).get(VOLUME))).contains("miss");
        HttpResponse<String> analyst = new ApiClient(server.uri()).loggedInAs(Role.ANALYST).get(VOLUME);
        HttpResponse<String> anonymous = new ApiClient(server.uri()).get(VOLUME);

        assertThat(cacheHeader(analyst)).as("another role's first ask").contains("miss");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(cacheHeader(anonymous)).isEmpty();
    }

    @Test
    void problemsAreNotKept()
    {
        ApiClient leadership = new ApiClient(server.uri()).loggedInAs(Role.LEADERSHIP);
        for (int ask = 0; ask < 2; ask++) {
            HttpResponse<String> refused = leadership.get(VOLUME + "?from=2026-13-01");
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(cacheHeader(refused)).isEmpty();
        }
    }

    @Test
    void answersThatDependOnTheReviewStoreAreNeverKept()
    {
        ApiClient reviewer = new ApiClient(server.uri()).loggedInAs(Role.QA_REVIEWER);
        for (int ask = 0; ask < 2; ask++) {
            HttpResponse<String> rules = reviewer.get("/api/rules");
            assertThat(rules.statusCode()).isEqualTo(200);
            assertThat(cacheHeader(rules)).isEmpty();
        }
    }

    private static Optional<String> cacheHeader(HttpResponse<String> response)
    {
        return response.headers().firstValue(RenderedAnswers.HEADER);
    }
}
