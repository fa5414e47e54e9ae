package io.admitto.launcher;

import io.admitto.ingest.source.IngestCounts;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The closing lines of {@code admitto ingest}: read, published, dead-lettered, per type. */
final class IngestSummary {
    private IngestSummary() {}

    static String of(IngestCounts counts, int files, long bytes, List<String> unreadable, Duration elapsed) {
        long events = counts.totalEvents();
        long deadLetters = counts.totalDeadLetters();
        StringBuilder summary = new StringBuilder();
        summary.append("Read ").append(events + deadLetters).append(" units");
        if (files > 0) {
            summary.append(" from ").append(files).append(files == 1 ? " file" : " files").append(" (").append(bytes).append(" bytes)");
        }
        summary.append(" in ").append(String.format(java.util.Locale.ROOT, "%.1f s", elapsed.toMillis() / 1000.0)).append('\n');
        summary.append("  events:        ").append(events).append(perKind(counts.eventsByType())).append('\n');
        summary.append("  dead letters:  ").append(deadLetters).append(perKind(counts.deadLettersByFormat()));
        if (!unreadable.isEmpty()) {
            summary.append('\n').append("  unreadable files: ").append(unreadable.size());
        }
        return summary.toString();
    }

    private static String perKind(Map<String, Long> counts) {
        if (counts.isEmpty()) {
            return "";
        }
        return counts.entrySet().stream().map(entry -> entry.getKey() + " " + entry.getValue()).collect(Collectors.joining(", ", " (", ")"));
    }
}
