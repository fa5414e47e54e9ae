package io.admitto.jobs.common;

import io.admitto.events.CanonicalEvent;
import io.admitto.events.EventType;
import io.admitto.jobs.testing.TestEvents;
import org.apache.flink.api.common.eventtime.TimestampAssigner;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.types.Either;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class EventTimeTest {
    @Test
    void eventTimeIsTheInstantWhateverTheSendersOffset() {
        CanonicalEvent chicago = TestEvents.flow(EventType.FLOW_ARRIVED, "a", "E1", "F01", "ED", "2026-03-02T02:15:00.250-06:00");

        assertThat(EventTime.millis(chicago)).isEqualTo(Instant.parse("2026-03-02T08:15:00.250Z").toEpochMilli());
    }

    @Test
    void deadLettersCarryNoTimestampSoTheyNeverMoveTheWatermark() {
        TimestampAssigner<Either<DeadLetter, CanonicalEvent>> assigner = EventTime.watermarks(Duration.ofMinutes(5), Duration.ofMinutes(1))
                .createTimestampAssigner(UnregisteredMetricsGroup::new);
        Either<DeadLetter, CanonicalEvent> deadLetter = Either.Left(new DeadLetter("admitto.flow", 0, 1, Instant.parse("2026-11-27T00:00:00Z").toEpochMilli(), "bad", "x"));

        assertThat(assigner.extractTimestamp(deadLetter, Instant.parse("2026-11-27T00:00:00Z").toEpochMilli()))
                .isEqualTo(TimestampAssigner.NO_TIMESTAMP);
    }
}
