package io.admitto.jobs.common;

import io.admitto.events.CanonicalEvent;
import io.admitto.events.EventJson;
import io.admitto.ingest.generator.GeneratorConfig;
import io.admitto.ingest.generator.HospitalGenerator;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CanonicalEventSerializerTest {
    private static final List<CanonicalEvent> EVENTS = new ArrayList<>();

    @BeforeAll
    static void generate() {
        new HospitalGenerator(GeneratorConfig.defaults(11).withDays(2).withFacilities(1)).generate(EVENTS::add);
    }

    private static byte[] serialize(CanonicalEvent event) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(512);
        CanonicalEventSerializer.INSTANCE.serialize(event, out);
        return out.getCopyOfBuffer();
    }

    private static CanonicalEvent deserialize(byte[] bytes) throws IOException {
        return CanonicalEventSerializer.INSTANCE.deserialize(new DataInputDeserializer(bytes));
    }

    @Test
    void everyKindOfEventReadsBackEqual() throws IOException {
        Set<Class<?>> kinds = EVENTS.stream().map(Object::getClass).collect(Collectors.toSet());
        assertThat(kinds).hasSizeGreaterThanOrEqualTo(8);
        for (CanonicalEvent event : EVENTS) {
            assertThat(deserialize(serialize(event))).isEqualTo(event);
        }
    }

    @Test
    void theBinaryFormIsSmallerThanTheWireJson() throws IOException {
        EventJson json = new EventJson();
        long binary = 0;
        long text = 0;
        for (CanonicalEvent event : EVENTS) {
            binary += serialize(event).length;
            text += json.toJsonBytes(event).length;
        }
        assertThat(binary).isLessThan(text);
    }

    @Test
    void eventsKeptInStateAsJsonByEarlierVersionsStillRead() throws IOException {
        CanonicalEvent event = EVENTS.get(0);
        byte[] json = new EventJson().toJsonBytes(event);
        DataOutputSerializer out = new DataOutputSerializer(json.length + 4);
        out.writeInt(json.length);
        out.write(json);
        assertThat(deserialize(out.getCopyOfBuffer())).isEqualTo(event);
    }

    @Test
    void anUnknownRecordTagIsAnError() throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(8);
        out.writeInt(2);
        out.write(new byte[] {42, 0});
        assertThatThrownBy(() -> deserialize(out.getCopyOfBuffer())).isInstanceOf(IOException.class).hasMessageContaining("42");
    }
}
