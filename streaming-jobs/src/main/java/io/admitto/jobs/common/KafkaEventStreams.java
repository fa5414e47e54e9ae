package io.admitto.jobs.common;

import io.admitto.events.CanonicalEvent;
import io.admitto.events.Topic;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.KafkaSourceOptions;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.types.Either;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

import java.util.Arrays;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Reads canonical events from the platform's topics. Every job starts here, so every job has the
 * same offsets, event time and dead-letter behaviour.
 */
public final class KafkaEventStreams {
    /** Operator uids: they bind state in savepoints to operators, so they never change. */
    public static final String SOURCE_UID = "kafka-events";
    public static final String SPLIT_UID = "dead-letter-split";
    public static final String LATE_UID = "late-event-split";

    private KafkaEventStreams() {}

    /**
     * A source over {@code topics} in the consumer group of {@code settings}: it starts from the
     * group's committed offsets (from the earliest offset for a partition the group never committed),
     * commits offsets when a checkpoint completes — so a restarted job without a checkpoint resumes
     * where the last completed checkpoint left off — and, when bounded, stops at the offsets that are
     * latest when the job starts.
     */
    @SuppressWarnings("deprecation") // OffsetResetStrategy: deprecated in kafka-clients 4, still what the connector takes
    public static KafkaSource<Either<DeadLetter, CanonicalEvent>> source(JobSettings settings, List<Topic> topics) {
        requireNonNull(settings, "settings is null");
        if (topics.isEmpty()) {
            throw new IllegalArgumentException("no topics");
        }
        KafkaSourceBuilder<Either<DeadLetter, CanonicalEvent>> builder = KafkaSource.<Either<DeadLetter, CanonicalEvent>>builder()
                .setBootstrapServers(settings.bootstrapServers())
                .setGroupId(settings.groupId())
                .setClientIdPrefix(settings.groupId())
                .setTopics(topics.stream().map(Topic::topicName).toList())
                .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setDeserializer(new KafkaEventDeserializer())
                .setProperty(KafkaSourceOptions.COMMIT_OFFSETS_ON_CHECKPOINT.key(), "true");
        if (settings.bounded()) {
            builder.setBounded(OffsetsInitializer.latest());
        }
        return builder.build();
    }

    /** Adds the source, the dead-letter split and the late-event split to {@code env}. */
    public static ConsumedEvents read(StreamExecutionEnvironment env, JobSettings settings, Topic... topics) {
        List<Topic> topicList = Arrays.asList(topics);
        SingleOutputStreamOperator<CanonicalEvent> events = env
                .fromSource(source(settings, topicList),
                        EventTime.watermarks(settings.maxOutOfOrderness(), settings.idleTimeout()),
                        "Kafka events",
                        KafkaEventDeserializer.TYPE)
                .uid(SOURCE_UID)
                .process(new DeadLetterSplitter(), CanonicalEventTypeInfo.INSTANCE)
                .name("Split dead letters")
                .uid(SPLIT_UID);
        SingleOutputStreamOperator<CanonicalEvent> onTime = events
                .process(new LateEventSplitter(), CanonicalEventTypeInfo.INSTANCE)
                .name("Split late events")
                .uid(LATE_UID);
        return new ConsumedEvents(onTime, events.getSideOutput(DeadLetterSplitter.DEAD_LETTERS),
                onTime.getSideOutput(LateEventSplitter.LATE_EVENTS));
    }
}
