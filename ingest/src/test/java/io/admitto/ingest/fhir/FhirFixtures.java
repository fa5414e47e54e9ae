package io.admitto.ingest.fhir;

import io.admitto.ingest.source.RecordingSink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** One adapter for all FHIR tests: a FhirContext is expensive, and the adapter is safe to share. */
final class FhirFixtures {
    static final FhirSourceAdapter ADAPTER = new FhirSourceAdapter(
            new FhirSettings(null, ZoneId.of("America/Chicago")), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

    private FhirFixtures() {}

    static RecordingSink read(String name) {
        RecordingSink sink = new RecordingSink();
        try {
            ADAPTER.read(Path.of(FhirFixtures.class.getResource("/samples/fhir/" + name).toURI()), sink);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
        return sink;
    }

    static RecordingSink readText(String text, boolean ndjson) {
        RecordingSink sink = new RecordingSink();
        ADAPTER.read(text, "test.json", ndjson, sink);
        return sink;
    }
}
