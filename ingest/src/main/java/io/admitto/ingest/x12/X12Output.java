package io.admitto.ingest.x12;

import io.admitto.events.CanonicalEvent;

/** Where a transaction mapper puts what it made of a transaction: events, or units it had to reject. */
interface X12Output {
    void event(CanonicalEvent event);

    /**
     * @param location the rejected unit (a transaction, or one claim or subscriber loop of it)
     * @param payload its text as it stands in the file
     */
    void reject(String location, String reason, String payload);
}
