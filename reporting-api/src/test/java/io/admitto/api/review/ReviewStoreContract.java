package io.admitto.api.review;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every review store database must do, run against each: append-only history, compare-and-append
 * on the revision (also under a race), claims.
 */
abstract class ReviewStoreContract
{
    private static final Instant NOW = Instant.parse("2026-03-05T10:00:00Z");

    protected JdbcReviewStore store;

    /** A fresh, empty database for one test. */
    protected abstract ReviewStoreConfig freshDatabase()
            throws Exception;

    @BeforeEach
    void open()
            throws Exception
    {
        store = JdbcReviewStore.open(freshDatabase());
    }

    @AfterEach
    void close()
    {
        store.close();
    }

    @Test
    void decisionsAppendRevisionsAndKeepTheWholeHistory()
    {
        store.decide(decision("E1", 0, "alice", Decision.CONFIRMED_ERROR));
        store.decide(decision("E1", 1, "bob", Decision.CORRECTED));

        ReviewState state = store.state("E1");
        assertThat(state.revision()).isEqualTo(2);
        assertThat(state.history()).extracting(ReviewDecision::reviewer).containsExactly("alice", "bob");
        assertThat(state.history()).extracting(ReviewDecision::decision).containsExactly(Decision.CONFIRMED_ERROR, Decision.CORRECTED);
        assertThat(store.latestDecisions()).extracting(ReviewDecision::revision).containsExactly(2);
        assertThat(store.allDecisions()).hasSize(2);
    }

    @Test
    void aDecisionOnAStaleRevisionIsRefusedAndChangesNothing()
    {
        store.decide(decision("E2", 0, "alice", Decision.CONFIRMED_ERROR));

        assertThatThrownBy(() -> store.decide(decision("E2", 0, "bob", Decision.FALSE_POSITIVE)))
                .isInstanceOfSatisfying(StaleRevisionException.class, e -> assertThat(e.currentRevision()).isEqualTo(1));
        assertThat(store.state("E2").history()).extracting(ReviewDecision::reviewer).containsExactly("alice");
    }

    @Test
    void ofConcurrentDecisionsOnOneRevisionExactlyOneIsStored()
            throws Exception
    {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> racers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String reviewer = "r" + i;
                racers.add(() -> {
                    try {
                        store.decide(decision("E3", 0, reviewer, Decision.NEEDS_FOLLOW_UP));
                        return true;
                    }
                    catch (StaleRevisionException e) {
                        return false;
                    }
                });
            }
            long stored = 0;
            for (Future<Boolean> won : pool.invokeAll(racers, 60, TimeUnit.SECONDS)) {
                stored += won.get() ? 1 : 0;
            }
            assertThat(stored).isEqualTo(1);
        }
        finally {
            pool.shutdownNow();
        }
        assertThat(store.state("E3").history()).hasSize(1);
    }

    @Test
    void statesOfALongQueueAreTheStatesReadOneByOne()
    {
        // more registrations than one IN list takes and than were ever reviewed: the store reads all reviews once
        List<String> queue = new ArrayList<>();
        for (int index = 0; index < 1_200; index++) {
            queue.add("Q" + index);
        }
        store.decide(decision("Q7", 0, "alice", Decision.CONFIRMED_ERROR));
        store.decide(decision("Q7", 1, "bob", Decision.CORRECTED));
        store.decide(decision("Q1100", 0, "alice", Decision.FALSE_POSITIVE));
        store.claim("Q512", "carol", NOW);
        store.claim("not-in-the-queue", "carol", NOW);

        Map<String, ReviewState> states = store.states(queue);

        assertThat(states).containsOnlyKeys("Q7", "Q512", "Q1100");
        for (String encounterId : states.keySet()) {
            ReviewState one = store.state(encounterId);
            assertThat(states.get(encounterId).history()).as(encounterId).isEqualTo(one.history());
            assertThat(states.get(encounterId).claim()).as(encounterId).isEqualTo(one.claim());
        }
        assertThat(store.states(queue.subList(0, 10))).as("a short list by IN lists").containsOnlyKeys("Q7");
    }

    @Test
    void aClaimBelongsToTheFirstReviewer()
    {
        assertThat(store.claim("E4", "alice", NOW).assignee()).isEqualTo("alice");
        assertThat(store.claim("E4", "alice", NOW.plusSeconds(5)).claimedAt()).isEqualTo(NOW);
        assertThatThrownBy(() -> store.claim("E4", "bob", NOW))
                .isInstanceOfSatisfying(ClaimedByOtherException.class, e -> assertThat(e.claim().assignee()).isEqualTo("alice"));
        assertThat(store.states(List.of("E4", "E-untouched"))).containsOnlyKeys("E4");
    }

    protected static NewDecision decision(String encounter, int basedOn, String reviewer, Decision decision)
    {
        return new NewDecision(encounter, basedOn, 1, "F01", "ED", "R1", List.of("COV-001"), reviewer, decision, null, NOW);
    }
}
