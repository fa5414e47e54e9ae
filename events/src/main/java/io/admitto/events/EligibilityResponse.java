package io.admitto.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

/**
 * A payer's eligibility answer (X12 271), reduced to what patient access acts on.
 *
 * @param coverageStatus EB01 1/6 for service type 30; UNKNOWN when the request was rejected (AAA)
 * @param rejections AAA segments; non-empty means the inquiry must be corrected and re-sent
 * @param planBegin DTP*346 plan begin
 * @param planEnd DTP*347 plan end; null when open
 * @param copay EB01=B amount for the service (in network)
 * @param deductibleRemaining EB01=C remaining amount (EB06 29)
 * @param coinsurancePercent EB01=A percent, 0..1
 * @param outOfPocketRemaining EB01=G remaining amount
 * @param authorizationRequired EB11 for the service type; null when the payer did not say
 * @param inNetwork EB12; null when not stated
 * @param otherPayerIndicated an EB01=R (other or additional payer) was returned: a COB risk
 */
public record EligibilityResponse(
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
        CoverageStatus coverageStatus,
        List<RequestRejection> rejections,
        String planName,
        LocalDate planBegin,
        LocalDate planEnd,
        BigDecimal copay,
        BigDecimal deductibleRemaining,
        BigDecimal coinsurancePercent,
        BigDecimal outOfPocketRemaining,
        Boolean authorizationRequired,
        Boolean inNetwork,
        boolean otherPayerIndicated) implements CanonicalEvent {

    public EligibilityResponse {
        EventChecks.checkEnvelope(eventId, eventType, eventTime, source, facilityId, encounterId,
                EnumSet.of(EventType.ELIGIBILITY_RESPONSE));
        rejections = EventChecks.listOf(rejections);
        if (coverageStatus == null) {
            coverageStatus = CoverageStatus.UNKNOWN;
        }
    }
}
