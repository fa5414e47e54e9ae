package io.admitto.qarules;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One thing a rule found wrong with a registration, written for the registrar who has to fix it.
 *
 * @param fieldPath where in the registration, in the canonical event's terms (e.g. {@code insurances[0].memberId})
 * @param valuesSeen the values the rule looked at, {@code path = value}; {@code (absent)} and {@code (empty)}
 *        tell a field never entered from one entered blank
 * @param message what is wrong, in the registrar's words
 * @param remediation what to do about it
 * @param predictedCarcs the claim adjustment reason codes (X12 CARC) the payer is expected to use if the
 *        registration goes out as it is; empty when no payer sees the problem (compliance findings)
 * @param source the regulation or standard behind the rule
 */
public record Finding(
        String ruleId,
        Category category,
        Severity severity,
        String fieldPath,
        List<String> valuesSeen,
        String message,
        String remediation,
        List<String> predictedCarcs,
        String source)
{
    public Finding
    {
        requireNonNull(ruleId, "ruleId is null");
        requireNonNull(category, "category is null");
        requireNonNull(severity, "severity is null");
        requireNonNull(fieldPath, "fieldPath is null");
        valuesSeen = List.copyOf(valuesSeen);
        requireNonNull(message, "message is null");
        requireNonNull(remediation, "remediation is null");
        predictedCarcs = List.copyOf(predictedCarcs);
        requireNonNull(source, "source is null");
    }
}
