package io.admitto.ingest.source;

import io.admitto.events.CanonicalEvent;
import io.admitto.events.DeadLetter;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import static java.util.Objects.requireNonNull;

/**
 * Counts what passes through a sink, per event type and per dead-letter format, for the summary
 * printed at the end of an ingest (read / published / dead-lettered). Thread-safe: the MLLP listener
 * serves several connections at once.
 */
public final class IngestCounts implements IngestSink {
    private final IngestSink delegate;
    private final Map<String, LongAdder> events = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> deadLetters = new ConcurrentHashMap<>();

    public IngestCounts(IngestSink delegate) {
        this.delegate = requireNonNull(delegate, "delegate is null");
    }

    @Override
    public void accept(CanonicalEvent event) {
        delegate.accept(event);
        events.computeIfAbsent(event.eventType().wireName(), key -> new LongAdder()).increment();
    }

    @Override
    public void deadLetter(DeadLetter deadLetter) {
        delegate.deadLetter(deadLetter);
        deadLetters.computeIfAbsent(deadLetter.format(), key -> new LongAdder()).increment();
    }

    /** Events passed on, by event type wire name, sorted. */
    public Map<String, Long> eventsByType() {
        return snapshot(events);
    }

    /** Dead letters, by source format, sorted. */
    public Map<String, Long> deadLettersByFormat() {
        return snapshot(deadLetters);
    }

    public long totalEvents() {
        return events.values().stream().mapToLong(LongAdder::sum).sum();
    }

    public long totalDeadLetters() {
        return deadLetters.values().stream().mapToLong(LongAdder::sum).sum();
    }

    private static Map<String, Long> snapshot(Map<String, LongAdder> counters) {
        Map<String, Long> sorted = new TreeMap<>();
        counters.forEach((key, value) -> sorted.put(key, value.sum()));
        return sorted;
    }
}
