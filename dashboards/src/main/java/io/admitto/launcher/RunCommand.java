package io.admitto.launcher;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code admitto run}: the bounded form of the demo — generate, Kafka, Flink, Parquet, then exit. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Generate events, publish them to an embedded Kafka broker, run the Flink jobs over them "
                + "to the end and commit the Parquet tables; then exit 0. No server.")
final class RunCommand implements Callable<Integer> {
    @Mixin
    GeneratorOptions generator;

    @Mixin
    PipelineOptions pipeline;

    @Option(names = "--warehouse", required = true, description = "Root folder of the Parquet tables (must not hold tables yet).")
    Path warehouse;

    @Override
    public Integer call() throws Exception {
        Console console = new Console(System.out);
        Path root = warehouse.toAbsolutePath();
        if (Backfill.hasTables(root)) {
            throw new IllegalArgumentException("Warehouse " + root + " already holds tables; a second run would count "
                    + "every event twice. Choose an empty folder, or delete this one first.");
        }
        new Backfill(generator.toConfig(), root, pipeline.parallelism, pipeline.checkpointInterval, console).run();
        console.info("Ground truth: " + Backfill.truthFile(root));
        return 0;
    }
}
