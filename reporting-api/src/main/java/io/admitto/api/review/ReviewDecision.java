package io.admitto.api.review;

import java.time.Instant;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One stored decision: a revision of the encounter's review. Decisions are never changed or deleted; a
 * changed mind is the next revision.
 *
 * @param revision 1 for the first decision on the encounter, then +1 per decision
 * @param assessmentVersion the registration_quality version the reviewer saw
 * @param ruleIds the rules whose findings the decision is about
 * @param note free text; may quote PHI, so it stays in the store (qa_reviews says only whether there is one)
 */
public record ReviewDecision(
        String reviewId,
        String encounterId,
        int revision,
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
    public ReviewDecision
    {
        requireNonNull(reviewId, "reviewId is null");
        requireNonNull(encounterId, "encounterId is null");
        if (revision < 1) {
            throw new IllegalArgumentException("revision must be positive: " + revision);
        }
        requireNonNull(facilityId, "facilityId is null");
        ruleIds = List.copyOf(ruleIds);
        requireNonNull(reviewer, "reviewer is null");
        requireNonNull(decision, "decision is null");
        requireNonNull(decidedAt, "decidedAt is null");
    }

    public boolean hasNote()
    {
        return note != null && !note.isBlank();
    }
}
