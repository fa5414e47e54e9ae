package io.admitto.api.review;

import java.nio.file.Path;

import static java.util.Objects.requireNonNull;

/**
 * Which database holds the reviews: H2 in file mode under the API's state directory by default (embedded,
 * transactional, one process), or PostgreSQL (or another database with the same standard SQL) by JDBC URL
 * when several API instances share the decisions.
 *
 * @param password empty when the database needs none
 */
public record ReviewStoreConfig(String jdbcUrl, String user, String password)
{
    public ReviewStoreConfig
    {
        requireNonNull(jdbcUrl, "jdbcUrl is null");
        if (!jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("Review store URL must be jdbc:h2:... or jdbc:postgresql:..., got " + jdbcUrl);
        }
        requireNonNull(user, "user is null");
        requireNonNull(password, "password is null");
    }

    /** The embedded default: {@code <stateDirectory>/reviews.mv.db}. */
    public static ReviewStoreConfig embedded(Path stateDirectory)
    {
        return new ReviewStoreConfig("jdbc:h2:file:" + stateDirectory.toAbsolutePath().normalize().resolve("reviews"), "sa", "");
    }

    boolean isH2()
    {
        return jdbcUrl.startsWith("jdbc:h2:");
    }
}
