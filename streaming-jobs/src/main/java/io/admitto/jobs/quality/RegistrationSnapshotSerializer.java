package io.admitto.jobs.quality;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.admitto.events.EventJson;
import io.admitto.qarules.snapshot.RegistrationSnapshot;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;

/**
 * Keeps a registration's folded snapshot in state as length-prefixed JSON (the events inside it in
 * their canonical form). The snapshot is immutable, so copies are the object itself: with the heap
 * state backend it is serialized only for checkpoints.
 */
public final class RegistrationSnapshotSerializer extends TypeSerializer<RegistrationSnapshot> {
    private static final long serialVersionUID = 1L;

    public static final RegistrationSnapshotSerializer INSTANCE = new RegistrationSnapshotSerializer();

    private final transient ObjectWriter writer = EventJson.newMapper().writerFor(RegistrationSnapshot.class);
    private final transient ObjectReader reader = EventJson.newMapper().readerFor(RegistrationSnapshot.class);

    private RegistrationSnapshotSerializer() {}

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public TypeSerializer<RegistrationSnapshot> duplicate() {
        return this;
    }

    @Override
    public RegistrationSnapshot createInstance() {
        return null;
    }

    @Override
    public RegistrationSnapshot copy(RegistrationSnapshot from) {
        return from;
    }

    @Override
    public RegistrationSnapshot copy(RegistrationSnapshot from, RegistrationSnapshot reuse) {
        return from;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(RegistrationSnapshot snapshot, DataOutputView target) throws IOException {
        byte[] bytes = writer.writeValueAsBytes(snapshot);
        target.writeInt(bytes.length);
        target.write(bytes);
    }

    @Override
    public RegistrationSnapshot deserialize(DataInputView source) throws IOException {
        byte[] bytes = new byte[source.readInt()];
        source.readFully(bytes);
        return reader.readValue(bytes);
    }

    @Override
    public RegistrationSnapshot deserialize(RegistrationSnapshot reuse, DataInputView source) throws IOException {
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
        return other instanceof RegistrationSnapshotSerializer;
    }

    @Override
    public int hashCode() {
        return RegistrationSnapshotSerializer.class.hashCode();
    }

    @Override
    public TypeSerializerSnapshot<RegistrationSnapshot> snapshotConfiguration() {
        return new Snapshot();
    }

    private Object readResolve() {
        return INSTANCE;
    }

    public static final class Snapshot extends SimpleTypeSerializerSnapshot<RegistrationSnapshot> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
