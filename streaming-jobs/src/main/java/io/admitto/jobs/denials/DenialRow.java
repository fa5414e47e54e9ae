package io.admitto.jobs.denials;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One row of {@code denials}: one denying adjustment of a remitted claim. Money travels as cents (a
 * long): Flink has no serializer of its own for {@link BigDecimal} fields in POJOs without Kryo.
 */
public record DenialRow(
        String encounterId,
        String claimId,
        String payerId,
        String facilityId,
        String department,
        String registrarId,
        Instant remittedAt,
        String claimStatus,
        String groupCode,
        String carc,
        String remarkCodes,
        long amountCents,
        long billedCents,
        String category,
        boolean frontEnd,
        String findingsBeforeClaim,
        String predictedBy,
        boolean caughtByQa) {

    public Object[] columnValues() {
        return new Object[] {encounterId, claimId, payerId, facilityId, department, registrarId, remittedAt, claimStatus, groupCode,
                carc, remarkCodes, BigDecimal.valueOf(amountCents, 2), BigDecimal.valueOf(billedCents, 2), category, frontEnd,
                findingsBeforeClaim, predictedBy, caughtByQa};
    }
}
