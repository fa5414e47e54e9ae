package io.admitto.jobs.common;

import io.admitto.events.CanonicalEvent;
import org.apache.flink.streaming.api.datastream.DataStream;

import static java.util.Objects.requireNonNull;

/**
 * What a job reads from Kafka: the canonical events that are on time, with event-time timestamps and
 * watermarks; the records that could not be read as events (already counted and logged); and the
 * events that arrived behind the watermark.
 */
public record ConsumedEvents(DataStream<CanonicalEvent> events, DataStream<DeadLetter> deadLetters, DataStream<LateEvent> lateEvents) {
    public ConsumedEvents {
        requireNonNull(events, "events is null");
        requireNonNull(deadLetters, "deadLetters is null");
        requireNonNull(lateEvents, "lateEvents is null");
    }
}
