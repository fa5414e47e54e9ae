package io.admitto.api.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.admitto.api.audit.AuditLog;
import io.admitto.api.audit.AuditLogExport;
import io.admitto.api.audit.JdbcAuditLog;
import io.admitto.api.openapi.ApiEndpoint;
import io.admitto.api.openapi.ApiEndpoints;
import io.admitto.api.review.JdbcReviewStore;
import io.admitto.api.review.QaReviewsExport;
import io.admitto.api.review.ReviewStore;
import io.admitto.api.sql.SqlEngine;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpContainer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ContainerFactory;
import org.glassfish.jersey.server.ExtendedResourceContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
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

    /** How often new audit entries are copied into the warehouse's audit_log table (and once more at close). */
    private static final Duration AUDIT_EXPORT_INTERVAL = Duration.ofMinutes(5);

    private static final Logger log = LoggerFactory.getLogger(ReportingServer.class);

    private final ReportingServerConfig config;
    private final SqlEngine engine;
    private final ReviewStore reviews;
    private final JdbcAuditLog auditLog;
    private final AuditLogExport auditExport;
    private final ScheduledExecutorService auditExporter;
    private final GrizzlyHttpContainer container;
    private final HttpServer httpServer;

    /**
     * @param extraComponents JAX-RS component classes or instances (resources, providers, features) to
     * register beside the API's own
     */
    public ReportingServer(ReportingServerConfig config, List<?> extraComponents)
    {
        this(config, extraComponents, Clock.systemUTC());
    }

    /** @param clock what "now" is for sessions, the audit log and the work queue's days until service */
    public ReportingServer(ReportingServerConfig config, List<?> extraComponents, Clock clock)
    {
        this(config, SqlEngines.open(config), extraComponents, clock);
    }

    /** With an engine of the caller's (which the server closes with itself). */
    public ReportingServer(ReportingServerConfig config, SqlEngine engine, List<?> extraComponents, Clock clock)
    {
        this.config = requireNonNull(config, "config is null");
        this.engine = requireNonNull(engine, "engine is null");
        requireNonNull(extraComponents, "extraComponents is null");
        requireNonNull(clock, "clock is null");
        try {
            Files.createDirectories(config.stateDirectory());
        }
        catch (IOException e) {
            engine.close();
            throw new UncheckedIOException("Cannot create the API's state directory " + config.stateDirectory(), e);
        }
        this.auditLog = JdbcAuditLog.embedded(config.stateDirectory(), clock);
        this.auditExport = new AuditLogExport(auditLog, config.warehouse());
        this.auditExporter = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "audit-export");
            thread.setDaemon(true);
            return thread;
        });
        ReviewStore reviewStore = null;
        try {
            reviewStore = JdbcReviewStore.open(config.effectiveReviewStore());
            QaReviewsExport reviewExport = new QaReviewsExport(config.warehouse(), reviewStore);
            // decisions stored but not exported when the last run stopped (killed between the two)
            reviewExport.exportMissing();
            this.container = ContainerFactory.createContainer(GrizzlyHttpContainer.class,
                    ReportingApplication.create(config, engine, reviewStore, reviewExport, auditLog, auditExport, clock, List.copyOf(extraComponents)));
            this.httpServer = GrizzlyHttpServerFactory.createHttpServer(baseUri(config.host(), config.port()), container, false, null, false);
            listener().registerAddOn(new DeclineHttp2UpgradeAddOn());
            httpServer.getServerConfiguration().setDefaultErrorPageGenerator(new ProblemErrorPageGenerator(new ObjectMapper()));
        }
        catch (RuntimeException e) {
            if (reviewStore != null) {
                reviewStore.close();
            }
            engine.close();
            auditExporter.shutdownNow();
            auditLog.close();
            throw e;
        }
        this.reviews = reviewStore;
    }

    /** Binds the port and starts serving. */
    public void start()
    {
        try {
            httpServer.start();
            auditExporter.scheduleWithFixedDelay(this::exportAudit, AUDIT_EXPORT_INTERVAL.toSeconds(), AUDIT_EXPORT_INTERVAL.toSeconds(), TimeUnit.SECONDS);
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

    /** Every endpoint the server answers, from its resource model (what /api/openapi.json describes). */
    public List<ApiEndpoint> endpoints()
    {
        return ApiEndpoints.of(container.getApplicationHandler().getInjectionManager()
                .getInstance(ExtendedResourceContext.class).getResourceModel());
    }

    /** The audit log, for the launcher and tests; requests reach it by injection. */
    public AuditLog auditLog()
    {
        return auditLog;
    }

    /**
     * Stops accepting requests, lets running ones finish for a few seconds, exports the audit entries not yet
     * in the warehouse, then releases the engine, the review store and the audit database.
     */
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
            auditExporter.shutdownNow();
            exportAudit();
            try {
                reviews.close();
                engine.close();
            }
            finally {
                auditLog.close();
            }
        }
    }

    private void exportAudit()
    {
        try {
            AuditLogExport.Exported exported = auditExport.exportNew();
            if (exported.entries() > 0) {
                log.info("Exported {} audit entries to {}", exported.entries(), exported.files());
            }
        }
        catch (RuntimeException e) {
            // The entries stay in the audit database; the next export takes them.
            log.error("Audit export failed", e);
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
