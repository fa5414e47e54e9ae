package io.admitto.ingest.source;

import io.admitto.events.CanonicalEvent;
import io.admitto.events.DeadLetter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Keeps what an adapter produced, in order, for tests to assert on. Thread-safe. */
public final class RecordingSink implements IngestSink {
    private final List<CanonicalEvent> events = Collections.synchronizedList(new ArrayList<>());
    private final List<DeadLetter> deadLetters = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void accept(CanonicalEvent event) {
        events.add(event);
    }

    @Override
    public void deadLetter(DeadLetter deadLetter) {
        deadLetters.add(deadLetter);
    }

    public List<CanonicalEvent> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    public List<DeadLetter> deadLetters() {
        synchronized (deadLetters) {
            return List.copyOf(deadLetters);
        }
    }

    /** The only event, failing when there is not exactly one. */
    public CanonicalEvent onlyEvent() {
        List<CanonicalEvent> all = events();
        if (all.size() != 1) {
            throw new AssertionError("expected one event, got " + all.size() + " and dead letters " + deadLetters());
        }
        return all.get(0);
    }

    /** The only dead letter, failing when there is not exactly one. */
    public DeadLetter onlyDeadLetter() {
        List<DeadLetter> all = deadLetters();
        if (all.size() != 1) {
            throw new AssertionError("expected one dead letter, got " + all.size() + " and events " + events());
        }
        return all.get(0);
    }
}
