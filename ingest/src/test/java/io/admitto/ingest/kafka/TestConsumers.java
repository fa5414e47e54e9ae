package io.admitto.ingest.kafka;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Reads records back the way a downstream job would: a consumer group, from the earliest offset. */
final class TestConsumers
{
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(200);

    private TestConsumers() {}

    /**
     * Polls {@code topics} as member of {@code group} until {@code expected} records arrived (failing
     * after 30 s), then once more to catch surplus records; commits what it read.
     */
    static List<ConsumerRecord<String, String>> consumeAndCommit(String bootstrapServers, String group, Collection<String> topics, int expected)
    {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                        ConsumerConfig.GROUP_ID_CONFIG, group,
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(topics);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            while (records.size() < expected) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("group " + group + " received " + records.size() + " of " + expected + " records within " + DEADLINE);
                }
                consumer.poll(POLL).forEach(records::add);
            }
            consumer.poll(POLL).forEach(records::add);
            consumer.commitSync();
            return records;
        }
    }
}
