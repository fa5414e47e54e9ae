package io.admitto.ingest.x12;

import io.admitto.events.CanonicalEvent;
import io.admitto.ingest.source.RecordingSink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/** Reading test resources through the adapter, in the facility's zone and at a fixed receive time. */
final class X12Fixtures {
    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    static final X12SourceAdapter ADAPTER = new X12SourceAdapter(new X12Settings(null, CHICAGO), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

    private X12Fixtures() {}

    static Path resource(String name) {
        try {
            return Path.of(X12Fixtures.class.getResource("/samples/x12/" + name).toURI());
        }
        catch (URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException("no test resource samples/x12/" + name, e);
        }
    }

    static String text(String name) {
        try {
            return Files.readString(resource(name), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RecordingSink read(String name) {
        RecordingSink sink = new RecordingSink();
        try {
            ADAPTER.read(resource(name), sink);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sink;
    }

    static RecordingSink readText(String text) {
        RecordingSink sink = new RecordingSink();
        ADAPTER.read(text, "test.x12", sink);
        return sink;
    }

    static <T extends CanonicalEvent> List<T> events(RecordingSink sink, Class<T> type) {
        return sink.events().stream().map(type::cast).toList();
    }
}
