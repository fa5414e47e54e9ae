package io.admitto.ingest.x12;

/**
 * A transaction (or one claim, one subscriber loop of it) whose content cannot be mapped: a value of the
 * wrong type, nothing to key the event to an encounter. Its message becomes the dead-letter reason, so it
 * is written for an interface analyst.
 */
public final class X12MappingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public X12MappingException(String message) {
        super(message);
    }
}
