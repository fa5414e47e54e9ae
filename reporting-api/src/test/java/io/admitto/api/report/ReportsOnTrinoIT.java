package io.admitto.api.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.admitto.api.security.Role;
import io.admitto.api.server.ReportingServer;
import io.admitto.api.sql.TrinoSqlEngine;
import io.admitto.api.testing.ApiClient;
import io.admitto.api.testing.JobWrittenWarehouse;
import io.admitto.api.testing.TestServers;
import io.admitto.tables.Tables;
import io.admitto.trino.ProjectionRange;
import io.admitto.trino.TrinoConfig;
import io.admitto.trino.testing.TrinoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same endpoints on both engines give the same numbers: one API on the embedded DuckDB and one on a real
 * Trino server (Hive catalog, DDL and access rules from {@code admitto trino-config}) over the same
 * job-written warehouse; every answer must be equal, field by field (doubles to 1e-9 relative: the
 * engines may sum in another order).
 */
@Tag("trino")
@ExtendWith(JobWrittenWarehouse.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class ReportsOnTrinoIT
{
    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-03-07T12:00:00Z"), ZoneOffset.UTC);

    private TrinoServer trino;
    private ReportingServer onDuckDb;
    private ReportingServer onTrino;
    private ApiClient duckDbQa;
    private ApiClient trinoQa;

    @BeforeAll
    void start(JobWrittenWarehouse.Warehouse warehouse, @TempDir Path work)
            throws Exception
    {
        Path out = work.resolve("trino-config");
        new TrinoConfig(warehouse.root(), Tables.all(),
                ProjectionRange.of(warehouse.root(), Tables.all(), LocalDate.now(ZoneOffset.UTC), Optional.empty())).write(out);
        trino = TrinoServer.startWithAdmittoTables(work.resolve("trino"), out);
        onDuckDb = TestServers.start(TestServers.config(warehouse.root(), warehouse.newStateDirectory("duckdb")), TODAY);
        // the API reads every table it serves, PHI included, so it queries as a user of the admin group
        onTrino = TestServers.start(TestServers.config(warehouse.root(), warehouse.newStateDirectory("trino"))
                .withTrino(new TrinoSqlEngine.Config(trino.jdbcUrl(), TrinoConfig.CATALOG, TrinoConfig.SCHEMA, Role.ADMIN.wireName())), TODAY);
        duckDbQa = new ApiClient(onDuckDb.uri()).loggedInAs(Role.QA_REVIEWER);
        trinoQa = new ApiClient(onTrino.uri()).loggedInAs(Role.QA_REVIEWER);
    }

    @AfterAll
    void stop()
    {
        for (AutoCloseable closeable : new AutoCloseable[] {onTrino, onDuckDb, trino}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            }
            catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "/api/kpi/registration-volume",
            "/api/kpis?from=2026-03-02&to=2026-03-04",
            "/api/quality/registrars",
            "/api/quality/registrars?facility=F01&from=2026-03-03",
            "/api/denials?size=500",
            "/api/denials?category=ELIGIBILITY&page=2&size=5",
            "/api/denials/summary",
            "/api/denials/patterns",
            "/api/denials/patterns?window=HOUR&spikesOnly=true",
            "/api/wait-times",
            "/api/wait-times?department=ED&phase=arrival_to_registration",
            "/api/rules",
            "/api/queue?status=all&size=500",
            "/api/queue?severity=critical&size=20"})
    void answersTheSameOnDuckDbAndOnTrino(String pathAndQuery)
    {
        HttpResponse<String> duckDb = duckDbQa.get(pathAndQuery);
        HttpResponse<String> onTrinoAnswer = trinoQa.get(pathAndQuery);

        assertThat(duckDb.statusCode()).as(duckDb.body()).isEqualTo(200);
        assertThat(onTrinoAnswer.statusCode()).as(onTrinoAnswer.body()).isEqualTo(200);
        assertSame("$", duckDbQa.json(duckDb), trinoQa.json(onTrinoAnswer));
    }

    private static void assertSame(String path, JsonNode expected, JsonNode actual)
    {
        if (expected.isNumber() && actual.isNumber()) {
            double scale = Math.max(1, Math.abs(expected.asDouble()));
            assertThat(actual.asDouble()).as(path).isCloseTo(expected.asDouble(), org.assertj.core.data.Offset.offset(1e-9 * scale));
            return;
        }
        assertThat(actual.getNodeType()).as(path).isEqualTo(expected.getNodeType());
        if (expected.isArray()) {
            assertThat(actual.size()).as(path + " size").isEqualTo(expected.size());
            for (int index = 0; index < expected.size(); index++) {
                assertSame(path + "[" + index + "]", expected.get(index), actual.get(index));
            }
        }
        else if (expected.isObject()) {
            assertThat(fieldNames(actual)).as(path).isEqualTo(fieldNames(expected));
            for (Iterator<Map.Entry<String, JsonNode>> fields = expected.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                assertSame(path + "." + field.getKey(), field.getValue(), actual.get(field.getKey()));
            }
        }
        else {
            assertThat(actual).as(path).isEqualTo(expected);
        }
    }

    private static java.util.Set<String> fieldNames(JsonNode node)
    {
        java.util.Set<String> names = new java.util.TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
