package io.admitto.jobs.flow;

import io.admitto.jobs.common.JobArguments;
import io.admitto.jobs.common.JobSettings;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * Settings of the department-flow job.
 *
 * @param waitStateRetention how long (in event time) an encounter's arrival waits for its registration
 *        to complete, and how long a measured encounter remembers that it was measured so that a
 *        repeated event cannot measure it again. A wait longer than this is not sampled.
 */
public record FlowJobConfig(JobSettings settings, Duration waitStateRetention) {
    public static final Duration DEFAULT_WAIT_STATE_RETENTION = Duration.ofDays(1);

    public FlowJobConfig {
        requireNonNull(settings, "settings is null");
        requireNonNull(waitStateRetention, "waitStateRetention is null");
        if (waitStateRetention.isNegative() || waitStateRetention.isZero()) {
            throw new IllegalArgumentException("waitStateRetention must be positive: " + waitStateRetention);
        }
    }

    public FlowJobConfig(JobSettings settings) {
        this(settings, DEFAULT_WAIT_STATE_RETENTION);
    }

    /** The common options of {@link JobSettings#from} and {@code --wait-state-retention}. */
    public static FlowJobConfig from(JobArguments arguments) {
        return new FlowJobConfig(
                JobSettings.from(arguments, DepartmentFlowJob.DEFAULT_GROUP_ID),
                arguments.duration("wait-state-retention").orElse(DEFAULT_WAIT_STATE_RETENTION));
    }
}
