package io.admitto.api.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.admitto.api.sql.AnalyticsQueries;
import io.admitto.api.sql.DuckDbAnalyticsQueries;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static java.util.Objects.requireNonNull;

/**
 * The reporting API on an embedded Grizzly HTTP server, answering from an embedded DuckDB over the
 * warehouse. Other modules add pages and endpoints by passing JAX-RS components or
 * {@link jakarta.ws.rs.core.Feature}s, so this module does not depend on them.
 *
 * <pre>{@code
 * try (ReportingServer server = new ReportingServer(
 *         new ReportingServerConfig("127.0.0.1", 0, warehouse).withSecurity(SecurityConfig.demo()),
 *         List.of(new DashboardsFeature()))) {
 *     server.start();
 *     URI uri = server.uri(); // http://127.0.0.1:<bound port>/
 * }
 * }</pre>
 */
public final class ReportingServer
        implements AutoCloseable
{
    private static final long SHUTDOWN_GRACE_SECONDS = 5;

    private final ReportingServerConfig config;
    private final AnalyticsQueries queries;
    private final HttpServer httpServer;

    /**
     * @param extraComponents JAX-RS component classes or instances (resources, providers, features) to
     * register beside the API's own
     */
    public ReportingServer(ReportingServerConfig config, List<?> extraComponents)
    {
        this.config = requireNonNull(config, "config is null");
        requireNonNull(extraComponents, "extraComponents is null");
        this.queries = DuckDbAnalyticsQueries.open(config.warehouse());
        try {
            this.httpServer = GrizzlyHttpServerFactory.createHttpServer(
                    baseUri(config.host(), config.port()),
                    ReportingApplication.create(config, queries, Clock.systemUTC(), List.copyOf(extraComponents)),
                    false);
            listener().registerAddOn(new DeclineHttp2UpgradeAddOn());
            httpServer.getServerConfiguration().setDefaultErrorPageGenerator(new ProblemErrorPageGenerator(new ObjectMapper()));
        }
        catch (RuntimeException e) {
            queries.close();
            throw e;
        }
    }

    /** Binds the port and starts serving. */
    public void start()
    {
        try {
            httpServer.start();
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on " + config.host() + ":" + config.port(), e);
        }
    }

    /** The base URI the server is reachable at, with the port actually bound; only valid after {@link #start()}. */
    public URI uri()
    {
        if (!httpServer.isStarted()) {
            throw new IllegalStateException("Server is not started");
        }
        return baseUri(config.host(), listener().getPort());
    }

    public ReportingServerConfig config()
    {
        return config;
    }

    /** Stops accepting requests, lets running ones finish for a few seconds, then releases DuckDB. */
    @Override
    public void close()
    {
        try {
            if (httpServer.isStarted()) {
                httpServer.shutdown(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS).get(SHUTDOWN_GRACE_SECONDS + 1, TimeUnit.SECONDS);
            }
            else {
                httpServer.shutdownNow();
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            httpServer.shutdownNow();
        }
        catch (ExecutionException | TimeoutException e) {
            httpServer.shutdownNow();
        }
        finally {
            queries.close();
        }
    }

    private NetworkListener listener()
    {
        return httpServer.getListeners().iterator().next();
    }

    private static URI baseUri(String host, int port)
    {
        try {
            return new URI("http", null, host, port, "/", null, null);
        }
        catch (URISyntaxException e) {
            throw new IllegalArgumentException("Invalid host: " + host, e);
        }
    }
}
