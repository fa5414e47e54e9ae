package io.admitto.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

/** A clearinghouse or payer acknowledgment of one claim (X12 277CA). */
public record ClaimAcknowledgment(
        UUID eventId,
        EventType eventType,
        OffsetDateTime eventTime,
        EventSource source,
        String facilityId,
        int schemaVersion,
        String encounterId,
        String claimId,
        String payerId,
        List<ClaimStatusCode> statuses,
        BigDecimal totalCharge,
        LocalDate statusDate) implements CanonicalEvent {

    public ClaimAcknowledgment {
        EventChecks.checkEnvelope(eventId, eventType, eventTime, source, facilityId, encounterId,
                EnumSet.of(EventType.CLAIM_ACKNOWLEDGMENT));
        statuses = EventChecks.listOf(statuses);
    }

    /** Rejected when any status carries a rejection category; otherwise accepted. */
    public boolean rejected() {
        return statuses.stream().anyMatch(ClaimStatusCode::isRejection);
    }
}
