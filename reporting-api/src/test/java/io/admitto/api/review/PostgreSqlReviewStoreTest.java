package io.admitto.api.review;

import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;

/**
 * The scale-out review store on a real PostgreSQL: the same contract as H2. Runs when
 * {@code -Dadmitto.test.postgres.url=jdbc:postgresql://127.0.0.1:PORT/postgres} (and {@code .user},
 * {@code .password}) names a server where the user may create databases; each test gets a new database.
 */
@EnabledIfSystemProperty(named = PostgreSqlReviewStoreTest.URL, matches = "jdbc:postgresql:.*")
final class PostgreSqlReviewStoreTest
        extends ReviewStoreContract
{
    static final String URL = "admitto.test.postgres.url";

    @Override
    protected ReviewStoreConfig freshDatabase()
            throws Exception
    {
        String admin = System.getProperty(URL);
        String user = System.getProperty(URL.replace(".url", ".user"), "postgres");
        String password = System.getProperty(URL.replace(".url", ".password"), "");
        String database = "reviews_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = DriverManager.getConnection(admin, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
        return new ReviewStoreConfig(admin.substring(0, admin.lastIndexOf('/') + 1) + database, user, password);
    }
}
