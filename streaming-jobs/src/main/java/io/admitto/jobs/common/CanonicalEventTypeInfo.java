package io.admitto.jobs.common;

import io.admitto.events.CanonicalEvent;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/** Flink's type information for {@link CanonicalEvent}: serialized by {@link CanonicalEventSerializer}. */
public final class CanonicalEventTypeInfo extends TypeInformation<CanonicalEvent> {
    private static final long serialVersionUID = 1L;

    public static final CanonicalEventTypeInfo INSTANCE = new CanonicalEventTypeInfo();

    private CanonicalEventTypeInfo() {}

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    public Class<CanonicalEvent> getTypeClass() {
        return CanonicalEvent.class;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<CanonicalEvent> createSerializer(SerializerConfig config) {
        return CanonicalEventSerializer.INSTANCE;
    }

    @Override
    public String toString() {
        return "CanonicalEvent(JSON)";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CanonicalEventTypeInfo;
    }

    @Override
    public int hashCode() {
        return CanonicalEventTypeInfo.class.hashCode();
    }

    @Override
    public boolean canEqual(Object other) {
        return other instanceof CanonicalEventTypeInfo;
    }

    private Object readResolve() {
        return INSTANCE;
    }
}
