package io.admitto.ingest.source;

import io.admitto.events.CanonicalEvent;
import io.admitto.events.DeadLetter;

/**
 * Where a source adapter puts what it read: canonical events, or dead letters for input it could not
 * parse or map. One bad unit (message, transaction, resource, row) becomes one dead letter and never
 * stops the adapter: the rest of the file or connection is still read.
 */
public interface IngestSink {
    void accept(CanonicalEvent event);

    void deadLetter(DeadLetter deadLetter);
}
