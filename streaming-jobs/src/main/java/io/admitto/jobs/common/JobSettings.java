package io.admitto.jobs.common;

import java.time.Duration;
import java.util.OptionalInt;

import static java.util.Objects.requireNonNull;

/**
 * What every streaming job of the platform needs to know to run: where the events are, where the
 * tables go, and how it keeps time and recovers. Job-specific knobs live in each job's own config.
 *
 * @param bootstrapServers Kafka bootstrap servers
 * @param groupId consumer group; the job resumes from the offsets it committed under this group
 * @param warehouse root of the tables: an absolute local path or any Flink file system URI
 *        ({@code file:///…}, {@code s3://…}); each table is a folder below it
 * @param bounded read up to the offsets that are latest when the job starts, then finish (a backfill);
 *        otherwise run until cancelled
 * @param checkpointInterval how often state is checkpointed; also how often Parquet files are committed
 *        and offsets are committed to Kafka, so it bounds the end-to-end latency of the tables
 * @param checkpointDirectory where checkpoints are written (any Flink file system URI); by default
 *        {@code <warehouse>/_checkpoints/<groupId>} — Hive and Trino skip folders starting with
 *        {@code _}. Never left to Flink's default, which keeps checkpoints in the JobManager's heap
 *        and fails once the job's state passes 5 MB
 * @param maxOutOfOrderness how far behind the newest event time of a partition an event may arrive
 *        and still be counted
 * @param idleTimeout a partition without records for this long stops holding back event time
 * @param parallelism the job's parallelism, or empty to leave it to the cluster ({@code flink run -p})
 * @param restartAttempts restarts after a failure before the job fails for good; 0 for none
 * @param restartDelay pause before each restart
 */
public record JobSettings(
        String bootstrapServers,
        String groupId,
        String warehouse,
        boolean bounded,
        Duration checkpointInterval,
        String checkpointDirectory,
        Duration maxOutOfOrderness,
        Duration idleTimeout,
        OptionalInt parallelism,
        int restartAttempts,
        Duration restartDelay) {

    public static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofSeconds(10);
    public static final Duration DEFAULT_MAX_OUT_OF_ORDERNESS = Duration.ofMinutes(5);
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(1);
    public static final int DEFAULT_RESTART_ATTEMPTS = 3;
    public static final Duration DEFAULT_RESTART_DELAY = Duration.ofSeconds(10);

    public JobSettings {
        requireNonBlank(bootstrapServers, "bootstrapServers");
        requireNonBlank(groupId, "groupId");
        requireNonBlank(warehouse, "warehouse");
        requirePositive(checkpointInterval, "checkpointInterval");
        requireNonBlank(checkpointDirectory, "checkpointDirectory");
        requireNonNull(maxOutOfOrderness, "maxOutOfOrderness is null");
        if (maxOutOfOrderness.isNegative()) {
            throw new IllegalArgumentException("maxOutOfOrderness is negative: " + maxOutOfOrderness);
        }
        requirePositive(idleTimeout, "idleTimeout");
        requireNonNull(parallelism, "parallelism is null");
        if (parallelism.isPresent() && parallelism.getAsInt() < 1) {
            throw new IllegalArgumentException("parallelism must be positive: " + parallelism.getAsInt());
        }
        if (restartAttempts < 0) {
            throw new IllegalArgumentException("restartAttempts is negative: " + restartAttempts);
        }
        requireNonNull(restartDelay, "restartDelay is null");
        if (restartDelay.isNegative()) {
            throw new IllegalArgumentException("restartDelay is negative: " + restartDelay);
        }
    }

    /** An unbounded job with the default timing and recovery settings. */
    public static JobSettings of(String bootstrapServers, String groupId, String warehouse) {
        return new JobSettings(bootstrapServers, groupId, warehouse, false, DEFAULT_CHECKPOINT_INTERVAL,
                defaultCheckpointDirectory(warehouse, groupId), DEFAULT_MAX_OUT_OF_ORDERNESS, DEFAULT_IDLE_TIMEOUT, OptionalInt.empty(),
                DEFAULT_RESTART_ATTEMPTS, DEFAULT_RESTART_DELAY);
    }

    /**
     * Reads {@code --bootstrap}, {@code --warehouse} (both required), {@code --group},
     * {@code --bounded}, {@code --checkpoint-interval}, {@code --checkpoint-dir}, {@code --max-out-of-orderness},
     * {@code --idle-timeout}, {@code --parallelism}, {@code --restart-attempts} and
     * {@code --restart-delay}.
     */
    public static JobSettings from(JobArguments arguments, String defaultGroupId) {
        JobSettings defaults = of(arguments.required("bootstrap"),
                arguments.string("group").orElse(defaultGroupId),
                arguments.required("warehouse"));
        return new JobSettings(
                defaults.bootstrapServers(),
                defaults.groupId(),
                defaults.warehouse(),
                arguments.flag("bounded"),
                arguments.duration("checkpoint-interval").orElse(DEFAULT_CHECKPOINT_INTERVAL),
                arguments.string("checkpoint-dir").orElse(defaults.checkpointDirectory()),
                arguments.duration("max-out-of-orderness").orElse(DEFAULT_MAX_OUT_OF_ORDERNESS),
                arguments.duration("idle-timeout").orElse(DEFAULT_IDLE_TIMEOUT),
                arguments.integer("parallelism").map(OptionalInt::of).orElse(OptionalInt.empty()),
                arguments.integer("restart-attempts").orElse(DEFAULT_RESTART_ATTEMPTS),
                arguments.duration("restart-delay").orElse(DEFAULT_RESTART_DELAY));
    }

    public JobSettings withBounded(boolean bounded) {
        return new JobSettings(bootstrapServers, groupId, warehouse, bounded, checkpointInterval,
                checkpointDirectory, maxOutOfOrderness, idleTimeout, parallelism, restartAttempts, restartDelay);
    }

    public JobSettings withCheckpointDirectory(String checkpointDirectory) {
        return new JobSettings(bootstrapServers, groupId, warehouse, bounded, checkpointInterval,
                checkpointDirectory, maxOutOfOrderness, idleTimeout, parallelism, restartAttempts, restartDelay);
    }

    public JobSettings withCheckpointInterval(Duration checkpointInterval) {
        return new JobSettings(bootstrapServers, groupId, warehouse, bounded, checkpointInterval,
                checkpointDirectory, maxOutOfOrderness, idleTimeout, parallelism, restartAttempts, restartDelay);
    }

    public JobSettings withMaxOutOfOrderness(Duration maxOutOfOrderness) {
        return new JobSettings(bootstrapServers, groupId, warehouse, bounded, checkpointInterval,
                checkpointDirectory, maxOutOfOrderness, idleTimeout, parallelism, restartAttempts, restartDelay);
    }

    public JobSettings withIdleTimeout(Duration idleTimeout) {
        return new JobSettings(bootstrapServers, groupId, warehouse, bounded, checkpointInterval,
                checkpointDirectory, maxOutOfOrderness, idleTimeout, parallelism, restartAttempts, restartDelay);
    }

    public JobSettings withParallelism(int parallelism) {
        return new JobSettings(bootstrapServers, groupId, warehouse, bounded, checkpointInterval,
                checkpointDirectory, maxOutOfOrderness, idleTimeout, OptionalInt.of(parallelism), restartAttempts, restartDelay);
    }

    public JobSettings withRestarts(int restartAttempts, Duration restartDelay) {
        return new JobSettings(bootstrapServers, groupId, warehouse, bounded, checkpointInterval,
                checkpointDirectory, maxOutOfOrderness, idleTimeout, parallelism, restartAttempts, restartDelay);
    }

    /** {@code <warehouse>/_checkpoints/<groupId>}: one folder per job, beside the tables. */
    public static String defaultCheckpointDirectory(String warehouse, String groupId) {
        requireNonBlank(warehouse, "warehouse");
        return (warehouse.endsWith("/") ? warehouse : warehouse + "/") + "_checkpoints/" + groupId;
    }

    private static void requireNonBlank(String value, String name) {
        requireNonNull(value, name + " is null");
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " is blank");
        }
    }

    private static void requirePositive(Duration value, String name) {
        requireNonNull(value, name + " is null");
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
