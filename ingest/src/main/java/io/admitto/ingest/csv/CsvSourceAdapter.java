package io.admitto.ingest.csv;

import io.admitto.events.DeadLetter;
import io.admitto.ingest.source.IngestSink;
import io.admitto.ingest.source.SourceAdapter;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * {@code csv}: legacy registration exports (RFC 4180: a header row, fields quoted with {@code "} when they
 * hold the delimiter, a quote or a line break) to registration events through a {@link CsvMapping}. Each
 * row is one event or one dead letter whose location is the row number (1 = first row after the header)
 * and its line in the file. Quoting broken beyond repair (an unclosed quote) makes the rest of the file
 * unreadable: that rest becomes one dead letter.
 */
public final class CsvSourceAdapter implements SourceAdapter {
    static final String FORMAT = "csv";
    /** Keeps dead letters of a broken file bounded. */
    private static final int MAX_PAYLOAD_CHARS = 64 * 1024;

    private final CsvMapping mapping;
    private final Clock clock;

    /** For {@link java.util.ServiceLoader}: the example mapping ({@link CsvMapping#example()}). */
    public CsvSourceAdapter() {
        this(CsvMapping.example(), Clock.systemUTC());
    }

    public CsvSourceAdapter(CsvMapping mapping, Clock clock) {
        this.mapping = requireNonNull(mapping, "mapping is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public void read(Path file, IngestSink sink) throws IOException {
        requireNonNull(file, "file is null");
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            read(reader, file.toString(), sink);
        }
        catch (java.nio.charset.MalformedInputException e) {
            sink.deadLetter(deadLetter(file.toString(), "file", "not UTF-8 text: " + e.getMessage(), ""));
        }
    }

    /** Reads one CSV document from {@code reader}; {@code origin} names it in dead letters. */
    public void read(Reader reader, String origin, IngestSink sink) throws IOException {
        requireNonNull(reader, "reader is null");
        requireNonNull(origin, "origin is null");
        requireNonNull(sink, "sink is null");
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(mapping.delimiter())
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setAllowMissingColumnNames(true)
                .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL)
                .setTrim(false)
                .get();
        CSVParser parser;
        try {
            parser = CSVParser.builder().setReader(reader).setFormat(format).get();
        }
        catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            sink.deadLetter(deadLetter(origin, "header (line 1)", "cannot read the CSV header: " + message(e), ""));
            return;
        }
        try (parser) {
            Map<String, Integer> header = parser.getHeaderMap();
            if (header == null || header.isEmpty()) {
                return; // an empty file: nothing to ingest
            }
            CsvRowMapper mapper = new CsvRowMapper(mapping, header);
            List<String> missing = mapper.missingColumns();
            if (!missing.isEmpty()) {
                sink.deadLetter(deadLetter(origin, "header (line 1)", "the header lacks mapped columns " + missing
                        + "; no row was read", String.join(String.valueOf(mapping.delimiter()), parser.getHeaderNames())));
                return;
            }
            Iterator<CSVRecord> records = parser.iterator();
            long lastLine = 1;
            long row = 0;
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                }
                catch (UncheckedIOException | IllegalStateException e) {
                    sink.deadLetter(deadLetter(origin, "after row " + row + " (line " + (lastLine + 1) + ")",
                            "malformed CSV, the rest of the file cannot be read: " + message(e), ""));
                    return;
                }
                row++;
                lastLine = parser.getCurrentLineNumber();
                String location = "row " + row + " (line " + lineOf(record, lastLine) + ")";
                List<String> values = record.toList();
                if (values.size() != header.size()) {
                    sink.deadLetter(deadLetter(origin, location, "row has " + values.size() + " fields, the header " + header.size(), payload(format, values)));
                    continue;
                }
                try {
                    sink.accept(mapper.map(values));
                }
                catch (IllegalArgumentException e) {
                    sink.deadLetter(deadLetter(origin, location, e.getMessage(), payload(format, values)));
                }
            }
        }
    }

    private static long lineOf(CSVRecord record, long currentLine) {
        // commons-csv counts the lines read so far; a record with quoted line breaks spans several
        return Math.max(2, currentLine);
    }

    private static String payload(CSVFormat format, List<String> values) {
        String text = format.builder().setHeader((String[]) null).setSkipHeaderRecord(false).get().format(values.toArray());
        return text.length() > MAX_PAYLOAD_CHARS ? text.substring(0, MAX_PAYLOAD_CHARS) : text;
    }

    private DeadLetter deadLetter(String origin, String location, String reason, String payload) {
        return new DeadLetter(FORMAT, origin, location, reason, payload, OffsetDateTime.now(clock));
    }

    private static String message(Exception e) {
        Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
