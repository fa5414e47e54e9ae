package io.admitto.jobs.common;

import io.admitto.events.CanonicalEvent;
import io.admitto.events.EventJson;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;


/**
 * Serializes canonical events in their one wire form, the JSON of {@link EventJson}, length-prefixed.
 * The event records hold {@code UUID}, {@code OffsetDateTime} and nested records that Flink's POJO
 * analysis would hand to Kryo; JSON is already versioned and tested for every event type, so it is
 * also the stable form for state and savepoints.
 *
 * <p>Events are immutable, so copies are the event itself: chained operators pass events along
 * without serializing them.
 */
public final class CanonicalEventSerializer extends ImmutableJsonSerializer<CanonicalEvent> {
    private static final long serialVersionUID = 1L;

    public static final CanonicalEventSerializer INSTANCE = new CanonicalEventSerializer();

    // Thread-safe and immutable: one codec serves every task of the JVM.
    private final transient EventJson json = new EventJson();

    private CanonicalEventSerializer() {}

    @Override
    protected byte[] encode(CanonicalEvent event) {
        return json.toJsonBytes(event);
    }

    @Override
    protected CanonicalEvent decode(byte[] bytes) {
        return json.fromJson(bytes);
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
