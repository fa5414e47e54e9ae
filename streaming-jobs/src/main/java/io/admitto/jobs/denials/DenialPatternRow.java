package io.admitto.jobs.denials;

import java.math.BigDecimal;
import java.time.Instant;

/** One row of {@code denial_patterns}. Money as cents; nullable baseline figures as boxed doubles. */
public record DenialPatternRow(
        String windowSize,
        Instant windowStart,
        String facilityId,
        String payerId,
        String department,
        String category,
        boolean frontEnd,
        long denials,
        long deniedClaims,
        long deniedCents,
        long remittedClaims,
        double denialRate,
        int baselineWindows,
        Double baselineMean,
        Double baselineStddev,
        Double zScore,
        boolean spike) {

    public Object[] columnValues() {
        return new Object[] {windowSize, windowStart, facilityId, payerId, department, category, frontEnd, denials, deniedClaims,
                BigDecimal.valueOf(deniedCents, 2), remittedClaims, denialRate, baselineWindows, baselineMean, baselineStddev, zScore, spike};
    }
}
