package io.admitto.api.denials;

import java.math.BigDecimal;
import java.time.Instant;

/** One row of {@code denials} as the list shows it; see docs/tables.md for each field. */
public record DenialRecord(
        String encounterId,
        String claimId,
        String payerId,
        String facilityId,
        String department,
        String registrarId,
        Instant remittedAt,
        String groupCode,
        String carc,
        BigDecimal amount,
        BigDecimal billedAmount,
        String category,
        boolean frontEnd,
        String predictedBy,
        boolean caughtByQa) {}
