package io.admitto.jobs.common;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobArgumentsTest {
    @Test
    void readsEveryCommonOption() {
        JobArguments arguments = JobArguments.parse(
                "--bootstrap", "kafka-1:9092,kafka-2:9092",
                "--warehouse", "s3://lake/admitto",
                "--group", "backfill-7",
                "--bounded",
                "--checkpoint-interval", "500 ms",
                "--checkpoint-dir", "s3://state/admitto",
                "--max-out-of-orderness", "2 min",
                "--idle-timeout", "30s",
                "--parallelism", "4",
                "--restart-attempts", "0",
                "--restart-delay", "1s");

        JobSettings settings = JobSettings.from(arguments, "default-group");
        arguments.rejectUnread();

        assertThat(settings).isEqualTo(new JobSettings("kafka-1:9092,kafka-2:9092", "backfill-7", "s3://lake/admitto", true,
                Duration.ofMillis(500), "s3://state/admitto", Duration.ofMinutes(2), Duration.ofSeconds(30), OptionalInt.of(4), 0, Duration.ofSeconds(1)));
    }

    @Test
    void leavesTheRestToDefaults() {
        JobSettings settings = JobSettings.from(JobArguments.parse("--bootstrap", "127.0.0.1:9092", "--warehouse", "/data/wh"), "flow");

        assertThat(settings).isEqualTo(JobSettings.of("127.0.0.1:9092", "flow", "/data/wh"));
        assertThat(settings.bounded()).isFalse();
        assertThat(settings.checkpointInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.checkpointDirectory()).isEqualTo("/data/wh/_checkpoints/flow");
        assertThat(settings.maxOutOfOrderness()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.parallelism()).isEmpty();
        assertThat(settings.restartAttempts()).isEqualTo(3);
    }

    @Test
    void aSwitchMayAlsoBeSpelledOut() {
        assertThat(JobArguments.parse("--bounded", "false").flag("bounded")).isFalse();
        assertThat(JobArguments.parse("--bounded", "true").flag("bounded")).isTrue();
        assertThat(JobArguments.parse("--bounded").flag("bounded")).isTrue();
        assertThat(JobArguments.parse().flag("bounded")).isFalse();
    }

    @Test
    void refusesAnOptionNoOneReads() {
        JobArguments arguments = JobArguments.parse("--bootstrap", "b:9092", "--warehouse", "/wh", "--bounde");
        JobSettings.from(arguments, "flow");

        assertThatThrownBy(arguments::rejectUnread).hasMessage("Unknown options: --bounde");
    }

    @Test
    void refusesMissingRequiredOptionsAndMalformedValues() {
        assertThatThrownBy(() -> JobSettings.from(JobArguments.parse("--warehouse", "/wh"), "flow"))
                .hasMessage("Missing required option --bootstrap");
        assertThatThrownBy(() -> JobSettings.from(JobArguments.parse("--bootstrap", "b", "--warehouse", "/wh", "--parallelism", "two"), "flow"))
                .hasMessage("--parallelism is not an integer: two");
        assertThatThrownBy(() -> JobSettings.from(JobArguments.parse("--bootstrap", "b", "--warehouse", "/wh", "--parallelism", "0"), "flow"))
                .hasMessage("parallelism must be positive: 0");
        assertThatThrownBy(() -> JobSettings.from(JobArguments.parse("--bootstrap", "b", "--warehouse", "/wh", "--checkpoint-interval", "soon"), "flow"))
                .hasMessageStartingWith("--checkpoint-interval is not a duration: soon");
        assertThatThrownBy(() -> JobArguments.parse("bootstrap", "b")).hasMessage("Expected an option --name, got: bootstrap");
        assertThatThrownBy(() -> JobArguments.parse("--group", "a", "--group", "b")).hasMessage("Option given twice: --group");
    }
}
