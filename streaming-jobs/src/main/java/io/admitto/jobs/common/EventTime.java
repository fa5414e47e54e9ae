package io.admitto.jobs.common;

import io.admitto.events.CanonicalEvent;
import org.apache.flink.api.common.eventtime.TimestampAssigner;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.types.Either;

import java.time.Duration;

/** Event time of the platform: the instant in {@link CanonicalEvent#eventTime()}, in milliseconds. */
public final class EventTime {
    private EventTime() {}

    public static long millis(CanonicalEvent event) {
        return event.eventTime().toInstant().toEpochMilli();
    }

    /**
     * Watermarks that trail the newest event time of each Kafka partition by {@code maxOutOfOrderness}.
     * A dead letter has no event time; it gets {@link TimestampAssigner#NO_TIMESTAMP}, which never
     * advances a watermark (its Kafka timestamp is the time of publishing, which for a backfill lies far
     * ahead of the events and would make all of them late). A partition that stays silent for
     * {@code idleTimeout} is marked idle so that it does not hold event time back for the others.
     */
    public static WatermarkStrategy<Either<DeadLetter, CanonicalEvent>> watermarks(Duration maxOutOfOrderness, Duration idleTimeout) {
        return WatermarkStrategy.<Either<DeadLetter, CanonicalEvent>>forBoundedOutOfOrderness(maxOutOfOrderness)
                .withTimestampAssigner((record, kafkaTimestamp) ->
                        record.isRight() ? millis(record.right()) : TimestampAssigner.NO_TIMESTAMP)
                .withIdleness(idleTimeout);
    }
}
