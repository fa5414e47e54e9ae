package io.admitto.events;

import static java.util.Objects.requireNonNull;

/**
 * Where an event came from: the sending system and that system's own message id
 * (HL7 MSH-10, X12 ST02/BHT03, FHIR resource id, generator sequence). The pair lets an
 * analyst trace any row back to the message that produced it.
 */
public record EventSource(String system, String messageId) {
    public EventSource {
        requireNonNull(system, "system is null");
        requireNonNull(messageId, "messageId is null");
    }
}
