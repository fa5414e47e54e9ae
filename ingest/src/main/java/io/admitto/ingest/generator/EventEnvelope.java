package io.admitto.ingest.generator;

import io.admitto.events.CanonicalEvent;
import io.admitto.events.EventSource;
import io.admitto.events.EventType;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The fields every canonical event shares, fixed by the plan before the event is built. */
record EventEnvelope(UUID eventId, EventType eventType, OffsetDateTime eventTime, EventSource source, String facilityId, String encounterId)
{
    int schemaVersion()
    {
        return CanonicalEvent.CURRENT_SCHEMA_VERSION;
    }
}
