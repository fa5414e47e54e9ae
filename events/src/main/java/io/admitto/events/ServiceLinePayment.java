package io.admitto.events;

import java.math.BigDecimal;
import java.util.List;

/** One SVC loop of an 835: what was billed and paid for a procedure, with its own CAS and RARCs (LQ). */
public record ServiceLinePayment(
        String procedureCode,
        BigDecimal billedAmount,
        BigDecimal paidAmount,
        int units,
        List<ClaimAdjustment> adjustments,
        List<String> remarkCodes) {
    public ServiceLinePayment {
        adjustments = EventChecks.listOf(adjustments);
        remarkCodes = EventChecks.listOf(remarkCodes);
    }
}
