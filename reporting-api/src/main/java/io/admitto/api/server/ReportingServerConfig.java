package io.admitto.api.server;

import io.admitto.api.kpi.KpiTargets;
import io.admitto.api.review.ReviewStoreConfig;
import io.admitto.api.security.SecurityConfig;
import io.admitto.api.sql.TrinoSqlEngine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Where the reporting server listens, which warehouse it reads and with which engine, where it keeps its
 * own state and how it authenticates.
 *
 * @param host address to bind; loopback by default
 * @param port TCP port; 0 picks a free ephemeral port (see {@link ReportingServer#uri()})
 * @param warehouse root folder of the Parquet tables; it need not exist yet
 * @param stateDirectory the API's own state: the audit log and the review decisions
 * ({@value #DEFAULT_STATE_FOLDER} under the warehouse by default)
 * @param security who may log in and how; {@link SecurityConfig#noLogins()} unless given
 * @param trino answer SQL with Trino instead of the embedded DuckDB
 * @param reviewStore the review database; default H2 in file mode under the state directory
 * @param kpiTargets the organisation's KPI targets
 * @param answerCache how often to look for new commits to the tables, so that answers computed since
 * the last commit can be reused ({@link io.admitto.api.sql.cache.CachingSqlEngine}); empty: never reuse
 * an answer, run every query
 */
public record ReportingServerConfig(
        String host,
        int port,
        Path warehouse,
        Path stateDirectory,
        SecurityConfig security,
        Optional<TrinoSqlEngine.Config> trino,
        Optional<ReviewStoreConfig> reviewStore,
        KpiTargets kpiTargets,
        Optional<Duration> answerCache)
{
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final String DEFAULT_STATE_FOLDER = "_api";
    /** New commits are seen within this long (plus the time of one poll) when answers are cached. */
    public static final Duration DEFAULT_ANSWER_CACHE_POLL = Duration.ofSeconds(1);

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
        stateDirectory = requireNonNull(stateDirectory, "stateDirectory is null").toAbsolutePath().normalize();
        requireNonNull(security, "security is null");
        requireNonNull(trino, "trino is null");
        requireNonNull(reviewStore, "reviewStore is null");
        requireNonNull(kpiTargets, "kpiTargets is null");
        requireNonNull(answerCache, "answerCache is null");
        answerCache.ifPresent(poll -> {
            if (poll.isNegative() || poll.isZero()) {
                throw new IllegalArgumentException("answer cache poll interval must be positive: " + poll);
            }
        });
    }

    public ReportingServerConfig(String host, int port, Path warehouse, Path stateDirectory, SecurityConfig security)
    {
        this(host, port, warehouse, stateDirectory, security, Optional.empty(), Optional.empty(), KpiTargets.defaults(), Optional.of(DEFAULT_ANSWER_CACHE_POLL));
    }

    /** DuckDB, state under the warehouse, default targets; nobody can log in until {@link #withSecurity} says how. */
    public ReportingServerConfig(String host, int port, Path warehouse)
    {
        this(host, port, warehouse, warehouse.resolve(DEFAULT_STATE_FOLDER), SecurityConfig.noLogins());
    }

    /** Loopback on the default port. */
    public static ReportingServerConfig forWarehouse(Path warehouse)
    {
        return new ReportingServerConfig(DEFAULT_HOST, DEFAULT_PORT, warehouse);
    }

    public ReportingServerConfig withHost(String host)
    {
        return new ReportingServerConfig(host, port, warehouse, stateDirectory, security, trino, reviewStore, kpiTargets, answerCache);
    }

    public ReportingServerConfig withPort(int port)
    {
        return new ReportingServerConfig(host, port, warehouse, stateDirectory, security, trino, reviewStore, kpiTargets, answerCache);
    }

    public ReportingServerConfig withStateDirectory(Path stateDirectory)
    {
        return new ReportingServerConfig(host, port, warehouse, stateDirectory, security, trino, reviewStore, kpiTargets, answerCache);
    }

    public ReportingServerConfig withSecurity(SecurityConfig security)
    {
        return new ReportingServerConfig(host, port, warehouse, stateDirectory, security, trino, reviewStore, kpiTargets, answerCache);
    }

    public ReportingServerConfig withTrino(TrinoSqlEngine.Config trino)
    {
        return new ReportingServerConfig(host, port, warehouse, stateDirectory, security, Optional.of(trino), reviewStore, kpiTargets, answerCache);
    }

    public ReportingServerConfig withReviewStore(ReviewStoreConfig reviewStore)
    {
        return new ReportingServerConfig(host, port, warehouse, stateDirectory, security, trino, Optional.of(reviewStore), kpiTargets, answerCache);
    }

    public ReportingServerConfig withKpiTargets(KpiTargets kpiTargets)
    {
        return new ReportingServerConfig(host, port, warehouse, stateDirectory, security, trino, reviewStore, kpiTargets, answerCache);
    }

    /** Answers cached and checked for new commits every {@code poll}. */
    public ReportingServerConfig withAnswerCache(Duration poll)
    {
        return new ReportingServerConfig(host, port, warehouse, stateDirectory, security, trino, reviewStore, kpiTargets, Optional.of(poll));
    }

    /** Every request runs its queries: new commits show at once, at the cost of every query. */
    public ReportingServerConfig withoutAnswerCache()
    {
        return new ReportingServerConfig(host, port, warehouse, stateDirectory, security, trino, reviewStore, kpiTargets, Optional.empty());
    }

    /** The review store actually used: the configured one, or H2 under the state directory. */
    public ReviewStoreConfig effectiveReviewStore()
    {
        return reviewStore.orElseGet(() -> ReviewStoreConfig.embedded(stateDirectory));
    }
}
