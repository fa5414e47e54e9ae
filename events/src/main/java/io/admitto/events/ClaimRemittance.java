package io.admitto.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

/**
 * How a payer adjudicated one claim (an 835 CLP loop).
 *
 * @param claimId CLP01 patient control number; the provider sets it to the encounter id
 * @param claimStatus CLP02: 1 processed as primary, 2 secondary, 3 tertiary, 4 denied, 22 reversal...
 * @param payerClaimNumber CLP07
 * @param adjustments claim-level CAS
 * @param remarkCodes claim-level RARCs (MOA/MIA)
 * @param paymentDate BPR16 / check date
 */
public record ClaimRemittance(
        UUID eventId,
        EventType eventType,
        OffsetDateTime eventTime,
        EventSource source,
        String facilityId,
        int schemaVersion,
        String encounterId,
        String claimId,
        String payerId,
        String payerClaimNumber,
        String claimStatus,
        BigDecimal billedAmount,
        BigDecimal paidAmount,
        BigDecimal patientResponsibility,
        List<ClaimAdjustment> adjustments,
        List<String> remarkCodes,
        List<ServiceLinePayment> serviceLines,
        LocalDate serviceDate,
        LocalDate paymentDate) implements CanonicalEvent {

    public ClaimRemittance {
        EventChecks.checkEnvelope(eventId, eventType, eventTime, source, facilityId, encounterId,
                EnumSet.of(EventType.CLAIM_REMITTANCE));
        adjustments = EventChecks.listOf(adjustments);
        remarkCodes = EventChecks.listOf(remarkCodes);
        serviceLines = EventChecks.listOf(serviceLines);
    }
}
