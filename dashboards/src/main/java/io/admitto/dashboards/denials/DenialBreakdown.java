package io.admitto.dashboards.denials;

import java.math.BigDecimal;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One level of the denials drill-down: the denials under the chosen payer, category and CARC, grouped by
 * the next of them.
 *
 * @param level what {@link Group#key()} is: {@code payer}, {@code category} or {@code carc}
 */
public record DenialBreakdown(String level, List<Group> groups)
{
    public DenialBreakdown
    {
        requireNonNull(level, "level is null");
        groups = List.copyOf(groups);
    }

    /**
     * The denials of one payer, category or CARC, largest amount first.
     *
     * @param frontEndAmount the part patient access could have prevented (a front-end category)
     * @param caughtAmount of that, what a QA finding predicted before the claim went out; the rest of the
     * front-end amount was missed by QA
     */
    public record Group(String key, long denials, long claims, BigDecimal amount, BigDecimal frontEndAmount, long caughtByQa,
            BigDecimal caughtAmount, BigDecimal missedAmount)
    {
        public Group
        {
            requireNonNull(key, "key is null");
        }
    }
}
