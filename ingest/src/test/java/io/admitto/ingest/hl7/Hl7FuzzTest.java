package io.admitto.ingest.hl7;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.admitto.events.CanonicalEvent;
import io.admitto.events.DeadLetter;
import io.admitto.events.EventJson;
import io.admitto.ingest.source.IngestSink;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Coverage-guided fuzzing of the HL7 file reader, HAPI parsing and the registration mapping: whatever the
 * bytes, every message becomes events or dead letters, never an exception, and never a dead letter that
 * admits an internal error. Under plain {@code mvn test} this replays the seed corpus
 * ({@code Hl7FuzzTestInputs/}, the public samples); {@code JAZZER_FUZZ=1} fuzzes for {@code maxDuration}.
 */
class Hl7FuzzTest {
    private static final Hl7SourceAdapter ADAPTER = new Hl7SourceAdapter(new Hl7MessageHandler(
            Hl7Options.inZone(ZoneId.of("America/Chicago")).withMaxMessageBytes(64 * 1024),
            Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)));
    private static final EventJson JSON = new EventJson();

    @FuzzTest(maxDuration = "5m")
    void anyBytesBecomeEventsOrDeadLetters(byte[] input) throws IOException {
        ADAPTER.read(new ByteArrayInputStream(input), "fuzz", new CheckingSink());
    }

    /** Fails on what the contract forbids: events that do not survive their own JSON, internal errors. */
    private static final class CheckingSink implements IngestSink {
        @Override
        public void accept(CanonicalEvent event) {
            // every event must be publishable: the codec is the next thing it meets
            JSON.fromJson(JSON.toJsonBytes(event));
        }

        @Override
        public void deadLetter(DeadLetter deadLetter) {
            if (deadLetter.reason().startsWith(Hl7MessageHandler.INTERNAL_ERROR)) {
                throw new AssertionError(deadLetter.reason() + "\n" + deadLetter.payload());
            }
        }
    }
}
