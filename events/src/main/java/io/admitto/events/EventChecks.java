package io.admitto.events;

import java.util.List;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/** Checks shared by the event records' compact constructors. */
final class EventChecks {
    private EventChecks() {}

    static void checkEnvelope(Object eventId, EventType eventType, Object eventTime, Object source,
            String facilityId, String encounterId, Set<EventType> allowed) {
        requireNonNull(eventId, "eventId is null");
        requireNonNull(eventType, "eventType is null");
        requireNonNull(eventTime, "eventTime is null");
        requireNonNull(source, "source is null");
        requireNonNull(facilityId, "facilityId is null");
        requireNonNull(encounterId, "encounterId is null");
        if (!allowed.contains(eventType)) {
            throw new IllegalArgumentException("eventType " + eventType + " is not one of " + allowed);
        }
    }

    /** Lists are never null in the model: an absent list and an empty one mean the same thing. */
    static <T> List<T> listOf(List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }
}
