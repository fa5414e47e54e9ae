package io.admitto.ingest.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.mapping;
import static java.util.stream.Collectors.toList;
import static java.util.stream.Collectors.toSet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

@TestInstance(PER_CLASS)
final class EventPublisherTest
{
    private static final int KEYS = 20;
    private static final int EVENTS_PER_KEY = 50;

    private EmbeddedKafkaBroker broker;

    @BeforeAll
    void startBroker(@TempDir Path dataDirectory)
    {
        broker = new EmbeddedKafkaBroker(EmbeddedKafkaBroker.Config.inDirectory(dataDirectory)).start();
        try (TopicAdmin topics = new TopicAdmin(broker.bootstrapServers(), Duration.ofSeconds(30))) {
            topics.ensureTopics(List.of(
                    new TopicSpec("ordered", 4),
                    new TopicSpec("counted.registration", 2),
                    new TopicSpec("counted.claims", 2),
                    new TopicSpec("after-close", 1)));
        }
    }

    @AfterAll
    void stopBroker()
    {
        broker.close();
    }

    @Test
    void deliversEveryRecordOnceAndInPublishOrderPerKey()
    {
        try (EventPublisher publisher = publisher(Map.of())) {
            // Interleave keys, as events of concurrent encounters arrive.
            for (int sequence = 0; sequence < EVENTS_PER_KEY; sequence++) {
                for (int key = 0; key < KEYS; key++) {
                    publisher.publish("ordered", "encounter-" + key, "{\"sequence\":" + sequence + ",\"patient\":\"Zoë Ångström\"}");
                }
            }
            publisher.flush();
            assertThat(publisher.publishedCount("ordered")).isEqualTo(KEYS * EVENTS_PER_KEY);
        }

        List<ConsumerRecord<String, String>> records = TestConsumers.consumeAndCommit(broker.bootstrapServers(), "ordered-reader", List.of("ordered"), KEYS * EVENTS_PER_KEY);

        assertThat(records).hasSize(KEYS * EVENTS_PER_KEY);
        Map<String, List<String>> valuesByKey = records.stream().collect(groupingBy(ConsumerRecord::key, mapping(ConsumerRecord::value, toList())));
        assertThat(valuesByKey).hasSize(KEYS);
        List<String> expectedPerKey = IntStream.range(0, EVENTS_PER_KEY)
                .mapToObj(sequence -> "{\"sequence\":" + sequence + ",\"patient\":\"Zoë Ångström\"}")
                .toList();
        valuesByKey.forEach((key, values) -> assertThat(values).as("values of %s", key).containsExactlyElementsOf(expectedPerKey));
        Map<String, Set<Integer>> partitionsByKey = records.stream().collect(groupingBy(ConsumerRecord::key, mapping(ConsumerRecord::partition, toSet())));
        partitionsByKey.forEach((key, partitions) -> assertThat(partitions).as("partitions of %s", key).hasSize(1));
        assertThat(partitionsByKey.values().stream().flatMap(Set::stream).distinct()).as("keys spread over partitions").hasSizeGreaterThan(1);
    }

    @Test
    void countsAcknowledgedRecordsPerTopic()
    {
        try (EventPublisher publisher = publisher(Map.of())) {
            IntStream.range(0, 3).forEach(i -> publisher.publish("counted.registration", "encounter-" + i, "{}"));
            IntStream.range(0, 5).forEach(i -> publisher.publish("counted.claims", "encounter-" + i, "{}".getBytes(UTF_8)));
            publisher.flush();

            assertThat(publisher.publishedCounts()).containsExactly(
                    Map.entry("counted.claims", 5L),
                    Map.entry("counted.registration", 3L));
            assertThat(publisher.publishedCount("never.published")).isZero();
            assertThat(publisher.failedCount()).isZero();
        }
    }

    @Test
    @Timeout(60)
    void reportsAMissingTopicOnFlushInsteadOfHanging()
    {
        EventPublisher publisher = publisher(Map.of(
                ProducerConfig.MAX_BLOCK_MS_CONFIG, "1000",
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "1000",
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "2000"));

        assertThatCode(() -> publisher.publish("no.such.topic", "encounter-1", "{}")).doesNotThrowAnyException();

        assertThatThrownBy(publisher::flush)
                .isInstanceOfSatisfying(EventPublishException.class, e -> assertThat(e.topic()).isEqualTo("no.such.topic"))
                .hasCauseInstanceOf(TimeoutException.class);
        // The failure sticks: nothing more is accepted, and closing reports it again.
        assertThatThrownBy(() -> publisher.publish("ordered", "encounter-1", "{}")).isInstanceOf(EventPublishException.class);
        assertThatThrownBy(publisher::close).isInstanceOf(EventPublishException.class);
        assertThat(publisher.failedCount()).isEqualTo(1);
        assertThat(publisher.publishedCount("ordered")).isZero();
    }

    @Test
    void closeDeliversWhatIsStillBuffered()
    {
        EventPublisher publisher = publisher(Map.of(ProducerConfig.LINGER_MS_CONFIG, "60000"));
        IntStream.range(0, 10).forEach(i -> publisher.publish("after-close", "encounter-" + i, "{\"n\":" + i + "}"));
        publisher.close();

        assertThat(publisher.publishedCount("after-close")).isEqualTo(10);
        assertThat(TestConsumers.consumeAndCommit(broker.bootstrapServers(), "after-close-reader", List.of("after-close"), 10)).hasSize(10);
    }

    @Test
    void serializersCannotBeOverridden()
    {
        assertThatThrownBy(() -> new EventPublisher.Config("127.0.0.1:9", "test", Map.of(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, "x")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private EventPublisher publisher(Map<String, String> extraProperties)
    {
        return new EventPublisher(new EventPublisher.Config(broker.bootstrapServers(), "event-publisher-test", extraProperties));
    }
}
