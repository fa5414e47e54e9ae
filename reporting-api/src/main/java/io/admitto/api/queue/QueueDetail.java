package io.admitto.api.queue;

import com.fasterxml.jackson.databind.JsonNode;
import io.admitto.api.review.Claim;
import io.admitto.api.review.ReviewDecision;

import java.util.List;

/**
 * The answer of {@code GET /api/queue/{encounterId}}: QA reviewers only, every read audited. The
 * {@code ETag} header carries {@link #etag()}; a decision must send it back in {@code If-Match}.
 *
 * @param explanations the findings as the rules explained them (message, remediation, values seen): they
 * quote what was entered, so they are PHI like {@link #patient()}
 */
public record QueueDetail(
        QueueItem item,
        String grade,
        List<Finding> findings,
        JsonNode explanations,
        Patient patient,
        Claim claim,
        List<ReviewDecision> history,
        String etag)
{
    public QueueDetail
    {
        findings = List.copyOf(findings);
        history = List.copyOf(history);
    }

    /** A finding of the current assessment, with the rule's title from the catalogue. */
    public record Finding(String ruleId, String category, String severity, String fieldPath, String predictedCarcs, String title)
    {
        Finding(String ruleId, String category, String severity, String fieldPath, String predictedCarcs)
        {
            this(ruleId, category, severity, fieldPath, predictedCarcs, null);
        }

        Finding withTitle(String title)
        {
            return new Finding(ruleId, category, severity, fieldPath, predictedCarcs, title);
        }
    }

    /** The identifying fields from registration_phi. */
    public record Patient(String mrn, String familyName, String givenName, java.time.LocalDate birthDate, String sex, String ssn, String phone,
            String address, String memberId)
    {
        /** Field names as the audit log records them (the registration_phi columns). */
        static final List<String> AUDITED_FIELDS = List.of("mrn", "family_name", "given_name", "birth_date", "sex", "ssn", "phone", "address",
                "member_id", "findings_detail");
    }
}
