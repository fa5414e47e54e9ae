package io.admitto.api.server;

import java.nio.file.Path;

import static java.util.Objects.requireNonNull;

/**
 * Where the reporting server listens and which warehouse it reads.
 *
 * @param host address to bind; loopback by default, since the API has no authentication yet
 * @param port TCP port; 0 picks a free ephemeral port (see {@link ReportingServer#uri()})
 * @param warehouse root folder of the Parquet tables; it need not exist yet
 */
public record ReportingServerConfig(String host, int port, Path warehouse)
{
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;

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
    }

    /** Loopback on the default port. */
    public static ReportingServerConfig forWarehouse(Path warehouse)
    {
        return new ReportingServerConfig(DEFAULT_HOST, DEFAULT_PORT, warehouse);
    }

    public ReportingServerConfig withHost(String host)
    {
        return new ReportingServerConfig(host, port, warehouse);
    }

    public ReportingServerConfig withPort(int port)
    {
        return new ReportingServerConfig(host, port, warehouse);
    }
}
