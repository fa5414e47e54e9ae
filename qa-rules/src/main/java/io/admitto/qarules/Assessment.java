package io.admitto.qarules;

import io.admitto.qarules.scoring.Grade;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The verdict on one registration as of {@code asOf}: score, grade, HFMA clean flag and the findings.
 * It also carries what the HFMA rates are grouped by (registrar, department, payer, service date), so
 * {@link io.admitto.qarules.scoring.QualityRates} can aggregate assessments without the snapshots.
 *
 * @param registrarId who the findings are attributed to: the operator (EVN-5) of the registration or
 *        admission, else of the latest registration event; null when no registrar was recorded
 * @param payerId the primary payer's ID, {@code SELF} for self-pay
 * @param serviceDate the scheduled service's date in the facility's local time; null when not scheduled
 * @param score 0-100, 100 for a registration without findings
 * @param clean HFMA: a registration with zero errors (warnings do not count)
 */
public record Assessment(
        String encounterId,
        String facilityId,
        String registrarId,
        String department,
        String payerId,
        LocalDate serviceDate,
        Instant asOf,
        int score,
        Grade grade,
        boolean clean,
        int criticalCount,
        int errorCount,
        int warningCount,
        List<Finding> findings)
{
    public static final String SELF_PAY = "SELF";

    public Assessment
    {
        requireNonNull(encounterId, "encounterId is null");
        requireNonNull(asOf, "asOf is null");
        requireNonNull(grade, "grade is null");
        findings = List.copyOf(findings);
        if (score < 0 || score > 100) {
            throw new IllegalArgumentException("score must be between 0 and 100: " + score);
        }
    }

    /** Errors as HFMA counts them: every error and critical finding (an account with three errors counts three). */
    public int errors()
    {
        return criticalCount + errorCount;
    }

    public boolean hasFinding(String ruleId)
    {
        for (Finding finding : findings) {
            if (finding.ruleId().equals(ruleId)) {
                return true;
            }
        }
        return false;
    }
}
