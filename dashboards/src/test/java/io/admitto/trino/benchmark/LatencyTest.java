package io.admitto.trino.benchmark;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LatencyTest
{
    @Test
    void theMedianOfAnOddCountIsTheMiddleRunAndMaxTheLongest()
    {
        Latency latency = new Latency(List.of(Duration.ofMillis(900), Duration.ofMillis(300), Duration.ofMillis(500)));

        assertThat(latency.median()).isEqualTo(Duration.ofMillis(500));
        assertThat(latency.max()).isEqualTo(Duration.ofMillis(900));
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheTwoMiddleRuns()
    {
        Latency latency = new Latency(List.of(Duration.ofMillis(400), Duration.ofMillis(100), Duration.ofMillis(1_000), Duration.ofMillis(200)));

        assertThat(latency.median()).isEqualTo(Duration.ofMillis(300));
    }

    @Test
    void needsATimedRun()
    {
        assertThatThrownBy(() -> new Latency(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
