package io.admitto.launcher;

import io.admitto.events.CanonicalEvent;
import io.admitto.events.EventJson;
import io.admitto.ingest.generator.EventSink;
import io.admitto.ingest.kafka.EventPublisher;

import static java.util.Objects.requireNonNull;

/** Generated events onto their topics, keyed by encounter, through the shared idempotent publisher. */
final class KafkaEventSink implements EventSink {
    private final EventPublisher publisher;
    private final EventJson json;

    KafkaEventSink(EventPublisher publisher, EventJson json) {
        this.publisher = requireNonNull(publisher, "publisher is null");
        this.json = requireNonNull(json, "json is null");
    }

    @Override
    public void accept(CanonicalEvent event) {
        publisher.publish(event.topic().topicName(), event.encounterId(), json.toJsonBytes(event));
    }

    @Override
    public void close() {
        publisher.flush();
    }
}
