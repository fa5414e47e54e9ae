package io.admitto.api.quality;

import static java.util.Objects.requireNonNull;

/**
 * One registrar's registration quality over the period (HFMA registration QA): error rate = errors (error
 * and critical findings, an account with three errors counts three) / registrations; accuracy rate =
 * error-free (clean) registrations / registrations. Warnings are counted apart and never make a
 * registration inaccurate.
 *
 * @param registrarId null for registrations without a registrar (HL7 EVN-5 missing)
 */
public record RegistrarScorecard(
        String facilityId,
        String registrarId,
        long registrations,
        long cleanRegistrations,
        long errors,
        long warnings,
        double errorRate,
        double accuracyRate,
        double meanScore,
        boolean meetsAccuracyTarget)
{
    public RegistrarScorecard
    {
        requireNonNull(facilityId, "facilityId is null");
    }

    /** The same figures, judged against the organisation's accuracy target. */
    public RegistrarScorecard withAccuracyTarget(double target)
    {
        return new RegistrarScorecard(facilityId, registrarId, registrations, cleanRegistrations, errors, warnings, errorRate, accuracyRate, meanScore,
                accuracyRate >= target);
    }
}
