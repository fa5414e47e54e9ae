package io.admitto.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.UUID;

/**
 * A prior-authorization request sent to a payer (X12 278 request).
 *
 * @param requestCategory UM01: HS health services review, AR admission review, SC specialty care
 * @param certificationType UM02: I initial, R renewal, S revised, E extension
 * @param serviceTypeCode UM03 service type
 * @param expedited urgent request: CMS-0057-F allows 72 hours instead of 7 calendar days
 * @param trackingNumber TRN02 that the decision echoes
 */
public record AuthorizationRequest(
        UUID eventId,
        EventType eventType,
        OffsetDateTime eventTime,
        EventSource source,
        String facilityId,
        int schemaVersion,
        String encounterId,
        String trackingNumber,
        String payerId,
        String requestCategory,
        String certificationType,
        String serviceTypeCode,
        String procedureCode,
        int requestedUnits,
        LocalDate serviceFrom,
        LocalDate serviceTo,
        boolean expedited) implements CanonicalEvent {

    public AuthorizationRequest {
        EventChecks.checkEnvelope(eventId, eventType, eventTime, source, facilityId, encounterId,
                EnumSet.of(EventType.AUTHORIZATION_REQUEST));
    }
}
