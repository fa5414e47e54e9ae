package io.admitto.jobs.common;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

/**
 * A Kafka record that is not a canonical event, with where it was found and why it was refused.
 *
 * <p>The payload may hold PHI (a registration carries names and SSNs), so {@link #describe()} — what
 * goes to logs — leaves it out; it is kept for the {@code dead_letters} table, which is access
 * controlled like the topics.
 *
 * @param kafkaTimestamp the record's Kafka timestamp (ms since the epoch); its event time is unknown
 * @param payload the value decoded as UTF-8 (invalid bytes replaced), or null for a record without value
 */
public record DeadLetter(String topic, int partition, long offset, long kafkaTimestamp, String reason, String payload) {
    /** Reasons can quote the input; they are cut so that a log line never carries a whole payload. */
    static final int MAX_REASON_LENGTH = 300;

    public DeadLetter {
        requireNonNull(topic, "topic is null");
        requireNonNull(reason, "reason is null");
        if (reason.length() > MAX_REASON_LENGTH) {
            reason = reason.substring(0, MAX_REASON_LENGTH) + "…";
        }
    }

    public static DeadLetter of(ConsumerRecord<byte[], byte[]> record, String reason) {
        byte[] value = record.value();
        return new DeadLetter(record.topic(), record.partition(), record.offset(), record.timestamp(),
                reason == null ? "unknown" : reason,
                value == null ? null : new String(value, UTF_8));
    }

    /** Where the record is and why it was refused, without its payload. */
    public String describe() {
        return topic + "/" + partition + "@" + offset + ": " + reason;
    }
}
