package io.admitto.api.review;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/** Who works a flagged registration: the latest claim of the encounter. */
public record Claim(String encounterId, int claimRevision, String assignee, Instant claimedAt)
{
    public Claim
    {
        requireNonNull(encounterId, "encounterId is null");
        requireNonNull(assignee, "assignee is null");
        requireNonNull(claimedAt, "claimedAt is null");
    }
}
