package io.admitto.api.server;

import io.admitto.api.kpi.KpiTargets;
import io.admitto.api.review.ReviewStoreConfig;
import io.admitto.api.sql.TrinoSqlEngine;

import java.nio.file.Path;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Where the reporting server listens, which warehouse it reads and with which engine, and where it keeps
 * its own state (the review decisions).
 *
 * @param host address to bind; loopback by default
 * @param port TCP port; 0 picks a free ephemeral port (see {@link ReportingServer#uri()})
 * @param warehouse root folder of the Parquet tables; it need not exist yet
 * @param trino answer SQL with Trino instead of the embedded DuckDB
 * @param stateDirectory the API's own files (the embedded review store); default {@code <warehouse>/_api}
 * @param reviewStore the review database; default H2 in file mode under the state directory
 * @param kpiTargets the organisation's KPI targets
 */
public record ReportingServerConfig(
        String host,
        int port,
        Path warehouse,
        Optional<TrinoSqlEngine.Config> trino,
        Path stateDirectory,
        Optional<ReviewStoreConfig> reviewStore,
        KpiTargets kpiTargets)
{
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    /** Folder of the API's state inside the warehouse; {@code _} keeps Hive and Trino away from it. */
    public static final String STATE_FOLDER = "_api";

    public ReportingServerConfig
    {
        requireNonNull(host, "host is null");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host is blank");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535: " + port);
        }
        warehouse = requireNonNull(warehouse, "warehouse is null").toAbsolutePath().normalize();
        requireNonNull(trino, "trino is null");
        stateDirectory = requireNonNull(stateDirectory, "stateDirectory is null").toAbsolutePath().normalize();
        requireNonNull(reviewStore, "reviewStore is null");
        requireNonNull(kpiTargets, "kpiTargets is null");
    }

    /** DuckDB over the warehouse, state under {@code <warehouse>/_api}, default targets. */
    public ReportingServerConfig(String host, int port, Path warehouse)
    {
        this(host, port, warehouse, Optional.empty(), warehouse.resolve(STATE_FOLDER), Optional.empty(), KpiTargets.defaults());
    }

    /** Loopback on the default port. */
    public static ReportingServerConfig forWarehouse(Path warehouse)
    {
        return new ReportingServerConfig(DEFAULT_HOST, DEFAULT_PORT, warehouse);
    }

    public ReportingServerConfig withHost(String host)
    {
        return new ReportingServerConfig(host, port, warehouse, trino, stateDirectory, reviewStore, kpiTargets);
    }

    public ReportingServerConfig withPort(int port)
    {
        return new ReportingServerConfig(host, port, warehouse, trino, stateDirectory, reviewStore, kpiTargets);
    }

    public ReportingServerConfig withTrino(TrinoSqlEngine.Config trino)
    {
        return new ReportingServerConfig(host, port, warehouse, Optional.of(trino), stateDirectory, reviewStore, kpiTargets);
    }

    public ReportingServerConfig withStateDirectory(Path stateDirectory)
    {
        return new ReportingServerConfig(host, port, warehouse, trino, stateDirectory, reviewStore, kpiTargets);
    }

    public ReportingServerConfig withReviewStore(ReviewStoreConfig reviewStore)
    {
        return new ReportingServerConfig(host, port, warehouse, trino, stateDirectory, Optional.of(reviewStore), kpiTargets);
    }

    public ReportingServerConfig withKpiTargets(KpiTargets kpiTargets)
    {
        return new ReportingServerConfig(host, port, warehouse, trino, stateDirectory, reviewStore, kpiTargets);
    }

    /** The review store actually used: the configured one, or H2 under the state directory. */
    public ReviewStoreConfig effectiveReviewStore()
    {
        return reviewStore.orElseGet(() -> ReviewStoreConfig.embedded(stateDirectory));
    }
}
