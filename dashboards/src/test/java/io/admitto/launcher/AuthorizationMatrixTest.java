package io.admitto.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.admitto.api.openapi.ApiEndpoint;
import io.admitto.api.security.AccessRule;
import io.admitto.api.security.MetricsScraper;
import io.admitto.api.security.Role;
import io.admitto.api.security.SecurityConfig;
import io.admitto.api.server.ReportingServer;
import io.admitto.api.server.ReportingServerConfig;
import io.admitto.api.testing.ApiClient;
import io.admitto.tables.Column;
import io.admitto.tables.Tables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every endpoint the server has (found in Jersey's resource model, so endpoints added later are covered
 * without editing this test) called by every kind of caller: anonymous, and each role. Each gets what the
 * endpoint's annotation promises: 401 anonymous, 403 for a role not listed, and for a listed role an answer
 * that is neither a refusal nor a server error. No answer to anyone but a QA reviewer may carry PHI: neither
 * a field named like a {@code registration_phi} column nor an identifying value from that table as the
 * jobs wrote it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {
    /** The registration_phi columns that identify a patient, and so must never be a field of a non-QA answer. */
    private static final Set<String> PHI_COLUMNS = Set.of(
            "mrn", "family_name", "given_name", "birth_date", "ssn", "phone", "address", "member_id", "findings_detail");
    /** Their values are searched for in answers; names alone could also be a registrar's. */
    private static final List<String> PHI_VALUE_COLUMNS = List.of("mrn", "ssn", "phone", "address", "member_id");

    private final ObjectMapper json = new ObjectMapper();
    private Path warehouse;
    private ReportingServer server;
    private ApiClient anonymous;
    private Set<String> phiValues;
    private Set<String> phiFieldNames;
    private String someEncounterId;

    @BeforeAll
    void runThePipelineAndServeIt(@TempDir Path workDirectory) throws Exception {
        warehouse = workDirectory.resolve("warehouse");
        PipelineRuns.run(warehouse, "--seed", "20260611", "--days", "1", "--facilities", "2", "--daily-encounters", "60");
        readPhiWrittenByTheJobs();
        server = Servers.start(new ReportingServerConfig("127.0.0.1", 0, warehouse).withSecurity(SecurityConfig.demo()));
        anonymous = new ApiClient(server.uri());
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private void readPhiWrittenByTheJobs() throws Exception {
        phiFieldNames = new HashSet<>();
        for (Column column : Tables.REGISTRATION_PHI.columns()) {
            if (PHI_COLUMNS.contains(column.name())) {
                phiFieldNames.add(column.name());
                phiFieldNames.add(camelCase(column.name()));
            }
        }
        phiValues = new HashSet<>();
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duckdb.createStatement();
                ResultSet rows = statement.executeQuery("SELECT encounter_id, " + String.join(", ", PHI_VALUE_COLUMNS)
                        + " FROM read_parquet('" + warehouse.resolve("registration_phi") + "/*/*.parquet')")) {
            while (rows.next()) {
                someEncounterId = rows.getString("encounter_id");
                for (String column : PHI_VALUE_COLUMNS) {
                    String value = rows.getString(column);
                    // Short values (a 3-digit fragment) would match unrelated numbers.
                    if (value != null && value.strip().length() >= 6) {
                        phiValues.add(value.strip());
                    }
                }
            }
        }
        assertThat(phiValues).as("PHI values in the job-written registration_phi").hasSizeGreaterThan(50);
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointAnswersEveryCallerAsItsAnnotationSays() {
        List<ApiEndpoint> endpoints = server.endpoints();
        assertThat(endpoints).hasSizeGreaterThan(10);
        List<DynamicTest> tests = new ArrayList<>();
        for (ApiEndpoint endpoint : endpoints) {
            tests.add(DynamicTest.dynamicTest(endpoint + " as anonymous", () -> check(endpoint, Optional.empty())));
            for (Role role : Role.values()) {
                tests.add(DynamicTest.dynamicTest(endpoint + " as " + role.wireName(), () -> check(endpoint, Optional.of(role))));
            }
        }
        return tests.stream();
    }

    private void check(ApiEndpoint endpoint, Optional<Role> role) throws IOException {
        // A fresh login per call: a logout (or a later endpoint that ends sessions) must not affect the next call.
        ApiClient caller = role.map(anonymous::loggedInAs).orElse(anonymous);
        HttpResponse<String> response = call(caller, endpoint);
        int status = response.statusCode();
        AccessRule access = endpoint.access();
        String description = endpoint + " as " + role.map(Role::wireName).orElse("anonymous") + " answered " + status + " " + abbreviated(response.body());

        if (access.isPublic()) {
            assertThat(status).as(description).isNotIn(401, 403).isLessThan(500);
        }
        else if (role.isEmpty()) {
            assertThat(status).as(description).isEqualTo(401);
            assertThat(ApiClient.contentType(response)).as(description).startsWith("application/problem+json");
        }
        else if (access.kind() == AccessRule.Kind.ROLES && access.roles().contains(role.get().wireName())) {
            assertThat(status).as(description).isNotIn(401, 403).isLessThan(500);
        }
        else {
            assertThat(status).as(description).isEqualTo(403);
            assertThat(ApiClient.contentType(response)).as(description).startsWith("application/problem+json");
        }

        if (role.isEmpty() || role.get() != Role.QA_REVIEWER) {
            assertNoPhi(description, ApiClient.contentType(response), response.body());
        }
    }

    private HttpResponse<String> call(ApiClient caller, ApiEndpoint endpoint) {
        String path = endpoint.path();
        for (ApiEndpoint.Parameter parameter : endpoint.parameters()) {
            if (parameter.in().equals("path")) {
                path = path.replace("{" + parameter.name() + "}", pathValue(parameter.name()));
            }
        }
        if (!endpoint.hasRequestBody()) {
            return caller.send(endpoint.method(), path, "*/*", Map.of(), HttpRequest.BodyPublishers.noBody());
        }
        String contentType = endpoint.consumes().isEmpty() ? "application/json" : endpoint.consumes().get(0);
        return caller.send(endpoint.method(), path, "*/*", Map.of("Content-Type", contentType), HttpRequest.BodyPublishers.ofString("{}"));
    }

    /** A value that reaches the resource: a real encounter for encounter ids, an existing asset for asset names. */
    private String pathValue(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.contains("encounter")) {
            return someEncounterId;
        }
        if (lower.equals("name")) {
            return "overview.css";
        }
        return "1";
    }

    private void assertNoPhi(String description, String contentType, String body) throws IOException {
        if (contentType.contains("json")) {
            Set<String> fields = new HashSet<>();
            collectFieldNames(json.readTree(body), fields);
            fields.retainAll(phiFieldNames);
            assertThat(fields).as(description + ": PHI field names").isEmpty();
        }
        if (contentType.contains("json") || contentType.startsWith("text/plain") || contentType.startsWith("text/html")) {
            List<String> leaked = phiValues.stream().filter(body::contains).limit(5).toList();
            assertThat(leaked).as(description + ": PHI values from registration_phi").isEmpty();
        }
    }

    private static void collectFieldNames(JsonNode node, Set<String> names) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                names.add(field.getKey());
                collectFieldNames(field.getValue(), names);
            }
        }
        else if (node.isArray()) {
            node.forEach(element -> collectFieldNames(element, names));
        }
    }

    @Test
    void thePhiCheckNoticesAPhiFieldOrValue() {
        String value = phiValues.iterator().next();
        assertThatThrownBy(() -> assertNoPhi("a leak", "application/json", "{\"rows\": [{\"familyName\": \"x\"}]}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("familyName");
        assertThatThrownBy(() -> assertNoPhi("a leak", "application/json", json.createObjectNode().put("note", "see " + value).toString()))
                .isInstanceOf(AssertionError.class).hasMessageContaining(value);
    }

    @Test
    void onlyHealthLoginAndTheLoginPageWithItsAssetsAreOpenToAnonymousCallers() {
        assertThat(server.endpoints()).filteredOn(endpoint -> endpoint.access().isPublic()).extracting(ApiEndpoint::toString)
                .containsExactlyInAnyOrder("GET /api/health", "POST /api/auth/login", "GET /login", "GET /assets/{name}");
    }

    @Test
    void noEndpointIsLeftWithoutAnAccessAnnotation() {
        assertThat(server.endpoints()).filteredOn(endpoint -> endpoint.access().kind() == AccessRule.Kind.UNDECLARED).isEmpty();
    }

    @Test
    void theAuditLogAndMetricsAreForAdminsOnly() {
        assertThat(server.endpoints()).filteredOn(endpoint -> endpoint.path().startsWith("/api/audit")).isNotEmpty()
                .allSatisfy(endpoint -> assertThat(endpoint.access().roles()).as(endpoint.toString()).containsExactly(Role.ADMIN_NAME));
        assertThat(server.endpoints()).filteredOn(endpoint -> endpoint.path().equals("/api/metrics")).singleElement()
                .satisfies(endpoint -> assertThat(endpoint.access().roles()).containsExactlyInAnyOrder(Role.ADMIN_NAME, MetricsScraper.ROLE));
    }

    private static String camelCase(String snakeCase) {
        StringBuilder camel = new StringBuilder();
        boolean upper = false;
        for (char character : snakeCase.toCharArray()) {
            if (character == '_') {
                upper = true;
            }
            else {
                camel.append(upper ? Character.toUpperCase(character) : character);
                upper = false;
            }
        }
        return camel.toString();
    }

    private static String abbreviated(String body) {
        return body.length() <= 300 ? body : body.substring(0, 300) + "...";
    }
}
