package io.admitto.jobs.quality;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.admitto.events.EventJson;
import io.admitto.jobs.common.ImmutableJsonSerializer;
import io.admitto.qarules.snapshot.RegistrationSnapshot;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;

import java.io.IOException;

/**
 * Keeps a registration's folded snapshot in state as its canonical JSON, deflated with a preset
 * dictionary ({@link SnapshotCompression}: ~0.7 KB instead of ~3.2 KB per open registration). State
 * written as plain JSON by earlier versions still reads. The snapshot is immutable, so copies are the
 * object itself: with the heap state backend it is serialized only for checkpoints.
 */
public final class RegistrationSnapshotSerializer extends ImmutableJsonSerializer<RegistrationSnapshot> {
    private static final long serialVersionUID = 1L;

    public static final RegistrationSnapshotSerializer INSTANCE = new RegistrationSnapshotSerializer();

    private final transient ObjectWriter writer = EventJson.newMapper().writerFor(RegistrationSnapshot.class);
    private final transient ObjectReader reader = EventJson.newMapper().readerFor(RegistrationSnapshot.class);

    private RegistrationSnapshotSerializer() {}

    @Override
    protected byte[] encode(RegistrationSnapshot snapshot) throws IOException {
        return SnapshotCompression.compress(writer.writeValueAsBytes(snapshot));
    }

    @Override
    protected RegistrationSnapshot decode(byte[] stored) throws IOException {
        return reader.readValue(SnapshotCompression.isCompressed(stored) ? SnapshotCompression.decompress(stored) : stored);
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
