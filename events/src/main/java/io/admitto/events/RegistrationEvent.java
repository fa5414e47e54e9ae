package io.admitto.events;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A registration lifecycle event (HL7 ADT A05 pre-admit, A04 register, A08 update, A11 cancel,
 * A01 admit, A03 discharge). Each carries the whole registration as of {@code eventTime}, so a
 * consumer never has to merge partial updates to know what the registrar entered.
 *
 * @param registrarId the operator who made this change (HL7 EVN-5); QA findings are attributed to them
 * @param department department code (ED, IMG, SURG, INPT, CLIN...)
 * @param financialClass PV1-20 financial class as entered
 * @param cancelReason why a cancelled registration was cancelled; null otherwise
 */
public record RegistrationEvent(
        UUID eventId,
        EventType eventType,
        OffsetDateTime eventTime,
        EventSource source,
        String facilityId,
        int schemaVersion,
        String encounterId,
        Patient patient,
        PatientClass patientClass,
        String department,
        ScheduledService scheduledService,
        List<Diagnosis> diagnoses,
        Provider orderingProvider,
        String registrarId,
        String financialClass,
        List<Insurance> insurances,
        Guarantor guarantor,
        PatientAcknowledgments acknowledgments,
        String cancelReason) implements CanonicalEvent {

    private static final Set<EventType> TYPES = EnumSet.of(
            EventType.REGISTRATION_PRE_REGISTERED, EventType.REGISTRATION_REGISTERED,
            EventType.REGISTRATION_UPDATED, EventType.REGISTRATION_CANCELLED,
            EventType.REGISTRATION_ADMITTED, EventType.REGISTRATION_DISCHARGED);

    public RegistrationEvent {
        EventChecks.checkEnvelope(eventId, eventType, eventTime, source, facilityId, encounterId, TYPES);
        diagnoses = EventChecks.listOf(diagnoses);
        insurances = EventChecks.listOf(insurances);
        if (acknowledgments == null) {
            acknowledgments = PatientAcknowledgments.none();
        }
    }
}
