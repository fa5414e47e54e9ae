package io.admitto.ingest.generator;

import io.admitto.events.CanonicalEvent;

/**
 * Where generated events go, one at a time, in delivery order. Implementations write files, publish
 * to Kafka or collect in memory. Failures are unchecked ({@link java.io.UncheckedIOException} for
 * I/O) and stop the generator.
 */
public interface EventSink
        extends AutoCloseable
{
    void accept(CanonicalEvent event);

    /** Flushes and releases what the sink holds; the generator never closes the sink it was given. */
    @Override
    default void close() {}
}
