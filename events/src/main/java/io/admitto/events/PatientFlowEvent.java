package io.admitto.events;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * A step of the patient's way through the visit, from the tracking board or kiosk: arrival,
 * registration started and completed, medical screening exam (ED), service start (roomed), departure.
 * The step is the {@link #eventType()}; its instant is {@link #eventTime()}.
 *
 * @param department where the patient is (same codes as registrations)
 * @param staffId who recorded the step, when known (the registrar for registration steps)
 */
public record PatientFlowEvent(
        UUID eventId,
        EventType eventType,
        OffsetDateTime eventTime,
        EventSource source,
        String facilityId,
        int schemaVersion,
        String encounterId,
        String department,
        String staffId) implements CanonicalEvent {

    private static final Set<EventType> TYPES = EnumSet.of(
            EventType.FLOW_ARRIVED, EventType.FLOW_REGISTRATION_STARTED, EventType.FLOW_REGISTRATION_COMPLETED,
            EventType.FLOW_MEDICAL_SCREENING_COMPLETED, EventType.FLOW_SERVICE_STARTED, EventType.FLOW_DEPARTED);

    public PatientFlowEvent {
        EventChecks.checkEnvelope(eventId, eventType, eventTime, source, facilityId, encounterId, TYPES);
    }
}
