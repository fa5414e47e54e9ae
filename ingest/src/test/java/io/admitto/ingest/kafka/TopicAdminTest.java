package io.admitto.ingest.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.InvalidConfigurationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static java.util.stream.Collectors.toMap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

@TestInstance(PER_CLASS)
final class TopicAdminTest
{
    private EmbeddedKafkaBroker broker;
    private TopicAdmin topicAdmin;

    @BeforeAll
    void startBroker(@TempDir Path dataDirectory)
    {
        broker = new EmbeddedKafkaBroker(EmbeddedKafkaBroker.Config.inDirectory(dataDirectory)).start();
        topicAdmin = new TopicAdmin(broker.bootstrapServers(), Duration.ofSeconds(30));
    }

    @AfterAll
    void stopBroker()
    {
        topicAdmin.close();
        broker.close();
    }

    @Test
    void createsMissingTopicsWithTheRequestedPartitionsAndConfig()
            throws Exception
    {
        List<TopicStatus> statuses = topicAdmin.ensureTopics(List.of(
                new TopicSpec("created.registration", 6, Map.of("retention.ms", "3600000")),
                new TopicSpec("created.claims", 2)));

        assertThat(statuses).containsExactly(
                new TopicStatus("created.registration", 6, true),
                new TopicStatus("created.claims", 2, true));
        assertThat(topicConfig("created.registration").get("retention.ms").value()).isEqualTo("3600000");
    }

    @Test
    void leavesExistingTopicsAsTheyAre()
    {
        List<TopicSpec> specs = List.of(new TopicSpec("repeat.flow", 3), new TopicSpec("repeat.payments", 1));
        topicAdmin.ensureTopics(specs);

        assertThat(topicAdmin.ensureTopics(specs)).containsExactly(
                new TopicStatus("repeat.flow", 3, false),
                new TopicStatus("repeat.payments", 1, false));
    }

    @Test
    void createsOnlyTheMissingTopicsOfAMixedList()
    {
        topicAdmin.ensureTopics(List.of(new TopicSpec("mixed.old", 2)));

        assertThat(topicAdmin.ensureTopics(List.of(new TopicSpec("mixed.old", 2), new TopicSpec("mixed.new", 2)))).containsExactly(
                new TopicStatus("mixed.old", 2, false),
                new TopicStatus("mixed.new", 2, true));
    }

    @Test
    void reportsTheActualPartitionCountOfAnExistingTopic()
    {
        topicAdmin.ensureTopics(List.of(new TopicSpec("resized.eligibility", 2)));

        assertThat(topicAdmin.ensureTopics(List.of(new TopicSpec("resized.eligibility", 8))))
                .containsExactly(new TopicStatus("resized.eligibility", 2, false));
    }

    @Test
    void topicsAcceptAnIdempotentBurstAsSoonAsTheyAreEnsured()
    {
        // Kafka 4.2 brokers list a new partition's leader before they serve it; an idempotent producer
        // writing at that moment can lose its first batch (KAFKA-15591). Small batches put many
        // requests in flight, and a short delivery timeout turns a stuck batch into a quick failure.
        try (EventPublisher publisher = new EventPublisher(new EventPublisher.Config(broker.bootstrapServers(), "burst", Map.of(
                ProducerConfig.BATCH_SIZE_CONFIG, "1024",
                ProducerConfig.LINGER_MS_CONFIG, "0",
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000",
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "10000")))) {
            for (int round = 0; round < 10; round++) {
                String topic = "burst." + round;
                topicAdmin.ensureTopics(List.of(new TopicSpec(topic, 4)));
                for (int i = 0; i < 1_000; i++) {
                    publisher.publish(topic, "encounter-" + i, "{\"n\":" + i + "}");
                }
                publisher.flush();
                assertThat(publisher.publishedCount(topic)).isEqualTo(1_000);
            }
        }
    }

    @Test
    void failsOnATopicTheClusterRejects()
    {
        assertThatThrownBy(() -> topicAdmin.ensureTopics(List.of(new TopicSpec("rejected.topic", 1, Map.of("cleanup.policy", "shred")))))
                .isInstanceOf(TopicAdminException.class)
                .hasMessageContaining("rejected.topic")
                .hasCauseInstanceOf(InvalidConfigurationException.class);
    }

    @Test
    void refusesSpecsThatNameATopicTwice()
    {
        assertThatThrownBy(() -> topicAdmin.ensureTopics(List.of(new TopicSpec("twice", 1), new TopicSpec("twice", 2))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private Map<String, ConfigEntry> topicConfig(String topic)
            throws Exception
    {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            return config.entries().stream().collect(toMap(
                    ConfigEntry::name, entry -> entry));
        }
    }
}
