package io.admitto.launcher;

import io.admitto.ingest.source.IngestSink;
import io.admitto.ingest.source.SourceAdapter;
import me.tongfei.progressbar.ProgressBar;

import java.io.Flushable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Reads files through one adapter with a progress bar in bytes, flushing the sink after each file so a
 * file counts as ingested only once its events are stored. A file that cannot be read is reported and
 * skipped; the others are still ingested.
 */
final class IngestFiles {
    record Result(int files, long bytes, List<String> unreadable, Duration elapsed) {}

    private final SourceAdapter adapter;
    private final IngestSink sink;
    private final Flushable durability;
    private final ProgressBars progressBars;

    IngestFiles(SourceAdapter adapter, IngestSink sink, Flushable durability, ProgressBars progressBars) {
        this.adapter = requireNonNull(adapter, "adapter is null");
        this.sink = requireNonNull(sink, "sink is null");
        this.durability = requireNonNull(durability, "durability is null");
        this.progressBars = requireNonNull(progressBars, "progressBars is null");
    }

    Result ingest(List<Path> files, Console console) throws IOException {
        long started = System.nanoTime();
        long total = 0;
        for (Path file : files) {
            total += Files.isRegularFile(file) ? Files.size(file) : 0;
        }
        List<String> unreadable = new ArrayList<>();
        long bytes = 0;
        try (ProgressBar bar = progressBars.start("Ingesting " + adapter.format(), kilobytes(total), "KB")) {
            for (Path file : files) {
                long size = Files.isRegularFile(file) ? Files.size(file) : 0;
                try {
                    adapter.read(file, sink);
                }
                catch (IOException e) {
                    unreadable.add(file + ": " + e);
                }
                durability.flush();
                bytes += size;
                bar.stepTo(kilobytes(bytes));
                bar.setExtraMessage(" " + file.getFileName());
            }
        }
        for (String problem : unreadable) {
            console.info("Could not read " + problem);
        }
        return new Result(files.size(), bytes, List.copyOf(unreadable), Duration.ofNanos(System.nanoTime() - started));
    }

    private static long kilobytes(long bytes) {
        return Math.max(1, (bytes + 1023) / 1024);
    }
}
