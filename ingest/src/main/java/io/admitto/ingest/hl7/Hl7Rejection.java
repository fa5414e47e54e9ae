package io.admitto.ingest.hl7;

import static java.util.Objects.requireNonNull;

/**
 * A message that parsed but cannot become a canonical event, with the reason an interface analyst reads
 * in the dead letter and the segment at fault (or null). Thrown only inside the mapper and caught by
 * {@link Hl7MessageHandler}; carries no stack trace because it is an expected outcome, not a bug.
 */
final class Hl7Rejection extends RuntimeException {
    private final String segment;

    Hl7Rejection(String reason, String segment) {
        super(requireNonNull(reason, "reason is null"), null, false, false);
        this.segment = segment;
    }

    String reason() {
        return getMessage();
    }

    /** The segment name at fault, or null when the message as a whole is. */
    String segment() {
        return segment;
    }
}
