package io.admitto.jobs.common;

import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;

/**
 * A Flink serializer for an immutable type whose stable form is JSON, written length-prefixed.
 * Immutability lets copies be the object itself, so chained operators and the heap state backend
 * never serialize; JSON is the versioned, tested form for network, checkpoints and savepoints.
 * Subclasses are stateless singletons (equal by class) with a {@code SimpleTypeSerializerSnapshot}.
 */
public abstract class ImmutableJsonSerializer<T> extends TypeSerializer<T> {
    private static final long serialVersionUID = 1L;

    protected abstract byte[] encode(T value) throws IOException;

    protected abstract T decode(byte[] json) throws IOException;

    @Override
    public final boolean isImmutableType() {
        return true;
    }

    @Override
    public final TypeSerializer<T> duplicate() {
        return this;
    }

    @Override
    public final T createInstance() {
        // No empty form; Flink only asks immutable, non-reusing serializers for one in object-reuse paths
        // that hand the instance back to deserialize(reuse, …).
        return null;
    }

    @Override
    public final T copy(T from) {
        return from;
    }

    @Override
    public final T copy(T from, T reuse) {
        return from;
    }

    @Override
    public final int getLength() {
        return -1;
    }

    @Override
    public final void serialize(T value, DataOutputView target) throws IOException {
        byte[] bytes = encode(value);
        target.writeInt(bytes.length);
        target.write(bytes);
    }

    @Override
    public final T deserialize(DataInputView source) throws IOException {
        byte[] bytes = new byte[source.readInt()];
        source.readFully(bytes);
        return decode(bytes);
    }

    @Override
    public final T deserialize(T reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public final void copy(DataInputView source, DataOutputView target) throws IOException {
        int length = source.readInt();
        target.writeInt(length);
        target.write(source, length);
    }

    @Override
    public final boolean equals(Object other) {
        return other != null && other.getClass() == getClass();
    }

    @Override
    public final int hashCode() {
        return getClass().hashCode();
    }
}
