package io.admitto.events;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.UUID;

/**
 * A payer's decision on a prior-authorization request (X12 278 response).
 *
 * @param action HCR01
 * @param reasonCode HCR03 decision reason (required by CMS-0057-F for denials)
 * @param requestedAt when the request was sent; turnaround is measured from it
 */
public record AuthorizationDecision(
        UUID eventId,
        EventType eventType,
        OffsetDateTime eventTime,
        EventSource source,
        String facilityId,
        int schemaVersion,
        String encounterId,
        String trackingNumber,
        String payerId,
        CertificationAction action,
        String authorizationNumber,
        String reasonCode,
        LocalDate certifiedFrom,
        LocalDate certifiedTo,
        Integer certifiedUnits,
        OffsetDateTime requestedAt) implements CanonicalEvent {

    public AuthorizationDecision {
        EventChecks.checkEnvelope(eventId, eventType, eventTime, source, facilityId, encounterId,
                EnumSet.of(EventType.AUTHORIZATION_DECISION));
        java.util.Objects.requireNonNull(action, "action is null");
    }

    /** Payer turnaround from request to this decision; null when the request time is unknown. */
    public Duration turnaround() {
        return requestedAt == null ? null : Duration.between(requestedAt, eventTime);
    }
}
