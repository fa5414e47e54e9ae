package io.admitto.dashboards.page;

import com.fasterxml.jackson.databind.JsonNode;
import io.admitto.api.security.Role;
import io.admitto.api.security.SecurityConfig;
import io.admitto.api.server.ReportingServer;
import io.admitto.api.server.ReportingServerConfig;
import io.admitto.api.testing.ApiClient;
import io.admitto.api.testing.RegistrationFixtures;
import io.admitto.dashboards.DashboardsFeature;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the dashboards add to the reporting server, seen over HTTP. */
final class DashboardsHttpTest
{
    @TempDir
    Path warehouse;

    private ReportingServer server;
    private ApiClient anonymous;
    private ApiClient http;

    @BeforeEach
    void startServer()
    {
        RegistrationFixtures.writeTo(warehouse);
        server = new ReportingServer(new ReportingServerConfig("127.0.0.1", 0, warehouse).withSecurity(SecurityConfig.demo()),
                List.of(new DashboardsFeature()));
        server.start();
        anonymous = new ApiClient(server.uri());
        http = anonymous.loggedInAs(Role.LEADERSHIP);
    }

    @AfterEach
    void stopServer()
    {
        server.close();
    }

    @Test
    void servesTheOverviewPageWithAPolicyThatOnlyRunsOwnScripts()
    {
        HttpResponse<String> page = http.send("GET", "/", "text/html");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(ApiClient.contentType(page)).isEqualTo("text/html;charset=UTF-8");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy -> assertThat(policy)
                .contains("default-src 'none'")
                .contains("script-src 'self';")
                .doesNotContain("unsafe-eval"));
        assertThat(page.body())
                .contains("<script src=\"assets/echarts.min.js\" defer></script>")
                .contains("<script src=\"assets/overview.js\" defer></script>")
                .contains("id=\"registration-volume-chart\"")
                .doesNotContain("<script>")
                .doesNotContainIgnoringCase("cdn")
                .doesNotContain("http://")
                .doesNotContain("https://");
    }

    @Test
    void servesEchartsFromTheWebjarNotACdn()
            throws IOException
    {
        HttpResponse<String> script = http.send("GET", "/assets/echarts.min.js", "*/*");

        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(ApiClient.contentType(script)).startsWith("text/javascript");
        assertThat(script.headers().firstValue("Cache-Control")).hasValueSatisfying(value -> assertThat(value).contains("max-age="));
        try (InputStream webjar = getClass().getClassLoader().getResourceAsStream("META-INF/resources/webjars/echarts/5.5.0/echarts.min.js")) {
            assertThat(webjar).isNotNull();
            assertThat(script.body()).isEqualTo(new String(webjar.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void servesOwnScriptAndStylesForRevalidation()
    {
        HttpResponse<String> script = http.send("GET", "/assets/overview.js", "*/*");
        HttpResponse<String> styles = http.send("GET", "/assets/overview.css", "*/*");

        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.body()).contains("echarts.init(");
        assertThat(script.headers().firstValue("Cache-Control")).hasValueSatisfying(value -> assertThat(value).contains("no-cache"));
        assertThat(styles.statusCode()).isEqualTo(200);
        assertThat(ApiClient.contentType(styles)).startsWith("text/css");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/assets/nothing.js", "/assets/..%2F..%2Fpom.xml", "/assets/META-INF%2FMANIFEST.MF", "/assets/"})
    void servesNoOtherFiles(String path)
    {
        HttpResponse<String> response = http.send("GET", path, "*/*");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(ApiClient.contentType(response)).startsWith("application/problem+json");
    }

    @Test
    void buildsTheChartOptionOnTheServer()
    {
        HttpResponse<String> response = http.get("/api/charts/registration-volume?from=2026-01-05&to=2026-01-05");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(ApiClient.contentType(response)).startsWith("application/json");
        JsonNode option = http.json(response);
        assertThat(option.get("title").get("text").asText()).isEqualTo("Registrations per hour");
        // Jan 5 only: 14:00 and 15:00; ED, IMG and the wait line.
        assertThat(option.get("xAxis").get("data")).hasSize(2);
        assertThat(option.get("series")).hasSize(3);
    }

    @Test
    void rejectsBadChartParametersLikeTheKpiEndpoint()
    {
        HttpResponse<String> response = http.get("/api/charts/registration-volume?to=2026-02-30");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(ApiClient.contentType(response)).startsWith("application/problem+json");
        assertThat(http.json(response).get("parameter").asText()).isEqualTo("to");
    }

    @Test
    void sendsAnonymousBrowsersToTheLoginPageButServesThemTheAssetsItNeeds()
    {
        HttpResponse<String> page = anonymous.send("GET", "/", "text/html");
        HttpResponse<String> chart = anonymous.get("/api/charts/registration-volume");

        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/login?next=%2F"));
        assertThat(chart.statusCode()).isEqualTo(401);
        assertThat(anonymous.send("GET", "/assets/overview.css", "*/*").statusCode()).isEqualTo(200);
    }

    @Test
    void leavesTheApiInPlace()
    {
        assertThat(http.get("/api/health").statusCode()).isEqualTo(200);
        assertThat(http.json(http.get("/api/kpi/registration-volume")).get("totalRegistrations").asLong()).isEqualTo(42);
    }
}
