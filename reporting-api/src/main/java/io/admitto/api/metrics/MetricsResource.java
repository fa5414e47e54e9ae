package io.admitto.api.metrics;

import io.admitto.api.security.MetricsScraper;
import io.admitto.api.security.Role;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

import static java.util.Objects.requireNonNull;

/**
 * {@code GET /api/metrics}: request counts, latency histograms and errors per endpoint, plus JVM figures, in
 * the Prometheus text format. For admins, and for a monitoring system holding the configured scrape token.
 */
@Path("/api/metrics")
@RolesAllowed({Role.ADMIN_NAME, MetricsScraper.ROLE})
public final class MetricsResource
{
    public static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;

    @Inject
    public MetricsResource(PrometheusMeterRegistry registry)
    {
        this.registry = requireNonNull(registry, "registry is null");
    }

    @GET
    @Produces(PROMETHEUS_TEXT)
    public String scrape()
    {
        return registry.scrape();
    }
}
