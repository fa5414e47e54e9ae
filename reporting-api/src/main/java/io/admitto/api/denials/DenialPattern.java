package io.admitto.api.denials;

import java.math.BigDecimal;
import java.time.Instant;

/** One row of {@code denial_patterns}; see docs/tables.md. */
public record DenialPattern(
        String windowSize,
        Instant windowStart,
        String facilityId,
        String payerId,
        String department,
        String category,
        boolean frontEnd,
        long denials,
        long deniedClaims,
        BigDecimal deniedAmount,
        long remittedClaims,
        double denialRate,
        Double baselineMean,
        Double zScore,
        boolean spike) {}
