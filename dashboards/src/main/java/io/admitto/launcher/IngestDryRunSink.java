package io.admitto.launcher;

import io.admitto.events.CanonicalEvent;
import io.admitto.events.DeadLetter;
import io.admitto.events.EventJson;
import io.admitto.ingest.source.IngestSink;

import java.io.PrintWriter;

import static java.util.Objects.requireNonNull;

/**
 * {@code ingest --dry-run}: what a file becomes, without Kafka. Events as NDJSON on stdout (pipe them to
 * {@code jq}), dead letters with their place and reason on stderr. Synchronized: the MLLP listener writes
 * from several connections.
 */
final class IngestDryRunSink implements IngestSink {
    private final PrintWriter events;
    private final PrintWriter deadLetters;
    private final EventJson json;

    IngestDryRunSink(PrintWriter events, PrintWriter deadLetters, EventJson json) {
        this.events = requireNonNull(events, "events is null");
        this.deadLetters = requireNonNull(deadLetters, "deadLetters is null");
        this.json = requireNonNull(json, "json is null");
    }

    @Override
    public synchronized void accept(CanonicalEvent event) {
        events.println(json.toJson(event));
    }

    @Override
    public synchronized void deadLetter(DeadLetter deadLetter) {
        deadLetters.println("dead letter: " + deadLetter.origin() + ", " + deadLetter.location() + ": " + deadLetter.reason());
    }

    synchronized void flush() {
        events.flush();
        deadLetters.flush();
    }
}
