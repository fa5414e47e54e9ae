package io.admitto.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

/**
 * An eligibility inquiry sent to a payer (X12 270). Kept for request timing: the 271 that answers
 * it carries the same {@code traceNumber} (TRN02).
 *
 * @param serviceTypeCodes EQ01 service types asked about (30 = health benefit plan coverage)
 */
public record EligibilityInquiry(
        UUID eventId,
        EventType eventType,
        OffsetDateTime eventTime,
        EventSource source,
        String facilityId,
        int schemaVersion,
        String encounterId,
        String traceNumber,
        String payerId,
        String memberId,
        LocalDate serviceDate,
        List<String> serviceTypeCodes,
        String requestedBy) implements CanonicalEvent {

    public EligibilityInquiry {
        EventChecks.checkEnvelope(eventId, eventType, eventTime, source, facilityId, encounterId,
                EnumSet.of(EventType.ELIGIBILITY_INQUIRY));
        serviceTypeCodes = EventChecks.listOf(serviceTypeCodes);
    }
}
