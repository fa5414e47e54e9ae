package io.admitto.ingest.kafka;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

/**
 * The one Kafka producer every source adapter publishes through: keys are encounter ids, values
 * are UTF-8 JSON.
 *
 * <p>Publishing is asynchronous. The producer is idempotent with {@code acks=all}, so retries
 * neither duplicate nor reorder the records of one key. A record that still fails is never
 * dropped silently: the first failure is kept, and from then on {@link #publish}, {@link #flush}
 * and {@link #close} throw {@link EventPublishException}. Publishing stops at the first failure
 * because records of the same key sent after it would land behind a gap.
 *
 * <p>Create topics with {@link TopicAdmin} before publishing to them: it returns only once the
 * partitions are served, which a Kafka 4.2 broker needs to keep the first batch sent to a brand-new
 * partition from getting stuck (KAFKA-15591).
 *
 * <p>Thread-safe; share one instance.
 */
public final class EventPublisher
        implements AutoCloseable
{
    /** Settings an adapter must not change: they fix the record types this class sends. */
    private static final Set<String> FIXED_PROPERTIES = Set.of(
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);

    /**
     * @param bootstrapServers the cluster to publish to
     * @param clientId names this producer in broker logs and metrics
     * @param extraProperties producer settings applied over the defaults of this class
     */
    public record Config(String bootstrapServers, String clientId, Map<String, String> extraProperties)
    {
        public Config
        {
            requireNonNull(bootstrapServers, "bootstrapServers is null");
            requireNonNull(clientId, "clientId is null");
            extraProperties = Map.copyOf(requireNonNull(extraProperties, "extraProperties is null"));
            for (String fixed : FIXED_PROPERTIES) {
                if (extraProperties.containsKey(fixed)) {
                    throw new IllegalArgumentException(fixed + " cannot be overridden");
                }
            }
        }

        public Config(String bootstrapServers, String clientId)
        {
            this(bootstrapServers, clientId, Map.of());
        }
    }

    private record Failure(String topic, Exception exception) {}

    private final KafkaProducer<String, byte[]> producer;
    private final ConcurrentMap<String, LongAdder> publishedByTopic = new ConcurrentHashMap<>();
    private final LongAdder failed = new LongAdder();
    private final AtomicReference<Failure> firstFailure = new AtomicReference<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    public EventPublisher(Config config)
    {
        requireNonNull(config, "config is null");
        this.producer = new KafkaProducer<>(producerProperties(config), new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * The producer settings for {@code config}: the defaults of this class, then the extra properties.
     */
    static Map<String, Object> producerProperties(Config config)
    {
        Map<String, Object> properties = new HashMap<>();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, config.clientId());
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        // Five is the most the idempotent producer allows while still keeping per-partition order.
        properties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        properties.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        properties.putAll(config.extraProperties());
        return properties;
    }

    /** Publishes {@code value}, UTF-8 encoded, under {@code key} (the encounter id). */
    public void publish(String topic, String key, String value)
    {
        publish(topic, key, requireNonNull(value, "value is null").getBytes(UTF_8));
    }

    /**
     * Hands one record to the producer and returns without waiting for the broker; may block while
     * the producer's buffer is full or the topic's metadata is unknown (up to {@code max.block.ms}).
     *
     * @throws EventPublishException if an earlier record failed, or this one cannot be sent
     */
    public void publish(String topic, String key, byte[] value)
    {
        requireNonNull(topic, "topic is null");
        requireNonNull(key, "key is null");
        requireNonNull(value, "value is null");
        throwIfFailed();
        try {
            producer.send(new ProducerRecord<>(topic, key, value), (metadata, exception) -> {
                if (exception == null) {
                    publishedByTopic.computeIfAbsent(topic, ignored -> new LongAdder()).increment();
                }
                else {
                    recordFailure(topic, exception);
                }
            });
        }
        catch (KafkaException e) {
            recordFailure(topic, e);
            throw new EventPublishException(topic, e);
        }
    }

    /**
     * Waits until every record handed to {@link #publish} so far is acknowledged or has failed.
     *
     * @throws EventPublishException if any record published through this instance failed
     */
    public void flush()
    {
        producer.flush();
        throwIfFailed();
    }

    /** Records of {@code topic} the broker has acknowledged. */
    public long publishedCount(String topic)
    {
        LongAdder count = publishedByTopic.get(requireNonNull(topic, "topic is null"));
        return count == null ? 0 : count.sum();
    }

    /** Acknowledged records per topic, sorted by topic name; a snapshot. */
    public Map<String, Long> publishedCounts()
    {
        Map<String, Long> counts = new TreeMap<>();
        publishedByTopic.forEach((topic, count) -> counts.put(topic, count.sum()));
        return counts;
    }

    /** Records that could not be published. */
    public long failedCount()
    {
        return failed.sum();
    }

    /**
     * Sends what is buffered, waits for it (bounded by {@code delivery.timeout.ms}) and releases the
     * producer. Calling it again does nothing.
     *
     * @throws EventPublishException if any record published through this instance failed
     */
    @Override
    public void close()
    {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        producer.close();
        throwIfFailed();
    }

    private void recordFailure(String topic, Exception exception)
    {
        failed.increment();
        firstFailure.compareAndSet(null, new Failure(topic, exception));
    }

    private void throwIfFailed()
    {
        Failure failure = firstFailure.get();
        if (failure != null) {
            throw new EventPublishException(failure.topic(), failure.exception());
        }
    }
}
