package io.admitto.launcher;

import picocli.CommandLine.Option;

import java.time.Duration;

/** How the embedded Flink MiniCluster runs the jobs. */
final class PipelineOptions {
    @Option(names = "--parallelism", defaultValue = "2", description = "Flink parallelism in the MiniCluster (default: ${DEFAULT-VALUE}).")
    int parallelism;

    @Option(names = "--checkpoint-interval", defaultValue = "PT2S",
            description = "Flink checkpoint interval, ISO-8601 (default: ${DEFAULT-VALUE}); Parquet files and Kafka offsets are committed with each checkpoint.")
    Duration checkpointInterval;
}
