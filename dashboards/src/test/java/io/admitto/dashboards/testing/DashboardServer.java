package io.admitto.dashboards.testing;

import io.admitto.api.audit.AuditLog;
import io.admitto.api.server.ReportingServer;
import io.admitto.api.testing.TestServers;
import io.admitto.dashboards.DashboardsFeature;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The reporting API with the dashboards over a warehouse, as {@code admitto serve} runs it, with the test
 * users of {@link TestServers} (the demo user of each role among them); tests read its durable audit log.
 */
public final class DashboardServer
        implements AutoCloseable
{
    private final ReportingServer server;

    public DashboardServer(Path warehouse, Path stateDirectory)
    {
        var config = TestServers.config(warehouse, stateDirectory);
        server = new ReportingServer(config, TestServers.openEngine(config), List.of(new DashboardsFeature()), Clock.systemUTC());
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

    /** What was recorded so far, oldest first. */
    public List<AuditLog.AuditRecord> auditRecords()
    {
        return server.auditLog().read(1, 10_000).stream().map(AuditLog.AuditEntry::record).toList();
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
