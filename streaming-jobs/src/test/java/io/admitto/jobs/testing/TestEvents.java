package io.admitto.jobs.testing;

import io.admitto.events.CanonicalEvent;
import io.admitto.events.EventSource;
import io.admitto.events.EventType;
import io.admitto.events.PatientFlowEvent;
import io.admitto.events.RegistrationEvent;

import java.time.OffsetDateTime;
import java.util.UUID;

import static java.nio.charset.StandardCharsets.UTF_8;

/** Minimal canonical events for the jobs' specifications: only what the jobs read is filled in. */
public final class TestEvents {
    private TestEvents() {}

    /** A stable event id named for readability: the same name always gives the same id. */
    public static UUID eventId(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(UTF_8));
    }

    public static RegistrationEvent registration(EventType type, String id, String encounterId, String facilityId,
            String department, String eventTime) {
        return new RegistrationEvent(eventId(id), type, OffsetDateTime.parse(eventTime), new EventSource("test", id),
                facilityId, CanonicalEvent.CURRENT_SCHEMA_VERSION, encounterId, null, null, department, null, null,
                null, "R001", null, null, null, null, null);
    }

    public static PatientFlowEvent flow(EventType type, String id, String encounterId, String facilityId,
            String department, String eventTime) {
        return new PatientFlowEvent(eventId(id), type, OffsetDateTime.parse(eventTime), new EventSource("test", id),
                facilityId, CanonicalEvent.CURRENT_SCHEMA_VERSION, encounterId, department, "R001");
    }
}
