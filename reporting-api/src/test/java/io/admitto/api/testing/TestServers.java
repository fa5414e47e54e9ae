package io.admitto.api.testing;

import io.admitto.api.audit.AuditLog;
import io.admitto.api.server.ReportingServer;
import io.admitto.api.server.ReportingServerConfig;
import io.admitto.api.sql.TrinoSqlEngine;
import org.glassfish.jersey.inject.hk2.AbstractBinder;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Starts the API as the endpoint tests need it: on loopback, over a warehouse, with the test sign-in and
 * audit log, and on the engine the run asks for. DuckDB by default; with
 * {@code -Dadmitto.test.trino.url=jdbc:trino://127.0.0.1:PORT} (and optionally {@code .catalog},
 * {@code .schema}, {@code .user}) the same tests run against a Trino whose catalog maps that warehouse.
 */
public final class TestServers
{
    public static final String TRINO_URL = "admitto.test.trino.url";

    private TestServers() {}

    public static ReportingServerConfig config(Path warehouse, Path stateDirectory)
    {
        ReportingServerConfig config = new ReportingServerConfig("127.0.0.1", 0, warehouse).withStateDirectory(stateDirectory);
        return trino().map(config::withTrino).orElse(config);
    }

    public static Optional<TrinoSqlEngine.Config> trino()
    {
        String url = System.getProperty(TRINO_URL);
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new TrinoSqlEngine.Config(url,
                System.getProperty(TRINO_URL.replace(".url", ".catalog"), "hive"),
                System.getProperty(TRINO_URL.replace(".url", ".schema"), "admitto"),
                System.getProperty(TRINO_URL.replace(".url", ".user"), "admitto-api")));
    }

    public static ReportingServer start(ReportingServerConfig config, AuditLog audit, Clock clock)
    {
        ReportingServer server = new ReportingServer(config, List.of(TestUsers.class, RolesAllowedDynamicFeature.class, new AbstractBinder()
        {
            @Override
            protected void configure()
            {
                bind(audit).to(AuditLog.class);
            }
        }), clock);
        try {
            server.start();
            return server;
        }
        catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }
}
