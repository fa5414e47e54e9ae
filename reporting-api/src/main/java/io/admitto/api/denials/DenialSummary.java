package io.admitto.api.denials;

import java.math.BigDecimal;
import java.util.List;

/**
 * The answer of {@code GET /api/denials/summary}.
 *
 * @param categories by denied amount, largest first
 * @param preventableShare front-end (preventable by patient access) denied amount / all denied amount
 * @param caughtShare of the front-end denials, the share of the amount a QA finding predicted before the claim
 */
public record DenialSummary(
        long denials,
        BigDecimal deniedAmount,
        long frontEndDenials,
        BigDecimal frontEndAmount,
        Double preventableShare,
        long caughtByQa,
        BigDecimal caughtAmount,
        long missedByQa,
        BigDecimal missedAmount,
        Double caughtShare,
        List<Category> categories)
{
    public DenialSummary
    {
        categories = List.copyOf(categories);
    }

    public record Category(String category, boolean frontEnd, long denials, long claims, BigDecimal amount, long caughtByQa) {}
}
