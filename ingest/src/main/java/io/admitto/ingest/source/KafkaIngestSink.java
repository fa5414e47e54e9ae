package io.admitto.ingest.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.admitto.events.CanonicalEvent;
import io.admitto.events.DeadLetter;
import io.admitto.events.EventJson;
import io.admitto.events.Topic;
import io.admitto.ingest.kafka.EventPublisher;

import java.io.UncheckedIOException;

import static java.util.Objects.requireNonNull;

/**
 * Events to their topics keyed by encounter, dead letters to {@link Topic#DEAD_LETTER} keyed by origin,
 * through the shared idempotent publisher. Callers flush the publisher before they acknowledge input
 * (the MLLP ACK, the end of a file), so nothing acknowledged can be lost.
 */
public final class KafkaIngestSink implements IngestSink {
    private final EventPublisher publisher;
    private final EventJson json;
    private final ObjectWriter deadLetterWriter;

    public KafkaIngestSink(EventPublisher publisher, EventJson json) {
        this.publisher = requireNonNull(publisher, "publisher is null");
        this.json = requireNonNull(json, "json is null");
        this.deadLetterWriter = EventJson.newMapper().writerFor(DeadLetter.class);
    }

    @Override
    public void accept(CanonicalEvent event) {
        publisher.publish(event.topic().topicName(), event.encounterId(), json.toJsonBytes(event));
    }

    @Override
    public void deadLetter(DeadLetter deadLetter) {
        try {
            publisher.publish(Topic.DEAD_LETTER.topicName(), deadLetter.key(), deadLetterWriter.writeValueAsBytes(deadLetter));
        }
        catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
