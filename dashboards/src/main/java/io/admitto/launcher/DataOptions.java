package io.admitto.launcher;

import io.admitto.api.review.ReviewStoreConfig;
import io.admitto.api.server.ReportingServerConfig;
import io.admitto.api.sql.TrinoSqlEngine;
import picocli.CommandLine.Option;

import java.time.Duration;

/**
 * Which SQL engine {@code serve} queries and where it keeps the review decisions; see docs/api.md. The
 * review store's password comes from the environment ({@value #REVIEW_STORE_PASSWORD_ENV}) so that it is
 * not visible in the process list.
 */
final class DataOptions {
    static final String REVIEW_STORE_PASSWORD_ENV = "ADMITTO_REVIEW_STORE_PASSWORD";

    @Option(names = "--trino-url", paramLabel = "URL",
            description = "Query Trino (jdbc:trino://HOST:PORT) instead of the embedded DuckDB; its catalog must map the warehouse.")
    String trinoUrl;

    @Option(names = "--trino-catalog", defaultValue = "admitto", description = "Trino catalog of the tables (default: ${DEFAULT-VALUE}).")
    String trinoCatalog;

    @Option(names = "--trino-schema", defaultValue = "analytics", description = "Trino schema of the tables (default: ${DEFAULT-VALUE}).")
    String trinoSchema;

    @Option(names = "--trino-user", defaultValue = "admitto-api", description = "User the API queries Trino as (default: ${DEFAULT-VALUE}).")
    String trinoUser;

    @Option(names = "--review-store-url", paramLabel = "JDBC_URL",
            description = "Review decisions in PostgreSQL (jdbc:postgresql://HOST:PORT/DB) instead of the embedded H2 file under the state directory.")
    String reviewStoreUrl;

    @Option(names = "--review-store-user", defaultValue = "admitto", description = "Review store user (default: ${DEFAULT-VALUE}).")
    String reviewStoreUser;

    @Option(names = "--answer-cache", paramLabel = "INTERVAL", defaultValue = "PT1S",
            description = "How often to look for new commits to the tables, so that answers are reused until one changes "
                    + "(ISO-8601, default: ${DEFAULT-VALUE}; PT0S runs every query every time). See docs/api.md.")
    Duration answerCache;

    ReportingServerConfig applyTo(ReportingServerConfig config) {
        ReportingServerConfig configured = answerCache.isZero() ? config.withoutAnswerCache() : config.withAnswerCache(answerCache);
        if (trinoUrl != null) {
            configured = configured.withTrino(new TrinoSqlEngine.Config(trinoUrl, trinoCatalog, trinoSchema, trinoUser));
        }
        if (reviewStoreUrl != null) {
            String password = System.getenv(REVIEW_STORE_PASSWORD_ENV);
            configured = configured.withReviewStore(new ReviewStoreConfig(reviewStoreUrl, reviewStoreUser, password == null ? "" : password));
        }
        return configured;
    }
}
