package io.admitto.ingest.source;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file-based source format (HL7 v2, X12, FHIR R4, CSV): reads one file and hands every unit it
 * contains (message, transaction set, resource, row) to the sink, as canonical events or, when a unit
 * cannot be parsed or mapped, as one dead letter that names the file and the place in it.
 *
 * <p>Implementations are discovered by {@link SourceAdapters} through {@link java.util.ServiceLoader}
 * (list the class in {@code META-INF/services/io.admitto.ingest.source.SourceAdapter}), so the
 * command line needs no compile-time reference to any format. They therefore need a public no-argument
 * constructor, must be stateless between files (one instance may read several files, and files from
 * several threads), and must never let one bad unit stop the rest of the file.
 *
 * <p>Contract of {@link #read}:
 * <ul>
 *   <li>every unit becomes events or exactly one dead letter; a unit is never silently dropped;</li>
 *   <li>event ids are deterministic ({@link EventIds#of}), from what identifies the unit in the source,
 *       so reading the same file twice yields the same ids;</li>
 *   <li>a runtime exception escaping {@code read} is a bug in the adapter, not bad input;</li>
 *   <li>{@link IOException} only when the file itself cannot be read (missing, unreadable) — the caller
 *       reports it and moves on to the next file.</li>
 * </ul>
 * The caller owns the sink's flushing: it flushes after each file (and before acknowledging anything).
 */
public interface SourceAdapter {
    /** The format name used on the command line and in {@code DeadLetter.format}: {@code hl7}, {@code x12}, {@code fhir}, {@code csv}. */
    String format();

    /**
     * Reads every unit in {@code file} into {@code sink}.
     *
     * @throws IOException only when the file cannot be read at all
     */
    void read(Path file, IngestSink sink) throws IOException;
}
