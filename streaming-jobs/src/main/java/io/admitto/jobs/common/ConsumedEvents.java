package io.admitto.jobs.common;

import io.admitto.events.CanonicalEvent;
import org.apache.flink.streaming.api.datastream.DataStream;

import static java.util.Objects.requireNonNull;

/**
 * What a job reads from Kafka: the canonical events, with event-time timestamps and watermarks, and
 * the records that could not be read as events (already counted and logged).
 */
public record ConsumedEvents(DataStream<CanonicalEvent> events, DataStream<DeadLetter> deadLetters) {
    public ConsumedEvents {
        requireNonNull(events, "events is null");
        requireNonNull(deadLetters, "deadLetters is null");
    }
}
