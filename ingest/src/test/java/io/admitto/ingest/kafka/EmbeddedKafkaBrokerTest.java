package io.admitto.ingest.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import static java.util.stream.Collectors.toMap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

final class EmbeddedKafkaBrokerTest
{
    private static final String TOPIC = "admissions";

    @TempDir
    Path dataDirectory;

    @Test
    void servesClientsOnLoopbackOnly()
            throws Exception
    {
        try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(EmbeddedKafkaBroker.Config.inDirectory(dataDirectory)).start();
                Admin admin = admin(broker)) {
            assertThat(broker.bootstrapServers()).startsWith("127.0.0.1:");
            List<Node> nodes = List.copyOf(admin.describeCluster().nodes().get());
            assertThat(nodes).hasSize(1);
            assertThat(nodes.get(0).host()).isEqualTo("127.0.0.1");
            assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:" + nodes.get(0).port());
        }
    }

    @Test
    void createsTopicsWithTheConfiguredDefaultPartitionCount()
            throws Exception
    {
        try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(new EmbeddedKafkaBroker.Config(dataDirectory, 0, 0, 3)).start();
                Admin admin = admin(broker)) {
            admin.createTopics(List.of(new NewTopic(TOPIC, Optional.empty(), Optional.empty()))).all().get();

            assertThat(admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC).partitions()).hasSize(3);
        }
    }

    @Test
    void restartOnTheSameDirectoryKeepsRecordsAndCommittedOffsets()
            throws Exception
    {
        EmbeddedKafkaBroker.Config config = EmbeddedKafkaBroker.Config.inDirectory(dataDirectory);
        String clusterId;
        List<ConsumerRecord<String, String>> beforeRestart;
        try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(config).start()) {
            clusterId = broker.clusterId();
            createTopic(broker, 3);
            publish(broker, 0, 30);
            beforeRestart = TestConsumers.consumeAndCommit(broker.bootstrapServers(), "reporting", List.of(TOPIC), 30);
        }

        // Ports are picked afresh: the stored state must not depend on them.
        try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(config).start();
                Admin admin = admin(broker)) {
            assertThat(broker.clusterId()).isEqualTo(clusterId);

            List<ConsumerRecord<String, String>> afterRestart = TestConsumers.consumeAndCommit(broker.bootstrapServers(), "audit", List.of(TOPIC), 30);
            assertThat(afterRestart).extracting(EmbeddedKafkaBrokerTest::describe)
                    .containsExactlyInAnyOrderElementsOf(beforeRestart.stream().map(EmbeddedKafkaBrokerTest::describe).toList());

            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("reporting").partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, Long> committedOffsets = committed.entrySet().stream().collect(toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
            assertThat(committedOffsets).isEqualTo(endOffsets(admin)).hasSize(3);

            // The group resumes where it stopped: only records published after the restart.
            publish(broker, 30, 5);
            List<ConsumerRecord<String, String>> resumed = TestConsumers.consumeAndCommit(broker.bootstrapServers(), "reporting", List.of(TOPIC), 5);
            assertThat(resumed).extracting(ConsumerRecord::value)
                    .containsExactlyInAnyOrder("visit-30", "visit-31", "visit-32", "visit-33", "visit-34");
        }
    }

    @Test
    void keepsASecondBrokerOffItsDirectoryUntilTheFirstIsClosed()
    {
        EmbeddedKafkaBroker.Config config = EmbeddedKafkaBroker.Config.inDirectory(dataDirectory);
        try (EmbeddedKafkaBroker first = new EmbeddedKafkaBroker(config).start()) {
            assertThatThrownBy(() -> new EmbeddedKafkaBroker(config).start())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(dataDirectory.toString());

            createTopic(first, 1);
            publish(first, 0, 3);
            assertThat(TestConsumers.consumeAndCommit(first.bootstrapServers(), "still-serving", List.of(TOPIC), 3)).hasSize(3);
        }

        try (EmbeddedKafkaBroker successor = new EmbeddedKafkaBroker(config).start()) {
            assertThat(TestConsumers.consumeAndCommit(successor.bootstrapServers(), "successor", List.of(TOPIC), 3)).hasSize(3);
        }
    }

    @Test
    void startsOnlyOnce()
    {
        try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(EmbeddedKafkaBroker.Config.inDirectory(dataDirectory)).start()) {
            assertThatThrownBy(broker::start).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void cannotStartAfterClose()
    {
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(EmbeddedKafkaBroker.Config.inDirectory(dataDirectory));
        broker.close();
        broker.close();

        assertThatThrownBy(broker::start).isInstanceOf(IllegalStateException.class);
    }

    private static void createTopic(EmbeddedKafkaBroker broker, int partitions)
    {
        try (TopicAdmin topics = new TopicAdmin(broker.bootstrapServers(), Duration.ofSeconds(30))) {
            topics.ensureTopics(List.of(new TopicSpec(TOPIC, partitions)));
        }
    }

    private static void publish(EmbeddedKafkaBroker broker, int first, int count)
    {
        try (EventPublisher publisher = new EventPublisher(new EventPublisher.Config(broker.bootstrapServers(), "test"))) {
            IntStream.range(first, first + count).forEach(i -> publisher.publish(TOPIC, "encounter-" + (i % 7), "visit-" + i));
        }
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin)
            throws Exception
    {
        Map<TopicPartition, OffsetSpec> latest = IntStream.range(0, 3).boxed()
                .collect(toMap(partition -> new TopicPartition(TOPIC, partition), partition -> OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get().entrySet().stream()
                .collect(toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
    }

    private static String describe(ConsumerRecord<String, String> record)
    {
        return record.partition() + "/" + record.offset() + "/" + record.key() + "/" + record.value();
    }

    private static Admin admin(EmbeddedKafkaBroker broker)
    {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }
}
