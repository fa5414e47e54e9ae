package io.admitto.api.review;

import static java.util.Objects.requireNonNull;

/** The registration is already claimed by another reviewer. */
public final class ClaimedByOtherException
        extends RuntimeException
{
    private final Claim claim;

    public ClaimedByOtherException(Claim claim)
    {
        super("Claimed by " + requireNonNull(claim, "claim is null").assignee());
        this.claim = claim;
    }

    public Claim claim()
    {
        return claim;
    }
}
