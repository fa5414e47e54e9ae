package io.admitto.launcher;

import io.admitto.api.security.DemoUsers;
import io.admitto.api.security.SecurityConfig;
import io.admitto.api.server.ReportingServer;
import io.admitto.api.server.ReportingServerConfig;
import io.admitto.dashboards.page.DashboardPagesResource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code admitto demo}: everything on one machine. The first start generates the health system and runs
 * it through Kafka and Flink into Parquet; every start then serves the API and dashboards until Ctrl-C.
 * What was committed stays in the warehouse, so a second start serves it again without regenerating.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run everything embedded: generate, Kafka, Flink, Parquet, API and dashboards. Ctrl-C stops.")
final class DemoCommand implements Callable<Integer> {
    @Mixin
    GeneratorOptions generator;

    @Mixin
    PipelineOptions pipeline;

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--warehouse", defaultValue = "admitto-data/warehouse",
            description = "Root folder of the Parquet tables (default: ${DEFAULT-VALUE}).")
    Path warehouse;

    @Override
    public Integer call() throws Exception {
        Console console = new Console(System.out);
        Path root = warehouse.toAbsolutePath();
        ShutdownSignal shutdown = new ShutdownSignal();
        try {
            if (Backfill.hasTables(root)) {
                console.info("Serving the tables already in " + root + " (delete that folder to generate anew).");
            }
            else {
                console.info("First start: generating " + generator.days + " days of a " + generator.facilities
                        + "-facility health system (seed " + generator.seed + ") into " + root);
                new Backfill(generator.toConfig(), root, pipeline.parallelism, pipeline.checkpointInterval, console).run();
            }
            ReportingServerConfig config = new ReportingServerConfig(ReportingServerConfig.DEFAULT_HOST, port, root)
                    .withSecurity(SecurityConfig.demo());
            try (ReportingServer server = Servers.start(config)) {
                console.ready(server.uri());
                DashboardPagesResource.PAGES.forEach((path, purpose) -> console.info(String.format("  %-44s %s", server.uri().resolve("/" + path), purpose)));
                console.info("Demo logins (bound to 127.0.0.1 only; synthetic data):");
                for (DemoUsers.DemoLogin login : DemoUsers.logins()) {
                    console.info(String.format("  %-8s password %-13s role %s", login.name(), login.password(), login.role().wireName()));
                }
                console.info("Ctrl-C stops.");
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
