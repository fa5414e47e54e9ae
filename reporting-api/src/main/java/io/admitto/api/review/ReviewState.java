package io.admitto.api.review;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** An encounter's review: its decisions, oldest first, and who holds it. */
public record ReviewState(String encounterId, List<ReviewDecision> history, Optional<Claim> claim)
{
    public ReviewState
    {
        requireNonNull(encounterId, "encounterId is null");
        history = List.copyOf(history);
        requireNonNull(claim, "claim is null");
    }

    /** 0 before the first decision. */
    public int revision()
    {
        return history.isEmpty() ? 0 : history.get(history.size() - 1).revision();
    }

    public Optional<ReviewDecision> current()
    {
        return history.isEmpty() ? Optional.empty() : Optional.of(history.get(history.size() - 1));
    }
}
