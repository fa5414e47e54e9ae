package io.admitto.api.metrics;

import io.admitto.api.security.Role;
import io.admitto.api.testing.ApiClient;
import io.admitto.api.testing.ApiServerExtension;
import io.admitto.api.testing.RegistrationFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /api/metrics}: Prometheus text with request counts, latencies and errors per endpoint template. */
final class MetricsResourceTest
{
    private static final String SCRAPE_TOKEN = "scrape-token-for-tests-0123456789abcdef";

    @RegisterExtension
    final ApiServerExtension api = new ApiServerExtension(List.of(), security -> security.withMetricsScrapeToken(SCRAPE_TOKEN));

    @Test
    void countsRequestsPerEndpointTemplateAndStatus()
    {
        RegistrationFixtures.writeTo(api.warehouse());
        ApiClient leadership = api.as(Role.LEADERSHIP);
        for (int request = 0; request < 3; request++) {
            assertThat(leadership.get("/api/kpi/registration-volume?facility=FAC0" + request).statusCode()).isEqualTo(200);
        }
        assertThat(leadership.get("/api/kpi/registration-volume?from=never").statusCode()).isEqualTo(400);
        assertThat(api.anonymous().get("/api/kpi/registration-volume").statusCode()).isEqualTo(401);
        assertThat(leadership.get("/api/no-such-thing").statusCode()).isEqualTo(404);

        HttpResponse<String> scrape = api.as(Role.ADMIN).send("GET", "/api/metrics", "text/plain");

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(ApiClient.contentType(scrape)).startsWith("text/plain");
        String metrics = scrape.body();
        assertThat(count(metrics, "GET", "SUCCESS", "200", "/api/kpi/registration-volume")).isEqualTo(3);
        assertThat(count(metrics, "GET", "CLIENT_ERROR", "400", "/api/kpi/registration-volume")).isEqualTo(1);
        assertThat(count(metrics, "GET", "CLIENT_ERROR", "401", "/api/kpi/registration-volume")).isEqualTo(1);
        assertThat(count(metrics, "GET", "CLIENT_ERROR", "404", RequestMetrics.UNMATCHED)).isEqualTo(1);
        assertThat(metrics).contains("admitto_http_requests_seconds_bucket{method=\"GET\",outcome=\"SUCCESS\",status=\"200\",uri=\"/api/kpi/registration-volume\",le=\"0.1\"}");
        assertThat(metrics).contains("jvm_memory_used_bytes");
        assertThat(metrics).doesNotContain("facility=FAC0");
    }

    @Test
    void isForAdminsAndTheScrapeTokenOnly()
    {
        assertThat(api.anonymous().send("GET", "/api/metrics", "text/plain").statusCode()).isEqualTo(401);
        for (Role role : List.of(Role.QA_REVIEWER, Role.LEADERSHIP, Role.ANALYST)) {
            assertThat(api.as(role).send("GET", "/api/metrics", "text/plain").statusCode()).as(role.wireName()).isEqualTo(403);
        }
        ApiClient prometheus = api.anonymous().withBearerToken(SCRAPE_TOKEN);

        assertThat(prometheus.send("GET", "/api/metrics", "text/plain").statusCode()).isEqualTo(200);
        assertThat(prometheus.get("/api/kpi/registration-volume").statusCode()).as("the scrape token opens nothing else").isEqualTo(403);
        assertThat(prometheus.get("/api/auth/me").statusCode()).isEqualTo(403);
    }

    private static long count(String metrics, String method, String outcome, String status, String uri)
    {
        Matcher matcher = Pattern.compile("^admitto_http_requests_seconds_count\\{method=\"" + method + "\",outcome=\"" + outcome
                + "\",status=\"" + status + "\",uri=\"" + Pattern.quote(uri) + "\"} (\\d+)", Pattern.MULTILINE).matcher(metrics);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
    }
}
