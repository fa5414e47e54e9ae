package io.admitto.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The envelope every canonical event shares. Implementations are immutable records; the JSON
 * {@code eventType} property selects the record type when reading.
 *
 * <ul>
 *   <li>{@code eventId} — a UUID that is stable for the same source message, so re-publishing the
 *       same input never double counts (consumers de-duplicate on it);</li>
 *   <li>{@code eventTime} — when it happened in the real world, with the sender's UTC offset
 *       (event time for Flink, never the time we received it);</li>
 *   <li>{@code encounterId} — the Kafka key: everything about one visit travels together.</li>
 * </ul>
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "eventType", visible = true)
@JsonSubTypes({
        @JsonSubTypes.Type(value = RegistrationEvent.class, names = {
                "registration.pre_registered", "registration.registered", "registration.updated",
                "registration.cancelled", "registration.admitted", "registration.discharged"}),
        @JsonSubTypes.Type(value = EligibilityInquiry.class, name = "eligibility.inquiry"),
        @JsonSubTypes.Type(value = EligibilityResponse.class, name = "eligibility.response"),
        @JsonSubTypes.Type(value = AuthorizationRequest.class, name = "authorization.request"),
        @JsonSubTypes.Type(value = AuthorizationDecision.class, name = "authorization.decision"),
        @JsonSubTypes.Type(value = ClaimRemittance.class, name = "claim.remittance"),
        @JsonSubTypes.Type(value = ClaimAcknowledgment.class, name = "claim.acknowledgment"),
        @JsonSubTypes.Type(value = PatientFlowEvent.class, names = {
                "flow.arrived", "flow.registration_started", "flow.registration_completed",
                "flow.medical_screening_completed", "flow.service_started", "flow.departed"}),
        @JsonSubTypes.Type(value = PointOfServicePayment.class, name = "payment.collected"),
})
public sealed interface CanonicalEvent
        permits RegistrationEvent, EligibilityInquiry, EligibilityResponse, AuthorizationRequest,
        AuthorizationDecision, ClaimRemittance, ClaimAcknowledgment, PatientFlowEvent, PointOfServicePayment {

    /** Version of the canonical schema this event was written with. */
    int CURRENT_SCHEMA_VERSION = 1;

    UUID eventId();

    EventType eventType();

    OffsetDateTime eventTime();

    EventSource source();

    String facilityId();

    int schemaVersion();

    String encounterId();

    default Topic topic() {
        return eventType().topic();
    }
}
