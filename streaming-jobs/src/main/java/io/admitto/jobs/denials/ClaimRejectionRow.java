package io.admitto.jobs.denials;

import java.time.Instant;

/** One row of {@code claim_rejections}: a 277CA status that rejected the claim before adjudication. */
public record ClaimRejectionRow(
        String encounterId,
        String claimId,
        String payerId,
        String facilityId,
        String department,
        String registrarId,
        Instant acknowledgedAt,
        String categoryCode,
        String statusCode,
        String entityCode) {

    public Object[] columnValues() {
        return new Object[] {encounterId, claimId, payerId, facilityId, department, registrarId, acknowledgedAt, categoryCode, statusCode, entityCode};
    }
}
