package io.admitto.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.admitto.api.security.Role;
import io.admitto.api.testing.ApiClient;
import io.admitto.api.testing.ApiServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin's view of the audit log over HTTP, and its export to the warehouse's audit_log table. */
final class AuditResourceTest
{
    @RegisterExtension
    final ApiServerExtension api = new ApiServerExtension();


    private ApiClient admin()
    {
        return api.as(Role.ADMIN);
    }

    @Test
    void onlyAdminsReadTheAuditLog()
    {
        assertThat(api.anonymous().get("/api/audit").statusCode()).isEqualTo(401);
        for (Role role : List.of(Role.QA_REVIEWER, Role.LEADERSHIP, Role.ANALYST)) {
            ApiClient client = api.as(role);
            assertThat(client.get("/api/audit").statusCode()).as(role.wireName()).isEqualTo(403);
            assertThat(client.get("/api/audit/verify").statusCode()).as(role.wireName()).isEqualTo(403);
            assertThat(client.postJson("/api/audit/export", "").statusCode()).as(role.wireName()).isEqualTo(403);
        }
        assertThat(admin().get("/api/audit").statusCode()).isEqualTo(200);
    }

    @Test
    void pagesThroughTheEntriesOldestFirst()
    {
        for (int index = 1; index <= 5; index++) {
            api.server().auditLog().record(JdbcAuditLogTest.phiRead("qa", "E" + index));
        }

        JsonNode first = api.anonymous().json(admin().get("/api/audit?limit=2"));
        JsonNode last = api.anonymous().json(admin().get("/api/audit?from=5&limit=2"));

        assertThat(first.get("entries")).extracting(entry -> entry.get("sequence").asLong()).containsExactly(1L, 2L);
        assertThat(first.get("next").asLong()).isEqualTo(3);
        JsonNode entry = first.get("entries").get(0);
        assertThat(entry.get("record").get("actor").asText()).isEqualTo("qa");
        assertThat(entry.get("record").get("encounterId").asText()).isEqualTo("E1");
        assertThat(entry.get("record").get("fields")).extracting(JsonNode::asText).containsExactly("family_name", "given_name", "mrn");
        assertThat(entry.get("occurredAt").asText()).endsWith("Z");
        assertThat(entry.get("previousHash").asText()).isEqualTo(AuditChain.GENESIS_HASH);
        assertThat(last.get("entries")).hasSize(1);
        assertThat(last.get("next").isNull()).isTrue();
    }

    @Test
    void rejectsBadPagingParameters()
    {
        for (String query : List.of("limit=0", "limit=1001", "from=0", "from=abc", "limit=1%3B%20DROP%20TABLE%20audit_log")) {
            HttpResponse<String> response = admin().get("/api/audit?" + query);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(ApiClient.contentType(response)).startsWith("application/problem+json");
        }
    }

    @Test
    void verifiesTheChainAndNamesTheFirstBrokenEntry()
            throws Exception
    {
        for (int index = 1; index <= 3; index++) {
            api.server().auditLog().record(JdbcAuditLogTest.phiRead("qa", "E" + index));
        }
        JsonNode intact = api.anonymous().json(admin().get("/api/audit/verify"));
        assertThat(intact.get("intact").asBoolean()).isTrue();
        assertThat(intact.get("entries").asLong()).isEqualTo(3);
        assertThat(intact.get("headHash").asText()).isEqualTo(api.server().auditLog().head().orElseThrow().hash());
        assertThat(intact.get("firstBrokenSequence").isNull()).isTrue();

        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + api.warehouse().resolve("_api").resolve("audit"));
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE audit_log SET encounter_id = 'E9' WHERE sequence = 2");
        }

        JsonNode broken = api.anonymous().json(admin().get("/api/audit/verify"));
        assertThat(broken.get("intact").asBoolean()).isFalse();
        assertThat(broken.get("firstBrokenSequence").asLong()).isEqualTo(2);
    }

    @Test
    void exportsNewEntriesToTheAuditLogTableOnceEach()
            throws Exception
    {
        List<AuditLog.AuditEntry> recorded = new ArrayList<>();
        for (int index = 1; index <= 3; index++) {
            recorded.add(api.server().auditLog().record(JdbcAuditLogTest.phiRead("qa", "E" + index)));
        }

        JsonNode export = api.anonymous().json(admin().postJson("/api/audit/export", ""));
        JsonNode again = api.anonymous().json(admin().postJson("/api/audit/export", ""));
        api.server().auditLog().record(JdbcAuditLogTest.phiRead("qa", "E4"));
        JsonNode fourth = api.anonymous().json(admin().postJson("/api/audit/export", ""));

        assertThat(export.get("exportedEntries").asLong()).isEqualTo(3);
        assertThat(again.get("exportedEntries").asLong()).isZero();
        assertThat(fourth.get("exportedEntries").asLong()).isEqualTo(1);
        List<String> rows = new ArrayList<>();
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duckdb.createStatement();
                ResultSet result = statement.executeQuery("SELECT sequence, actor, encounter_id, fields, previous_hash, hash, "
                        + "epoch_ms(occurred_at), event_date FROM read_parquet('" + api.warehouse().resolve("audit_log") + "/*/*.parquet', hive_partitioning = true) ORDER BY sequence")) {
            while (result.next()) {
                rows.add(String.join("|", result.getString(1), result.getString(2), result.getString(3), result.getString(4),
                        result.getString(5), result.getString(6), result.getString(7), result.getString(8)));
            }
        }
        List<String> expected = new ArrayList<>();
        for (AuditLog.AuditEntry entry : api.server().auditLog().read(1, 10)) {
            expected.add(String.join("|", Long.toString(entry.sequence()), entry.record().actor(), entry.record().encounterId(),
                    String.join(",", entry.record().fields()), entry.previousHash(), entry.hash(),
                    Long.toString(entry.occurredAt().toEpochMilli()), entry.occurredAt().toString().substring(0, 10)));
        }
        assertThat(rows).hasSize(4).containsExactlyElementsOf(expected);
        try (Stream<Path> files = Files.walk(api.warehouse().resolve("audit_log"))) {
            assertThat(files.filter(Files::isRegularFile).map(file -> file.getFileName().toString()))
                    .as("no hidden in-progress files left behind")
                    .allMatch(name -> name.matches("part-audit-\\d{20}-\\d{20}\\.parquet"));
        }
    }
}
