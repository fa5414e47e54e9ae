package io.admitto.launcher;

import io.admitto.api.server.ReportingServer;
import io.admitto.api.server.ReportingServerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code admitto serve}: the API and dashboards over an existing warehouse, until Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the reporting API and dashboards over a warehouse of Parquet tables until Ctrl-C.")
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--warehouse", required = true, description = "Root folder of the Parquet tables.")
    Path warehouse;

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--host", defaultValue = ReportingServerConfig.DEFAULT_HOST,
            description = "Address to bind (default: ${DEFAULT-VALUE}). Put a TLS proxy in front before opening it to a network.")
    String host;

    @Mixin
    SecurityOptions security;

    @Mixin
    DataOptions data;

    @Override
    public Integer call() throws InterruptedException {
        Console console = new Console(System.out);
        ShutdownSignal shutdown = new ShutdownSignal();
        try {
            ReportingServerConfig config = new ReportingServerConfig(host, port, warehouse.toAbsolutePath()).withSecurity(security.toConfig());
            if (security.stateDirectory != null) {
                config = config.withStateDirectory(security.stateDirectory);
            }
            config = data.applyTo(config);
            try (ReportingServer server = Servers.start(config)) {
                console.ready(server.uri());
                shutdown.await();
                console.info("Stopping...");
            }
            console.info("Stopped.");
            return 0;
        }
        finally {
            shutdown.stopped();
        }
    }
}
