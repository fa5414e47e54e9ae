package io.admitto.qarules.catalogue;

/**
 * One rule's results against injected defects.
 *
 * @param mapped some defect must trigger this rule; only mapped rules have a meaningful recall
 * @param fired encounters where the rule reported at least one finding
 * @param truePositives of those, encounters whose injected defect explains the rule (must or may fire)
 * @param expected encounters whose injected defect must trigger the rule
 * @param detected of those, encounters where it fired
 */
public record PrecisionRecall(String ruleId, boolean deterministic, boolean mapped, long fired, long truePositives, long expected, long detected)
{
    public long falsePositives()
    {
        return fired - truePositives;
    }

    /** TP / fired; 1 when the rule never fired (no false positives). */
    public double precision()
    {
        return fired == 0 ? 1 : (double) truePositives / fired;
    }

    /** detected / expected; 1 when no encounter should have triggered it. */
    public double recall()
    {
        return expected == 0 ? 1 : (double) detected / expected;
    }

    /** Whether a threshold applies: deterministic rules some defect must trigger. */
    public boolean gated()
    {
        return deterministic && mapped;
    }
}
