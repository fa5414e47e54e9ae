package io.admitto.ingest.hl7;

import io.admitto.ingest.source.IngestSink;
import io.admitto.ingest.source.SourceAdapter;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;

import static java.util.Objects.requireNonNull;

/**
 * {@code hl7}: files of HL7 v2 ADT messages (one or many per file, CR/LF/CRLF separated, MLLP framing and
 * batch envelopes tolerated; see {@link Hl7MessageSplitter}) to registration events. The origin of a dead
 * letter is the file path; its location the message number and the line of the segment at fault.
 */
public final class Hl7SourceAdapter implements SourceAdapter {
    private final Hl7MessageHandler handler;

    /** For {@link java.util.ServiceLoader}: timestamps without an offset are read in the JVM's zone. */
    public Hl7SourceAdapter() {
        this(new Hl7MessageHandler(Hl7Options.inZone(ZoneId.systemDefault()), Clock.systemUTC()));
    }

    public Hl7SourceAdapter(Hl7MessageHandler handler) {
        this.handler = requireNonNull(handler, "handler is null");
    }

    @Override
    public String format() {
        return Hl7MessageHandler.FORMAT;
    }

    @Override
    public void read(Path file, IngestSink sink) throws IOException {
        requireNonNull(file, "file is null");
        try (InputStream input = Files.newInputStream(file)) {
            read(input, file.toString(), sink);
        }
    }

    /** Reads messages from {@code input} to its end; {@code origin} names it in dead letters. */
    public void read(InputStream input, String origin, IngestSink sink) throws IOException {
        requireNonNull(input, "input is null");
        requireNonNull(origin, "origin is null");
        requireNonNull(sink, "sink is null");
        new Hl7MessageSplitter(handler.maxMessageBytes(), raw -> handler.handle(raw, origin, sink)).split(input);
    }
}
