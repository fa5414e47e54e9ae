package io.admitto.api.testing;

import io.admitto.api.security.Role;
import io.admitto.api.security.SecurityConfig;
import io.admitto.api.server.ReportingServer;
import io.admitto.api.server.ReportingServerConfig;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * A reporting server for each test, on loopback, over a fresh empty warehouse, with the demo users:
 *
 * <pre>{@code
 * @RegisterExtension
 * final ApiServerExtension api = new ApiServerExtension();
 *
 * @Test
 * void something() {
 *     RegistrationFixtures.writeTo(api.warehouse());
 *     HttpResponse<String> response = api.as(Role.LEADERSHIP).get("/api/kpi/registration-volume");
 * }
 * }</pre>
 */
public final class ApiServerExtension
        implements BeforeEachCallback, AfterEachCallback
{
    private final List<?> extraComponents;
    private final UnaryOperator<SecurityConfig> security;
    private Path warehouse;
    private ReportingServer server;

    public ApiServerExtension()
    {
        this(List.of(), UnaryOperator.identity());
    }

    /** @param extraComponents JAX-RS components to register beside the API's own */
    public ApiServerExtension(List<?> extraComponents)
    {
        this(extraComponents, UnaryOperator.identity());
    }

    /**
     * @param extraComponents JAX-RS components to register beside the API's own
     * @param security changes to the demo security configuration (a scrape token, OIDC, ...)
     */
    public ApiServerExtension(List<?> extraComponents, UnaryOperator<SecurityConfig> security)
    {
        this.extraComponents = List.copyOf(extraComponents);
        this.security = requireNonNull(security, "security is null");
    }

    @Override
    public void beforeEach(ExtensionContext context)
            throws IOException
    {
        warehouse = Files.createTempDirectory("admitto-api-test");
        server = new ReportingServer(new ReportingServerConfig("127.0.0.1", 0, warehouse)
                .withSecurity(security.apply(SecurityConfig.demo())), extraComponents);
        server.start();
    }

    @Override
    public void afterEach(ExtensionContext context)
    {
        try {
            server.close();
        }
        finally {
            deleteRecursively(warehouse);
        }
    }

    public ReportingServer server()
    {
        return server;
    }

    public Path warehouse()
    {
        return warehouse;
    }

    public ApiClient anonymous()
    {
        return new ApiClient(server.uri());
    }

    /** A client logged in as the demo user of the role. */
    public ApiClient as(Role role)
    {
        return anonymous().loggedInAs(role);
    }

    private static void deleteRecursively(Path root)
    {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the test warehouse " + root, e);
        }
    }
}
