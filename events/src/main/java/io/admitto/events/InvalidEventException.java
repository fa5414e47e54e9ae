package io.admitto.events;

/** The input is not a valid canonical event; the message says why (it becomes a dead-letter reason). */
public final class InvalidEventException extends RuntimeException {
    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
