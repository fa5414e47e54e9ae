package io.admitto.dashboards.denials;

import java.math.BigDecimal;
import java.time.Instant;

/** The last level of the denials drill-down: one denying adjustment and the registration it belongs to. */
public record DeniedRegistration(
        String encounterId,
        String claimId,
        String facilityId,
        String department,
        String registrarId,
        Instant remittedAt,
        String groupCode,
        String carc,
        BigDecimal amount,
        boolean frontEnd,
        String predictedBy,
        boolean caughtByQa) {}
