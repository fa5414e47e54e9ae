package io.admitto.api.rules;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A rule of the catalogue with how it performs.
 *
 * @param fires findings of the rule in the current (latest) assessment of the registrations in the filter
 * @param encounters registrations currently flagged by the rule
 * @param reviewed registrations whose latest review decision is about this rule
 * @param falsePositives of those, decided false_positive
 * @param falsePositiveRate falsePositives / reviewed; null before the first review
 */
public record RuleStatistics(
        String id,
        String title,
        String category,
        String severity,
        boolean deterministic,
        List<String> carcs,
        long fires,
        long encounters,
        long reviewed,
        long falsePositives,
        Double falsePositiveRate)
{
    public RuleStatistics
    {
        requireNonNull(id, "id is null");
        carcs = List.copyOf(carcs);
    }
}
