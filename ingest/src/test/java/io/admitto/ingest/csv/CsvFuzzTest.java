package io.admitto.ingest.csv;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.admitto.events.CanonicalEvent;
import io.admitto.events.DeadLetter;
import io.admitto.events.EventJson;
import io.admitto.ingest.source.IngestSink;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Coverage-guided fuzzing of the CSV reader with the example mapping: whatever the text, rows become events
 * or dead letters and the reader never throws. Plain {@code mvn test} replays {@code CsvFuzzTestInputs/};
 * {@code JAZZER_FUZZ=1} fuzzes for {@code maxDuration}.
 */
class CsvFuzzTest {
    private static final CsvSourceAdapter ADAPTER = new CsvSourceAdapter(CsvMapping.example(), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    private static final EventJson JSON = new EventJson();

    @FuzzTest(maxDuration = "5m")
    void anyTextBecomesEventsOrDeadLetters(byte[] input) throws IOException {
        ADAPTER.read(new StringReader(new String(input, StandardCharsets.UTF_8)), "fuzz", new IngestSink() {
            @Override
            public void accept(CanonicalEvent event) {
                JSON.fromJson(JSON.toJsonBytes(event));
            }

            @Override
            public void deadLetter(DeadLetter deadLetter) {
                // any reason is fine: reaching here instead of throwing is the property
            }
        });
    }
}
