package io.admitto.api.review;

import java.time.Instant;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** A decision about to be stored, with the revision the reviewer based it on (0 when there was none). */
public record NewDecision(
        String encounterId,
        int basedOnRevision,
        int assessmentVersion,
        String facilityId,
        String department,
        String registrarId,
        List<String> ruleIds,
        String reviewer,
        Decision decision,
        String note,
        Instant decidedAt)
{
    public NewDecision
    {
        requireNonNull(encounterId, "encounterId is null");
        if (basedOnRevision < 0) {
            throw new IllegalArgumentException("basedOnRevision is negative: " + basedOnRevision);
        }
        requireNonNull(facilityId, "facilityId is null");
        ruleIds = List.copyOf(ruleIds);
        requireNonNull(reviewer, "reviewer is null");
        requireNonNull(decision, "decision is null");
        requireNonNull(decidedAt, "decidedAt is null");
    }
}
