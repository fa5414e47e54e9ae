package io.admitto.api.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.admitto.api.review.JdbcReviewStore;
import io.admitto.api.review.QaReviewsExport;
import io.admitto.api.review.ReviewStore;
import io.admitto.api.sql.DuckDbSqlEngine;
import io.admitto.api.sql.SqlEngine;
import io.admitto.api.sql.TrinoSqlEngine;
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
 * warehouse (or Trino, when configured), with the QA decisions in a transactional review store. Other modules add pages and endpoints by passing JAX-RS components or
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
    private final SqlEngine engine;
    private final ReviewStore reviews;
    private final HttpServer httpServer;

    /**
     * @param extraComponents JAX-RS component classes or instances (resources, providers, features) to
     * register beside the API's own
     */
    public ReportingServer(ReportingServerConfig config, List<?> extraComponents)
    {
        this(config, extraComponents, Clock.systemUTC());
    }

    /** @param clock what "today" is for the work queue's days until service */
    public ReportingServer(ReportingServerConfig config, List<?> extraComponents, Clock clock)
    {
        this(config, openEngine(config), extraComponents, clock);
    }

    /** With an engine of the caller's (which the server closes with itself). */
    public ReportingServer(ReportingServerConfig config, SqlEngine engine, List<?> extraComponents, Clock clock)
    {
        requireNonNull(clock, "clock is null");
        this.config = requireNonNull(config, "config is null");
        requireNonNull(extraComponents, "extraComponents is null");
        this.engine = requireNonNull(engine, "engine is null");
        ReviewStore reviewStore = null;
        try {
            createDirectories(config.stateDirectory());
            reviewStore = JdbcReviewStore.open(config.effectiveReviewStore());
            QaReviewsExport export = new QaReviewsExport(config.warehouse(), reviewStore);
            // decisions stored but not exported when the last run stopped (killed between the two)
            export.exportMissing();
            this.httpServer = GrizzlyHttpServerFactory.createHttpServer(
                    baseUri(config.host(), config.port()),
                    ReportingApplication.create(config, engine, reviewStore, export, clock, List.copyOf(extraComponents)),
                    false);
            listener().registerAddOn(new DeclineHttp2UpgradeAddOn());
            httpServer.getServerConfiguration().setDefaultErrorPageGenerator(new ProblemErrorPageGenerator(new ObjectMapper()));
        }
        catch (RuntimeException e) {
            if (reviewStore != null) {
                reviewStore.close();
            }
            engine.close();
            throw e;
        }
        this.reviews = reviewStore;
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

    /** Stops accepting requests, lets running ones finish for a few seconds, then releases the store and the engine. */
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
            try {
                reviews.close();
            }
            finally {
                engine.close();
            }
        }
    }

    private static SqlEngine openEngine(ReportingServerConfig config)
    {
        return config.trino().<SqlEngine>map(TrinoSqlEngine::new).orElseGet(() -> DuckDbSqlEngine.open(config.warehouse()));
    }

    private static void createDirectories(java.nio.file.Path directory)
    {
        try {
            java.nio.file.Files.createDirectories(directory);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot create the API state directory " + directory, e);
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
