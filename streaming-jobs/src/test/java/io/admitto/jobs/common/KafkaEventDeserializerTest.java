package io.admitto.jobs.common;

import io.admitto.events.CanonicalEvent;
import io.admitto.events.EventJson;
import io.admitto.events.EventType;
import io.admitto.jobs.testing.TestEvents;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.types.Either;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

class KafkaEventDeserializerTest {
    private static final CanonicalEvent ARRIVAL = TestEvents.flow(EventType.FLOW_ARRIVED, "arrived", "E1", "F01", "ED",
            "2026-03-02T02:15:00.250-06:00");

    private final KafkaEventDeserializer deserializer = new KafkaEventDeserializer();
    private final List<Either<DeadLetter, CanonicalEvent>> out = new ArrayList<>();
    private final Collector<Either<DeadLetter, CanonicalEvent>> collector = new Collector<>() {
        @Override
        public void collect(Either<DeadLetter, CanonicalEvent> record) {
            out.add(record);
        }

        @Override
        public void close() {}
    };

    @BeforeEach
    void open() {
        deserializer.open(null);
    }

    private static ConsumerRecord<byte[], byte[]> record(byte[] value) {
        return new ConsumerRecord<>("admitto.flow", 3, 42L, "E1".getBytes(UTF_8), value);
    }

    @Test
    void readsACanonicalEvent() throws Exception {
        deserializer.deserialize(record(new EventJson().toJsonBytes(ARRIVAL)), collector);

        assertThat(out).containsExactly(Either.Right(ARRIVAL));
    }

    @Test
    void turnsWhatIsNotAnEventIntoADeadLetterThatSaysWhereAndWhy() throws Exception {
        deserializer.deserialize(record("{not json".getBytes(UTF_8)), collector);
        deserializer.deserialize(record("{\"eventType\":\"flow.arrived\"}".getBytes(UTF_8)), collector);
        deserializer.deserialize(record(null), collector);
        deserializer.deserialize(record("null".getBytes(UTF_8)), collector);

        assertThat(out).allMatch(Either::isLeft);
        List<DeadLetter> deadLetters = out.stream().map(Either::left).toList();
        assertThat(deadLetters).extracting(DeadLetter::topic, DeadLetter::partition, DeadLetter::offset)
                .containsOnly(org.assertj.core.groups.Tuple.tuple("admitto.flow", 3, 42L));
        assertThat(deadLetters).extracting(DeadLetter::payload)
                .containsExactly("{not json", "{\"eventType\":\"flow.arrived\"}", null, "null");
        assertThat(deadLetters.get(1).reason()).contains("eventId is null");
        assertThat(deadLetters.get(2).reason()).isEqualTo("record has no value");
        assertThat(deadLetters.get(0).describe()).startsWith("admitto.flow/3@42: ");
    }

    @Test
    void aDeadLetterNeverLogsItsPayloadAndKeepsItsReasonShort() {
        DeadLetter deadLetter = new DeadLetter("admitto.registration", 0, 7, 0, "x".repeat(1000), "{\"ssn\":\"123-45-6789\"}");

        assertThat(deadLetter.describe()).doesNotContain("123-45-6789");
        assertThat(deadLetter.reason()).hasSize(DeadLetter.MAX_REASON_LENGTH + 1);
    }

    @Test
    void eventsAndDeadLettersTravelWithoutKryo() throws Exception {
        SerializerConfigImpl config = new SerializerConfigImpl();
        config.setGenericTypes(false);
        TypeSerializer<Either<DeadLetter, CanonicalEvent>> serializer = KafkaEventDeserializer.TYPE.createSerializer(config);
        Either<DeadLetter, CanonicalEvent> deadLetter = Either.Left(new DeadLetter("admitto.flow", 1, 2, 3, "why", null));

        assertThat(roundTrip(serializer, Either.Right(ARRIVAL))).isEqualTo(Either.Right(ARRIVAL));
        assertThat(roundTrip(serializer, deadLetter)).isEqualTo(deadLetter);
    }

    private static <T> T roundTrip(TypeSerializer<T> serializer, T value) throws Exception {
        DataOutputSerializer output = new DataOutputSerializer(256);
        serializer.serialize(value, output);
        return serializer.deserialize(new DataInputDeserializer(output.getCopyOfBuffer()));
    }
}
