package io.admitto.jobs.common;

import io.admitto.events.CanonicalEvent;
import io.admitto.events.EventJson;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;

/**
 * Serializes canonical events in their one wire form, the JSON of {@link EventJson}, length-prefixed.
 * The event records hold {@code UUID}, {@code OffsetDateTime} and nested records that Flink's POJO
 * analysis would hand to Kryo; JSON is already versioned and tested for every event type, so it is
 * also the stable form for state and savepoints.
 *
 * <p>Events are immutable, so {@link #copy(CanonicalEvent)} returns its argument: chained operators
 * pass events along without serializing them.
 */
public final class CanonicalEventSerializer extends TypeSerializer<CanonicalEvent> {
    private static final long serialVersionUID = 1L;

    public static final CanonicalEventSerializer INSTANCE = new CanonicalEventSerializer();

    // Thread-safe and immutable: one codec serves every task of the JVM.
    private final transient EventJson json = new EventJson();

    private CanonicalEventSerializer() {}

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public TypeSerializer<CanonicalEvent> duplicate() {
        return this;
    }

    @Override
    public CanonicalEvent createInstance() {
        // Events have no empty form; Flink only asks immutable, non-reusing serializers for one in
        // code paths (object reuse) that hand the instance back to deserialize(reuse, …).
        return null;
    }

    @Override
    public CanonicalEvent copy(CanonicalEvent from) {
        return from;
    }

    @Override
    public CanonicalEvent copy(CanonicalEvent from, CanonicalEvent reuse) {
        return from;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(CanonicalEvent event, DataOutputView target) throws IOException {
        byte[] bytes = json.toJsonBytes(event);
        target.writeInt(bytes.length);
        target.write(bytes);
    }

    @Override
    public CanonicalEvent deserialize(DataInputView source) throws IOException {
        byte[] bytes = new byte[source.readInt()];
        source.readFully(bytes);
        return json.fromJson(bytes);
    }

    @Override
    public CanonicalEvent deserialize(CanonicalEvent reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        int length = source.readInt();
        target.writeInt(length);
        target.write(source, length);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CanonicalEventSerializer;
    }

    @Override
    public int hashCode() {
        return CanonicalEventSerializer.class.hashCode();
    }

    @Override
    public TypeSerializerSnapshot<CanonicalEvent> snapshotConfiguration() {
        return new Snapshot();
    }

    private Object readResolve() {
        return INSTANCE;
    }

    /** The JSON form carries its own schema version, so every serializer of this class is compatible. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<CanonicalEvent> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
