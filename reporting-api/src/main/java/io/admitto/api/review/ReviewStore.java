package io.admitto.api.review;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Where QA decisions and claims live: a transactional store, append-only (a decision is never updated or
 * deleted; the next one is a new revision), safe under concurrent reviewers (compare-and-append on the
 * revision: a decision based on a stale revision is refused, never silently lost). Durable on return.
 */
public interface ReviewStore
        extends AutoCloseable
{
    /** The encounter's review; empty history and no claim when nobody has touched it. */
    ReviewState state(String encounterId);

    /** The review of each of the encounters that has one (a decision or a claim). */
    Map<String, ReviewState> states(Collection<String> encounterIds);

    /** Every encounter's latest decision. */
    List<ReviewDecision> latestDecisions();

    /** Every decision ever stored, oldest first, for the export. */
    List<ReviewDecision> allDecisions();

    /**
     * Appends the decision as revision {@code basedOnRevision + 1}.
     *
     * @throws StaleRevisionException if the encounter's latest revision is not {@code basedOnRevision}
     */
    ReviewDecision decide(NewDecision decision);

    /**
     * Assigns the encounter to the user (again, if it already is theirs).
     *
     * @throws ClaimedByOtherException if another user holds it
     */
    Claim claim(String encounterId, String user, java.time.Instant at);

    @Override
    void close();
}
