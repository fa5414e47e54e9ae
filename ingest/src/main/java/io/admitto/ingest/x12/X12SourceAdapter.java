package io.admitto.ingest.x12;

import io.admitto.events.CanonicalEvent;
import io.admitto.events.DeadLetter;
import io.admitto.ingest.source.IngestSink;
import io.admitto.ingest.source.SourceAdapter;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;

import static java.util.Objects.requireNonNull;

/**
 * X12 files (270, 271, 278, 835, 277CA, 005010) into canonical events: {@link X12Reader} splits and
 * checks the envelopes, a {@link TransactionMapper} per transaction set maps each transaction, and every
 * part that cannot be mapped — a faulty envelope, a transaction of a type we do not read, one claim with
 * an unreadable amount — becomes one dead letter saying where it is and why.
 */
public final class X12SourceAdapter implements SourceAdapter {
    public static final String FORMAT = "x12";

    private final X12Settings settings;
    private final Clock clock;

    /** For {@link java.util.ServiceLoader}: no fixed facility, the machine's zone. */
    public X12SourceAdapter() {
        this(X12Settings.defaults(), Clock.systemUTC());
    }

    public X12SourceAdapter(X12Settings settings, Clock clock) {
        this.settings = requireNonNull(settings, "settings is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public void read(Path file, IngestSink sink) throws IOException {
        requireNonNull(file, "file is null");
        requireNonNull(sink, "sink is null");
        read(decode(Files.readAllBytes(file)), file.toString(), sink);
    }

    /** Reads X12 text that came from {@code origin} (a file name, a queue…). */
    public void read(String text, String origin, IngestSink sink) {
        requireNonNull(text, "text is null");
        requireNonNull(origin, "origin is null");
        requireNonNull(sink, "sink is null");
        new X12Reader().read(text, new X12Reader.Handler() {
            @Override
            public void transaction(X12Transaction transaction) {
                map(transaction, text, origin, sink);
            }

            @Override
            public void fault(X12Fault fault) {
                sink.deadLetter(deadLetter(origin, fault.location(), fault.reason(), fault.payload()));
            }
        });
    }

    private void map(X12Transaction transaction, String text, String origin, IngestSink sink) {
        if (!transaction.faults().isEmpty()) {
            sink.deadLetter(deadLetter(origin, transaction.location(),
                    "transaction envelope: " + String.join("; ", transaction.faults()) + "; the transaction is not mapped",
                    transaction.rawText()));
            return;
        }
        X12Output output = new X12Output() {
            @Override
            public void event(CanonicalEvent event) {
                sink.accept(event);
            }

            @Override
            public void reject(String location, String reason, String payload) {
                sink.deadLetter(deadLetter(origin, location, reason, payload));
            }
        };
        try {
            TransactionSets.mapperFor(transaction).map(new TransactionContext(transaction, settings, text), output);
        }
        catch (X12MappingException | IllegalArgumentException e) {
            // IllegalArgumentException: an event record refused a value (the event model's own checks)
            sink.deadLetter(deadLetter(origin, transaction.location(), e.getMessage(), transaction.rawText()));
        }
    }

    private DeadLetter deadLetter(String origin, String location, String reason, String payload) {
        return new DeadLetter(FORMAT, origin, location, reason, payload, OffsetDateTime.now(clock));
    }

    /** X12 is ASCII; a byte that is not valid UTF-8 is kept visible as U+FFFD rather than failing the file. */
    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        }
        catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalStateException("a replacing decoder cannot fail", e);
        }
    }
}
