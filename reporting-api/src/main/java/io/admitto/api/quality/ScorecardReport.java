package io.admitto.api.quality;

import java.util.List;

/** The answer of {@code GET /api/quality/registrars}: each registrar, then the totals over all of them. */
public record ScorecardReport(double accuracyTarget, long registrations, long cleanRegistrations, long errors, Double errorRate, Double accuracyRate,
        List<RegistrarScorecard> registrars)
{
    public ScorecardReport
    {
        registrars = List.copyOf(registrars);
    }
}
