package io.admitto.api.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;
import org.glassfish.jersey.uri.UriTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static java.util.Objects.requireNonNull;

/**
 * Times every request from its start to its response having been written, as
 * {@code admitto_http_requests_seconds} with the method, the endpoint's path template (never the raw path,
 * which would make a series per encounter id), the status and the outcome class. Requests that matched no
 * endpoint, or were refused before matching, count under {@value #UNMATCHED}.
 */
public final class RequestMetrics
        implements ApplicationEventListener
{
    public static final String METER = "admitto.http.requests";
    static final String UNMATCHED = "UNMATCHED";
    /** Histogram buckets around the 100 ms goal of the KPI endpoints. */
    private static final Duration[] BUCKETS = {
            Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
            Duration.ofSeconds(10)};

    private final MeterRegistry registry;

    public RequestMetrics(MeterRegistry registry)
    {
        this.registry = requireNonNull(registry, "registry is null");
    }

    @Override
    public void onEvent(ApplicationEvent event) {}

    @Override
    public RequestEventListener onRequest(RequestEvent start)
    {
        long startNanos = System.nanoTime();
        return event -> {
            if (event.getType() == RequestEvent.Type.FINISHED) {
                record(event, System.nanoTime() - startNanos);
            }
        };
    }

    private void record(RequestEvent event, long nanos)
    {
        ContainerResponse response = event.getContainerResponse();
        int status = response == null ? 500 : response.getStatus();
        Timer.builder(METER)
                .description("HTTP requests to the reporting API")
                .tag("method", event.getContainerRequest().getMethod())
                .tag("uri", template(event.getUriInfo()))
                .tag("status", Integer.toString(status))
                .tag("outcome", outcome(status))
                .serviceLevelObjectives(BUCKETS)
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    private static String template(ExtendedUriInfo uriInfo)
    {
        if (uriInfo == null || uriInfo.getMatchedResourceMethod() == null) {
            return UNMATCHED;
        }
        List<UriTemplate> templates = new ArrayList<>(uriInfo.getMatchedTemplates());
        Collections.reverse(templates);
        StringBuilder path = new StringBuilder();
        for (UriTemplate template : templates) {
            String part = template.getTemplate();
            if (part.isEmpty() || part.equals("/")) {
                continue;
            }
            if (!part.startsWith("/")) {
                path.append('/');
            }
            path.append(part.endsWith("/") ? part.substring(0, part.length() - 1) : part);
        }
        return path.isEmpty() ? "/" : path.toString();
    }

    private static String outcome(int status)
    {
        return switch (status / 100) {
            case 1 -> "INFORMATIONAL";
            case 2 -> "SUCCESS";
            case 3 -> "REDIRECTION";
            case 4 -> "CLIENT_ERROR";
            default -> "SERVER_ERROR";
        };
    }
}
