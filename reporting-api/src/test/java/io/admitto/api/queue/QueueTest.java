package io.admitto.api.queue;

import com.fasterxml.jackson.databind.JsonNode;
import io.admitto.api.audit.AuditLog;
import io.admitto.api.server.ReportingServer;
import io.admitto.api.testing.ApiClient;
import io.admitto.api.testing.JobWrittenWarehouse;
import io.admitto.api.testing.TestServers;
import io.admitto.api.security.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The QA work queue over a warehouse written by the real jobs: what is flagged, in which order, what a
 * reviewer sees (and that it is audited), claims, decisions with ETags, conflicts and the qa_reviews export.
 * Expected values come from DuckDB SQL written here, independently of the API's queries.
 */
@ExtendWith(JobWrittenWarehouse.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class QueueTest
{
    /** A day inside the generated period, so some service dates are ahead and some behind. */
    static final Clock TODAY = Clock.fixed(Instant.parse("2026-03-07T12:00:00Z"), ZoneOffset.UTC);

    private JobWrittenWarehouse.Warehouse warehouse;
    private ReportingServer server;
    private ApiClient api;

    @BeforeAll
    void start(JobWrittenWarehouse.Warehouse warehouse)
    {
        this.warehouse = warehouse;
        this.server = TestServers.start(TestServers.config(warehouse.root(), warehouse.newStateDirectory("queue")), TODAY);
        this.api = new ApiClient(server.uri());
    }

    @AfterAll
    void stop()
    {
        server.close();
    }

    private final Map<String, ApiClient> signedIn = new java.util.concurrent.ConcurrentHashMap<>();

    /** A client signed in (for real, POST /api/auth/login) as the reviewer. */
    private ApiClient reviewer(String user)
    {
        return signedIn.computeIfAbsent(user, name -> api.loggedIn(name, TestServers.password(name)));
    }

    @Test
    void listsEveryRegistrationWhoseCurrentAssessmentHasFindingsMostUrgentFirst()
            throws Exception
    {
        Map<String, int[]> expected = flaggedBySql();
        assertThat(expected).isNotEmpty();

        HttpResponse<String> response = reviewer("alice").get("/api/queue?status=all&size=500");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode page = api.json(response);
        assertThat(page.get("total").asLong()).isEqualTo(expected.size());

        List<JsonNode> items = new ArrayList<>();
        for (int number = 1; items.size() < expected.size(); number++) {
            JsonNode next = api.json(reviewer("alice").get("/api/queue?status=all&size=100&page=" + number));
            next.get("items").forEach(items::add);
            assertThat(next.get("items").size()).isPositive();
        }
        Map<String, int[]> actual = new HashMap<>();
        double previous = Double.MAX_VALUE;
        for (JsonNode item : items) {
            actual.put(item.get("encounterId").asText(),
                    new int[] {item.get("assessmentVersion").asInt(), item.get("critical").asInt(), item.get("errors").asInt(), item.get("warnings").asInt()});
            double priority = item.get("priority").asDouble();
            assertThat(priority).isLessThanOrEqualTo(previous);
            previous = priority;
            // no PHI in the list
            assertThat(item.has("mrn")).isFalse();
        }
        assertThat(actual).containsOnlyKeys(expected.keySet());
        actual.forEach((encounter, counts) -> assertThat(counts).as(encounter).containsExactly(expected.get(encounter)));
    }

    @Test
    void severityFilterKeepsOnlyRegistrationsWithSuchAFinding()
            throws Exception
    {
        long withCritical = flaggedBySql().values().stream().filter(counts -> counts[1] > 0).count();
        JsonNode page = api.json(reviewer("alice").get("/api/queue?status=all&severity=critical&size=500"));
        assertThat(page.get("total").asLong()).isEqualTo(withCritical);
        page.get("items").forEach(item -> assertThat(item.get("critical").asInt()).isPositive());
    }

    @Test
    void detailShowsFindingsExplanationsAndPhiAndIsAudited()
            throws Exception
    {
        String encounter = someFlaggedEncounter(0);
        int before = auditRecords().size();

        HttpResponse<String> response = reviewer("bob").get("/api/queue/" + encounter);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode detail = api.json(response);
        assertThat(detail.get("findings").size()).isEqualTo(findingsBySql(encounter));
        assertThat(detail.get("findings").get(0).get("title").asText()).isNotBlank();
        assertThat(detail.get("explanations").isArray()).isTrue();
        assertThat(detail.get("explanations").get(0).has("remediation")).isTrue();
        assertThat(detail.get("patient").has("mrn")).isTrue();
        assertThat(response.headers().firstValue("ETag")).hasValue("\"" + detail.get("etag").asText() + "\"");

        List<AuditLog.AuditRecord> records = auditRecords();
        assertThat(records).hasSize(before + 1);
        AuditLog.AuditRecord read = records.get(records.size() - 1);
        assertThat(read.actor()).isEqualTo("bob");
        assertThat(read.action()).isEqualTo("phi_read");
        assertThat(read.encounterId()).isEqualTo(encounter);
        assertThat(read.fields()).contains("mrn", "family_name", "birth_date", "findings_detail");
        assertThat(read.purpose()).isEqualTo("qa_review");
    }

    @Test
    void otherRolesCannotReadTheQueueOrItsPhi()
    {
        String encounter = someFlaggedEncounter(1);
        int before = auditRecords().size();
        for (Role role : List.of(Role.LEADERSHIP, Role.ANALYST, Role.ADMIN)) {
            ApiClient other = api.loggedInAs(role);
            assertThat(other.get("/api/queue/" + encounter).statusCode()).as(role.wireName()).isEqualTo(403);
            assertThat(other.get("/api/queue").statusCode()).as(role.wireName()).isEqualTo(403);
        }
        assertThat(api.get("/api/queue/" + encounter).statusCode()).isEqualTo(401);
        assertThat(auditRecords()).hasSize(before);
    }

    @Test
    void aDecisionNeedsTheEtagAndAStaleOneIsRefusedWithoutLosingTheOther()
            throws Exception
    {
        String encounter = someFlaggedEncounter(2);
        String etag = api.json(reviewer("dana").get("/api/queue/" + encounter)).get("etag").asText();

        HttpResponse<String> noPrecondition = reviewer("dana").sendJson("POST", "/api/queue/" + encounter + "/decisions", "{\"decision\":\"corrected\"}", Map.of());
        assertThat(noPrecondition.statusCode()).isEqualTo(428);
        assertThat(ApiClient.contentType(noPrecondition)).startsWith("application/problem+json");

        // two reviewers read the same revision; the first decision wins, the second conflicts with it
        HttpResponse<String> first = reviewer("dana").sendJson("POST", "/api/queue/" + encounter + "/decisions", "{\"decision\":\"confirmed_error\",\"note\":\"member id typo\"}", Map.of("If-Match", "\"" + etag + "\""));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        HttpResponse<String> second = reviewer("erin").sendJson("POST", "/api/queue/" + encounter + "/decisions", "{\"decision\":\"false_positive\"}", Map.of("If-Match", "\"" + etag + "\""));
        assertThat(second.statusCode()).as(second.body()).isEqualTo(409);
        assertThat(ApiClient.contentType(second)).startsWith("application/problem+json");
        assertThat(api.json(second).get("type").asText()).isEqualTo("urn:admitto:problem:review-conflict");
        String current = second.headers().firstValue("ETag").orElseThrow();
        assertThat(current).isEqualTo(first.headers().firstValue("ETag").orElseThrow()).isNotEqualTo("\"" + etag + "\"");

        // with the current ETag, erin's decision becomes revision 2; both are in the history
        HttpResponse<String> retried = reviewer("erin").sendJson("POST", "/api/queue/" + encounter + "/decisions", "{\"decision\":\"false_positive\"}", Map.of("If-Match", current));
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
        JsonNode history = api.json(reviewer("dana").get("/api/queue/" + encounter)).get("history");
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("reviewer").asText()).isEqualTo("dana");
        assertThat(history.get(0).get("decision").asText()).isEqualTo("confirmed_error");
        assertThat(history.get(1).get("reviewer").asText()).isEqualTo("erin");
        assertThat(history.get(1).get("revision").asInt()).isEqualTo(2);
    }

    @Test
    void aDecisionOnAnotherAssessmentVersionFailsItsPreconditionAndStoresNothing()
            throws Exception
    {
        String encounter = someFlaggedEncounter(6);
        JsonNode detail = api.json(reviewer("gus").get("/api/queue/" + encounter));
        int version = detail.get("item").get("assessmentVersion").asInt();
        String otherVersion = "\"" + (version + 1) + ".0\"";

        HttpResponse<String> refused = reviewer("gus").sendJson("POST", "/api/queue/" + encounter + "/decisions", "{\"decision\":\"corrected\"}",
                Map.of("If-Match", otherVersion));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(412);
        assertThat(api.json(refused).get("type").asText()).isEqualTo("urn:admitto:problem:stale-review");
        assertThat(refused.headers().firstValue("ETag")).contains("\"" + detail.get("etag").asText() + "\"");
        assertThat(api.json(reviewer("gus").get("/api/queue/" + encounter)).get("history")).isEmpty();
    }

    @Test
    void concurrentDecisionsOnOneRevisionStoreExactlyOne()
            throws Exception
    {
        String encounter = someFlaggedEncounter(3);
        String etag = "\"" + api.json(reviewer("fay").get("/api/queue/" + encounter)).get("etag").asText() + "\"";
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> racers = new ArrayList<>();
            for (String user : TestServers.REVIEWERS) {
                ApiClient racer = reviewer(user);
                racers.add(() -> racer.sendJson("POST", "/api/queue/" + encounter + "/decisions", "{\"decision\":\"needs_follow_up\"}",
                        Map.of("If-Match", etag)).statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(racers, 60, TimeUnit.SECONDS)) {
                statuses.add(status.get());
            }
            assertThat(statuses).containsOnly(200, 409);
            assertThat(statuses.stream().filter(status -> status == 200).count()).isEqualTo(1);
        }
        finally {
            pool.shutdownNow();
        }
        assertThat(api.json(reviewer("fay").get("/api/queue/" + encounter)).get("history")).hasSize(1);
    }

    @Test
    void aClaimBelongsToOneReviewer()
    {
        String encounter = someFlaggedEncounter(4);
        HttpResponse<String> mine = reviewer("gus").sendJson("POST", "/api/queue/" + encounter + "/claim", null, Map.of());
        assertThat(mine.statusCode()).as(mine.body()).isEqualTo(200);
        assertThat(reviewer("gus").sendJson("POST", "/api/queue/" + encounter + "/claim", null, Map.of()).statusCode()).isEqualTo(200);
        HttpResponse<String> theirs = reviewer("hal").sendJson("POST", "/api/queue/" + encounter + "/claim", null, Map.of());
        assertThat(theirs.statusCode()).isEqualTo(409);
        assertThat(theirs.body()).contains("gus");

        JsonNode assignedToGus = api.json(reviewer("gus").get("/api/queue?status=claimed&assignee=me&size=500"));
        assertThat(assignedToGus.get("items")).anySatisfy(item -> assertThat(item.get("encounterId").asText()).isEqualTo(encounter));
        JsonNode assignedToHal = api.json(reviewer("hal").get("/api/queue?status=claimed&assignee=me&size=500"));
        assertThat(assignedToHal.get("total").asLong()).isZero();
    }

    @Test
    void decisionsAreExportedToQaReviewsWithoutTheNote()
            throws Exception
    {
        String encounter = someFlaggedEncounter(5);
        String etag = "\"" + api.json(reviewer("ivy").get("/api/queue/" + encounter)).get("etag").asText() + "\"";
        HttpResponse<String> decided = reviewer("ivy").sendJson("POST", "/api/queue/" + encounter + "/decisions", "{\"decision\":\"corrected\",\"note\":\"fixed the DOB\"}", Map.of("If-Match", etag));
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
        String reviewId = api.json(decided).get("reviewId").asText();

        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duckdb.createStatement();
                ResultSet row = statement.executeQuery("SELECT encounter_id, reviewer, decision, has_note, revision, event_date FROM read_parquet('"
                        + warehouse.root().resolve("qa_reviews") + "/*/*.parquet', hive_partitioning = true) WHERE review_id = '" + reviewId + "'")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString("encounter_id")).isEqualTo(encounter);
            assertThat(row.getString("reviewer")).isEqualTo("ivy");
            assertThat(row.getString("decision")).isEqualTo("corrected");
            assertThat(row.getBoolean("has_note")).isTrue();
            assertThat(row.getInt("revision")).isEqualTo(1);
            assertThat(row.getMetaData().getColumnCount()).isEqualTo(6);
        }
        assertThat(java.nio.file.Files.walk(warehouse.root().resolve("qa_reviews")).map(Path::toString)).noneMatch(name -> name.endsWith(".inprogress"));
    }

    /** What the server's own (hash-chained) audit log holds. */
    private List<AuditLog.AuditRecord> auditRecords()
    {
        return server.auditLog().read(1, Integer.MAX_VALUE).stream().map(AuditLog.AuditEntry::record).toList();
    }

    private String someFlaggedEncounter(int index)
    {
        return flaggedBySql().keySet().stream().sorted().skip(index * 7L).findFirst().orElseThrow();
    }

    /** encounter → [version, critical, errors, warnings] of its newest version, if that has findings. */
    private Map<String, int[]> flaggedBySql()
    {
        Map<String, int[]> flagged = new HashMap<>();
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duckdb.createStatement();
                ResultSet row = statement.executeQuery("""
                        SELECT q.encounter_id, q.version, q.critical_count, q.error_count, q.warning_count
                        FROM read_parquet('%s/*/*.parquet', hive_partitioning = true) q
                        JOIN (SELECT encounter_id, max(version) AS version FROM read_parquet('%s/*/*.parquet', hive_partitioning = true) GROUP BY 1) newest
                          USING (encounter_id, version)
                        WHERE q.critical_count + q.error_count + q.warning_count > 0""".formatted(
                        warehouse.root().resolve("registration_quality"), warehouse.root().resolve("registration_quality")))) {
            while (row.next()) {
                flagged.put(row.getString(1), new int[] {row.getInt(2), row.getInt(3), row.getInt(4), row.getInt(5)});
            }
        }
        catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return flagged;
    }

    private int findingsBySql(String encounter)
            throws Exception
    {
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duckdb.createStatement();
                ResultSet row = statement.executeQuery("""
                        SELECT count(*) FROM read_parquet('%s/*/*.parquet') f
                        WHERE f.encounter_id = '%s' AND f.version = (SELECT max(version) FROM read_parquet('%s/*/*.parquet') WHERE encounter_id = '%s')"""
                        .formatted(warehouse.root().resolve("registration_findings"), encounter, warehouse.root().resolve("registration_quality"), encounter))) {
            row.next();
            return row.getInt(1);
        }
    }
}
