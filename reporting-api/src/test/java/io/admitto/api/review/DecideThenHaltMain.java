package io.admitto.api.review;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Stores one decision in the embedded review store under {@code args[0]} and halts the JVM the instant
 * {@code decide} returns: no shutdown hook, no close, nothing flushed afterwards — what {@code kill -9}
 * leaves on disk.
 */
public final class DecideThenHaltMain
{
    private DecideThenHaltMain() {}

    public static void main(String[] args)
    {
        ReviewStore store = JdbcReviewStore.open(ReviewStoreConfig.embedded(Path.of(args[0])));
        store.decide(new NewDecision(args[1], 0, 1, "F01", "ED", "R1", List.of("COV-001"), "alice", Decision.CONFIRMED_ERROR, "halted", Instant.now()));
        Runtime.getRuntime().halt(0);
    }
}
