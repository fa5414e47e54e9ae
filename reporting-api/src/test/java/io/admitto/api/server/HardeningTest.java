package io.admitto.api.server;

import io.admitto.api.security.Role;
import io.admitto.api.testing.ApiClient;
import io.admitto.api.testing.ApiServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Flow;

import static org.assertj.core.api.Assertions.assertThat;

/** Security headers on every answer and limits on what a request may send. */
final class HardeningTest
{
    @RegisterExtension
    final ApiServerExtension api = new ApiServerExtension();

    @Test
    void apiAnswersAreNeitherSniffedFramedNorCached()
    {
        HttpResponse<String> kpi = api.as(Role.LEADERSHIP).get("/api/kpi/registration-volume");
        HttpResponse<String> refused = api.anonymous().get("/api/kpi/registration-volume");

        for (HttpResponse<String> response : List.of(kpi, refused)) {
            assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
            assertThat(response.headers().firstValue("Referrer-Policy")).contains("no-referrer");
            assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
                    assertThat(policy).contains("default-src 'none'").contains("frame-ancestors 'none'"));
            assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        }
    }

    @Test
    void aBodyOverTheLimitIs413ByItsDeclaredLength()
    {
        String huge = "{\"username\": \"" + "x".repeat(RequestBodyLimitFilter.MAX_BODY_BYTES) + "\", \"password\": \"p\"}";

        HttpResponse<String> response = api.anonymous().postJson("/api/auth/login", huge);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(ApiClient.contentType(response)).startsWith("application/problem+json");
        assertThat(api.anonymous().json(response).get("detail").asText()).contains(Integer.toString(RequestBodyLimitFilter.MAX_BODY_BYTES));
    }

    @Test
    void aChunkedBodyOverTheLimitIs413WhileBeingRead()
    {
        byte[] huge = ("{\"username\": \"" + "x".repeat(RequestBodyLimitFilter.MAX_BODY_BYTES) + "\", \"password\": \"p\"}").getBytes(StandardCharsets.UTF_8);
        // A publisher of unknown length makes the client send chunked, without Content-Length.
        HttpRequest.BodyPublisher chunked = new HttpRequest.BodyPublisher()
        {
            private final HttpRequest.BodyPublisher bytes = HttpRequest.BodyPublishers.ofByteArray(huge);

            @Override
            public long contentLength()
            {
                return -1;
            }

            @Override
            public void subscribe(Flow.Subscriber<? super java.nio.ByteBuffer> subscriber)
            {
                bytes.subscribe(subscriber);
            }
        };

        HttpResponse<String> response = api.anonymous().send("POST", "/api/auth/login", "application/json",
                Map.of("Content-Type", "application/json"), chunked);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(ApiClient.contentType(response)).startsWith("application/problem+json");
    }
}
