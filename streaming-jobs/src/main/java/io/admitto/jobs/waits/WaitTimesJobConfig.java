package io.admitto.jobs.waits;

import io.admitto.jobs.common.JobArguments;
import io.admitto.jobs.common.JobSettings;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * Settings of the wait-times job.
 *
 * @param visitHorizon how long after a visit's first step its row is written when no departure is reported
 * @param closedRetention how long a finished visit is remembered, so repeated events cannot measure it again
 * @param targets service-level targets per phase and department
 */
public record WaitTimesJobConfig(JobSettings settings, Duration visitHorizon, Duration closedRetention, WaitTargets targets) {
    public static final Duration DEFAULT_VISIT_HORIZON = Duration.ofDays(2);
    public static final Duration DEFAULT_CLOSED_RETENTION = Duration.ofDays(1);

    public WaitTimesJobConfig {
        requireNonNull(settings, "settings is null");
        requireNonNull(visitHorizon, "visitHorizon is null");
        requireNonNull(closedRetention, "closedRetention is null");
        requireNonNull(targets, "targets is null");
    }

    public WaitTimesJobConfig(JobSettings settings) {
        this(settings, DEFAULT_VISIT_HORIZON, DEFAULT_CLOSED_RETENTION, WaitTargets.defaults());
    }

    /** The common options of {@link JobSettings#from}, {@code --visit-horizon} and {@code --closed-retention}. */
    public static WaitTimesJobConfig from(JobArguments arguments) {
        return new WaitTimesJobConfig(
                JobSettings.from(arguments, WaitTimesJob.DEFAULT_GROUP_ID),
                arguments.duration("visit-horizon").orElse(DEFAULT_VISIT_HORIZON),
                arguments.duration("closed-retention").orElse(DEFAULT_CLOSED_RETENTION),
                WaitTargets.defaults());
    }
}
