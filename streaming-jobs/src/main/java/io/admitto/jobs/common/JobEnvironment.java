package io.admitto.jobs.common;

import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Applies the settings every job shares to a {@link StreamExecutionEnvironment}, whichever way it was
 * created: {@code getExecutionEnvironment()} under {@code flink run}, a local MiniCluster
 * environment in the launcher, or the test environment of {@code MiniClusterExtension}.
 */
public final class JobEnvironment {
    private JobEnvironment() {}

    /** The configuration this class applies; exposed so a launcher can log or merge it. */
    public static Configuration configuration(JobSettings settings) {
        Configuration configuration = new Configuration();
        // Streaming even for a bounded backfill: batch mode would see no late data and commit no Kafka
        // offsets, so a backfill and the live job would not produce the same rows.
        configuration.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.STREAMING);
        configuration.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, settings.checkpointInterval());
        configuration.set(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE, CheckpointingMode.EXACTLY_ONCE);
        configuration.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        configuration.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, withScheme(settings.checkpointDirectory()));
        // Kept when the job is cancelled (not only when it fails), so a stopped or upgraded job resumes
        // from its last checkpoint with `flink run -s <checkpoint>` instead of reprocessing or skipping.
        configuration.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION, ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        // Always explicit: with checkpointing on, Flink's default restarts forever, which turns a
        // broken job into a silent loop.
        if (settings.restartAttempts() == 0) {
            configuration.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        }
        else {
            configuration.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
            configuration.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, settings.restartAttempts());
            configuration.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, settings.restartDelay());
        }
        // Every record and state type has a Flink serializer; a type that would fall back to Kryo
        // fails at submission instead of slowing down (or breaking) checkpoints later.
        configuration.set(PipelineOptions.GENERIC_TYPES, false);
        return configuration;
    }

    /** Flink's checkpoint storage insists on a scheme; a plain path is a local one. */
    static String withScheme(String location) {
        if (new Path(location).toUri().getScheme() != null) {
            return location;
        }
        return java.nio.file.Path.of(location).toAbsolutePath().toUri().toString();
    }

    public static void configure(StreamExecutionEnvironment env, JobSettings settings) {
        env.configure(configuration(settings));
        settings.parallelism().ifPresent(env::setParallelism);
    }
}
