package io.admitto.dashboards.testing;

import io.admitto.api.audit.AuditLog;
import io.admitto.api.server.ReportingServer;
import io.admitto.api.testing.RecordingAuditLog;
import io.admitto.api.testing.TestServers;
import io.admitto.dashboards.DashboardsFeature;
import org.glassfish.jersey.inject.hk2.AbstractBinder;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The reporting API with the dashboards over a warehouse, as {@code admitto serve} runs it, with the test
 * users of {@link TestServers} (the demo user of each role among them) and an audit log the test can read
 * (the durable one is bound by the security feature once it is merged).
 */
public final class DashboardServer
        implements AutoCloseable
{
    private final ReportingServer server;
    private final RecordingAuditLog audit = new RecordingAuditLog();

    public DashboardServer(Path warehouse, Path stateDirectory)
    {
        var config = TestServers.config(warehouse, stateDirectory);
        server = new ReportingServer(config, TestServers.openEngine(config), List.of(new DashboardsFeature(), new AbstractBinder()
        {
            @Override
            protected void configure()
            {
                bind(audit).to(AuditLog.class);
            }
        }), Clock.systemUTC());
        try {
            server.start();
        }
        catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    public URI uri()
    {
        return server.uri();
    }

    public RecordingAuditLog audit()
    {
        return audit;
    }

    @Override
    public void close()
    {
        server.close();
    }

    /** docs/screenshots of the repository the tests run in, found upwards from the working directory. */
    public static Path screenshotFolder()
    {
        for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
            if (directory.resolve("docs").resolve("architecture.md").toFile().isFile()) {
                return directory.resolve("docs").resolve("screenshots");
            }
        }
        throw new IllegalStateException("No docs/architecture.md above " + Path.of("").toAbsolutePath());
    }
}
