package io.admitto.api.problem;

import com.fasterxml.jackson.databind.JsonNode;
import io.admitto.api.security.Role;
import io.admitto.api.security.SecurityConfig;
import io.admitto.api.server.ReportingServer;
import io.admitto.api.server.ReportingServerConfig;
import io.admitto.api.testing.ApiClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every error the API returns is an RFC 9457 problem document. */
final class ProblemResponsesTest
{
    @TempDir
    Path warehouse;

    private ReportingServer server;
    private ApiClient api;

    @BeforeEach
    void startServer()
    {
        server = new ReportingServer(new ReportingServerConfig("127.0.0.1", 0, warehouse).withSecurity(SecurityConfig.demo()), List.of(ExplodingResource.class));
        server.start();
        api = new ApiClient(server.uri()).loggedInAs(Role.LEADERSHIP);
    }

    @AfterEach
    void stopServer()
    {
        server.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "from=2026-13-01                    | from",
            "from=2026-1-5                      | from",
            "to=tomorrow                        | to",
            "from=2026-01-07&to=2026-01-05      | from",
            "facility=FAC%2001                  | facility",
            "facility=FAC01'%20OR%20'1'='1      | facility",
            "department=ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456 | department",
    })
    void invalidKpiParametersAre400Problems(String query, String parameter)
    {
        HttpResponse<String> response = api.get("/api/kpi/registration-volume?" + query);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(ApiClient.contentType(response)).startsWith("application/problem+json");
        JsonNode problem = api.json(response);
        assertThat(problem.get("type").asText()).isEqualTo("urn:admitto:problem:invalid-parameter");
        assertThat(problem.get("title").asText()).isEqualTo("Invalid request parameter");
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("detail").asText()).startsWith(parameter + " ").contains("must");
        assertThat(problem.get("instance").asText()).isEqualTo("/api/kpi/registration-volume");
        assertThat(problem.get("parameter").asText()).isEqualTo(parameter);
    }

    @Test
    void unknownPathIsA404Problem()
    {
        HttpResponse<String> response = api.get("/api/no-such-report");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(ApiClient.contentType(response)).startsWith("application/problem+json");
        JsonNode problem = api.json(response);
        assertThat(problem.get("type").asText()).isEqualTo("about:blank");
        assertThat(problem.get("title").asText()).isEqualTo("Not Found");
        assertThat(problem.get("status").asInt()).isEqualTo(404);
        assertThat(problem.get("detail").asText()).isEqualTo("No resource at /api/no-such-report.");
        assertThat(problem.get("instance").asText()).isEqualTo("/api/no-such-report");
        assertThat(problem.has("parameter")).isFalse();
    }

    @Test
    void unknownPathIsAProblemEvenForBrowsersAskingForHtml()
    {
        HttpResponse<String> response = api.send("GET", "/no-such-page", "text/html");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(ApiClient.contentType(response)).startsWith("application/problem+json");
        assertThat(api.json(response).get("status").asInt()).isEqualTo(404);
    }

    @Test
    void unsupportedMethodIsA405ProblemListingAllowedMethods()
    {
        HttpResponse<String> response = api.send("POST", "/api/health", "application/json");

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(ApiClient.contentType(response)).startsWith("application/problem+json");
        assertThat(response.headers().firstValue("Allow")).hasValueSatisfying(allow -> assertThat(allow).contains("GET"));
        JsonNode problem = api.json(response);
        assertThat(problem.get("title").asText()).isEqualTo("Method Not Allowed");
        assertThat(problem.get("status").asInt()).isEqualTo(405);
        assertThat(problem.get("detail").asText()).isEqualTo("Method POST is not supported by /api/health.");
    }

    @Test
    void malformedPercentEscapesAre400ProblemsNotServerErrorPages()
    {
        ApiClient.RawResponse response = api.sendRaw("GET", "/api/kpi/registration-volume?from=%ZZ");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = api.json(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("detail").asText()).isEqualTo("The request URI is malformed: check its percent-escapes and characters.");
        assertThat(response.body()).doesNotContain("URISyntaxException").doesNotContain("Grizzly");
    }

    @Test
    void failuresAre500ProblemsThatRevealNothingInternal()
    {
        HttpResponse<String> response = api.get("/test/explode");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(ApiClient.contentType(response)).startsWith("application/problem+json");
        JsonNode problem = api.json(response);
        assertThat(problem.get("title").asText()).isEqualTo("Internal Server Error");
        assertThat(problem.get("status").asInt()).isEqualTo(500);
        assertThat(problem.get("detail").asText()).matches("The server could not complete the request \\(incident [0-9a-f-]{36}\\)\\.");
        assertThat(response.body())
                .doesNotContain("hunter2")
                .doesNotContain("IllegalStateException")
                .doesNotContain("at io.admitto");
    }
}
