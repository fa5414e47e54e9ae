package io.admitto.qarules.rule;

import java.util.List;

/**
 * Where a rule reports what it found; the engine adds the rule's id, category, effective severity and
 * source. Values are rendered with {@link Values} so a missing value reads differently from an empty one.
 */
public interface FindingSink
{
    /** Reports a finding predicting the rule's catalogue CARCs. */
    void report(String fieldPath, List<String> valuesSeen, String message, String remediation);

    /** Reports a finding predicting {@code predictedCarcs} (narrower than the catalogue's, e.g. by AAA reason). */
    void report(String fieldPath, List<String> valuesSeen, String message, String remediation, List<String> predictedCarcs);
}
