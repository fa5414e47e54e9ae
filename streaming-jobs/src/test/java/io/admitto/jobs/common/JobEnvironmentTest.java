package io.admitto.jobs.common;

import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class JobEnvironmentTest {
    private final JobSettings settings = JobSettings.of("127.0.0.1:9092", "group", "/wh");

    @Test
    void checkpointsExactlyOnceAtTheConfiguredInterval() {
        Configuration configuration = JobEnvironment.configuration(settings.withCheckpointInterval(Duration.ofMillis(500)));

        assertThat(configuration.get(CheckpointingOptions.CHECKPOINTING_INTERVAL)).isEqualTo(Duration.ofMillis(500));
        assertThat(configuration.get(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE)).isEqualTo(CheckpointingMode.EXACTLY_ONCE);
    }

    @Test
    void checkpointsGoToFilesBesideTheTablesUnlessToldOtherwise() {
        Configuration byDefault = JobEnvironment.configuration(settings);
        Configuration elsewhere = JobEnvironment.configuration(settings.withCheckpointDirectory("s3://state/flow"));

        assertThat(byDefault.get(CheckpointingOptions.CHECKPOINT_STORAGE)).isEqualTo("filesystem");
        assertThat(byDefault.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY)).isEqualTo("file:///wh/_checkpoints/group");
        assertThat(elsewhere.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY)).isEqualTo("s3://state/flow");
    }

    @Test
    void restartStrategyIsAlwaysExplicit() {
        Configuration fixedDelay = JobEnvironment.configuration(settings.withRestarts(2, Duration.ofSeconds(3)));
        Configuration none = JobEnvironment.configuration(settings.withRestarts(0, Duration.ZERO));

        assertThat(fixedDelay.get(RestartStrategyOptions.RESTART_STRATEGY)).isEqualTo("fixed-delay");
        assertThat(fixedDelay.get(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS)).isEqualTo(2);
        assertThat(fixedDelay.get(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY)).isEqualTo(Duration.ofSeconds(3));
        assertThat(none.get(RestartStrategyOptions.RESTART_STRATEGY)).isEqualTo("none");
    }

    @Test
    void neverFallsBackToKryo() {
        assertThat(JobEnvironment.configuration(settings).get(PipelineOptions.GENERIC_TYPES)).isFalse();
    }
}
