package io.admitto.api.testing;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.admitto.api.security.DemoUsers;
import io.admitto.api.security.LocalUsers;
import io.admitto.api.security.Role;
import io.admitto.api.security.SecurityConfig;
import io.admitto.api.server.ReportingServer;
import io.admitto.api.server.SqlEngines;
import io.admitto.api.server.ReportingServerConfig;
import io.admitto.api.sql.SqlEngine;
import io.admitto.api.sql.TrinoSqlEngine;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Starts the API as the endpoint tests need it: on loopback, over a warehouse, with real logins (the demo
 * user of each role, plus QA reviewers named {@link #REVIEWERS}, password {@link #password}), an audit log
 * the test can read, and on the engine the run asks for. DuckDB by default; with
 * {@code -Dadmitto.test.trino.url=jdbc:trino://127.0.0.1:PORT} (and optionally {@code .catalog},
 * {@code .schema}, {@code .user}) the same tests run against a Trino whose catalog maps that warehouse.
 */
public final class TestServers
{
    public static final String TRINO_URL = "admitto.test.trino.url";
    public static final List<String> REVIEWERS = List.of("alice", "bob", "dana", "erin", "fay", "gus", "hal", "ivy");
    /** Cheap hashes for test users: the cost is read from the hash, so login verifies them the same way. */
    private static final int TEST_BCRYPT_COST = 4;

    private TestServers() {}

    public static ReportingServerConfig config(Path warehouse, Path stateDirectory)
    {
        ReportingServerConfig config = new ReportingServerConfig("127.0.0.1", 0, warehouse)
                .withStateDirectory(stateDirectory)
                .withSecurity(SecurityConfig.noLogins().withLocalUsers(users()));
        return trino().map(config::withTrino).orElse(config);
    }

    public static String password(String reviewer)
    {
        return "pw-" + reviewer + "-for-tests";
    }

    public static Optional<TrinoSqlEngine.Config> trino()
    {
        String url = System.getProperty(TRINO_URL);
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new TrinoSqlEngine.Config(url,
                System.getProperty(TRINO_URL.replace(".url", ".catalog"), "admitto"),
                System.getProperty(TRINO_URL.replace(".url", ".schema"), "analytics"),
                System.getProperty(TRINO_URL.replace(".url", ".user"), "admitto-api")));
    }

    public static ReportingServer start(ReportingServerConfig config, Clock clock)
    {
        return start(config, openEngine(config), clock);
    }

    /** The engine the run asks for (see the class comment), for tests that wrap it. */
    public static SqlEngine openEngine(ReportingServerConfig config)
    {
        return SqlEngines.open(config);
    }

    public static ReportingServer start(ReportingServerConfig config, SqlEngine engine, Clock clock)
    {
        ReportingServer server = new ReportingServer(config, engine, List.of(), clock);
        try {
            server.start();
            return server;
        }
        catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    private static LocalUsers users()
    {
        List<LocalUsers.LocalUser> users = new ArrayList<>(DemoUsers.localUsers().users());
        for (String reviewer : REVIEWERS) {
            String hash = BCrypt.withDefaults().hashToString(TEST_BCRYPT_COST, password(reviewer).toCharArray());
            users.add(new LocalUsers.LocalUser(reviewer, new String(hash.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8), Set.of(Role.QA_REVIEWER)));
        }
        return new LocalUsers(users);
    }
}
