package io.admitto.ingest.fhir;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.admitto.events.CanonicalEvent;
import io.admitto.events.DeadLetter;
import io.admitto.events.EventJson;
import io.admitto.ingest.source.IngestSink;

import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzzing of HAPI parsing, reference resolution and the resource mappers: whatever the
 * bytes (as a Bundle or as NDJSON), the adapter produces events or dead letters and never throws. Under
 * plain {@code mvn test} this replays the seed corpus ({@code FhirFuzzTestInputs/}: the hand-made
 * fixtures); {@code JAZZER_FUZZ=1} fuzzes for {@code maxDuration}.
 */
class FhirFuzzTest {
    private static final EventJson JSON = new EventJson();

    @FuzzTest(maxDuration = "10m")
    void anyTextBecomesEventsOrDeadLetters(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        FhirFixtures.ADAPTER.read(text, "fuzz", false, new CheckingSink());
        FhirFixtures.ADAPTER.read(text, "fuzz", true, new CheckingSink());
    }

    /** Every event must be publishable: the JSON codec is the next thing it meets. */
    private static final class CheckingSink implements IngestSink {
        @Override
        public void accept(CanonicalEvent event) {
            JSON.fromJson(JSON.toJsonBytes(event));
        }

        @Override
        public void deadLetter(DeadLetter deadLetter) {
            // reaching here is the contract; the record itself refuses null parts
        }
    }
}
