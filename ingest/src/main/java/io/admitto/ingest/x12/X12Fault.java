package io.admitto.ingest.x12;

import static java.util.Objects.requireNonNull;

/**
 * A part of an X12 file that cannot become events: a broken envelope, a transaction with a syntax error,
 * text that is not X12 at all. Becomes one dead letter.
 *
 * @param location interchange / group / transaction control numbers, or the character offset outside any envelope
 * @param payload the offending text as it stands in the file
 */
public record X12Fault(String location, String reason, String payload) {
    public X12Fault {
        requireNonNull(location, "location is null");
        requireNonNull(reason, "reason is null");
        requireNonNull(payload, "payload is null");
    }
}
