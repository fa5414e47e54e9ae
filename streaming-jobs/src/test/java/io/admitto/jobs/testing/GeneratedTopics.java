package io.admitto.jobs.testing;

import io.admitto.events.CanonicalEvent;
import io.admitto.events.EventJson;
import io.admitto.events.Topic;
import io.admitto.ingest.generator.GeneratorConfig;
import io.admitto.ingest.generator.GroundTruth;
import io.admitto.ingest.generator.HospitalGenerator;
import io.admitto.ingest.kafka.EmbeddedKafkaBroker;
import io.admitto.ingest.kafka.EventPublisher;
import io.admitto.ingest.kafka.TopicAdmin;
import io.admitto.ingest.kafka.TopicSpec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * A real embedded Kafka broker holding every topic, filled by the hospital generator: the input of the
 * job tests and benchmarks, with the generator's ground truth to check them against.
 */
public final class GeneratedTopics implements AutoCloseable {
    private final EmbeddedKafkaBroker broker;
    private final GroundTruth truth;

    private GeneratedTopics(EmbeddedKafkaBroker broker, GroundTruth truth) {
        this.broker = requireNonNull(broker, "broker is null");
        this.truth = requireNonNull(truth, "truth is null");
    }

    /**
     * Starts a broker in {@code directory}, creates every topic and publishes what {@code config}
     * generates; {@code seen} also receives each event, for tests that recompute results independently.
     */
    public static GeneratedTopics publish(Path directory, GeneratorConfig config, Consumer<CanonicalEvent> seen) {
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(EmbeddedKafkaBroker.Config.inDirectory(directory)).start();
        try {
            try (TopicAdmin admin = new TopicAdmin(broker.bootstrapServers(), Duration.ofSeconds(60))) {
                admin.ensureTopics(Arrays.stream(Topic.values()).map(topic -> new TopicSpec(topic.topicName(), Topic.DEFAULT_PARTITIONS)).toList());
            }
            EventJson json = new EventJson();
            GroundTruth truth;
            try (EventPublisher publisher = new EventPublisher(new EventPublisher.Config(broker.bootstrapServers(), "generated-topics"))) {
                truth = new HospitalGenerator(config).generate(event -> {
                    publisher.publish(event.topic().topicName(), event.encounterId(), json.toJsonBytes(event));
                    seen.accept(event);
                });
                publisher.flush();
            }
            return new GeneratedTopics(broker, truth);
        }
        catch (RuntimeException e) {
            broker.close();
            throw e;
        }
    }

    public static GeneratedTopics publish(Path directory, GeneratorConfig config) {
        return publish(directory, config, event -> {});
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    public GroundTruth truth() {
        return truth;
    }

    /** Events of the given topics in the run. */
    public long events(Iterable<Topic> topics) {
        long events = 0;
        for (Topic topic : topics) {
            events += truth.counts().eventsByTopic().getOrDefault(topic.topicName(), 0L);
        }
        return events;
    }

    /** For tests that publish more (malformed records, say) to the same broker. */
    public EventPublisher publisher(String clientId) {
        return new EventPublisher(new EventPublisher.Config(broker.bootstrapServers(), clientId));
    }

    @Override
    public void close() {
        broker.close();
    }
}
