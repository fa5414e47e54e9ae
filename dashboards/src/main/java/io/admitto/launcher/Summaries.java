package io.admitto.launcher;

import io.admitto.ingest.generator.GroundTruth;

import java.time.Duration;
import java.util.Locale;

/** One-line summaries of finished work, with the rates a person wants to see. */
final class Summaries {
    private Summaries() {}

    static String generated(GroundTruth truth, Duration elapsed) {
        long events = truth.counts().events();
        return String.format(Locale.ROOT, "Generated %,d events for %,d encounters (%,d defects injected) in %s — %,.0f events/s",
                events, truth.counts().encounters(), truth.defects().size(), seconds(elapsed), perSecond(events, elapsed));
    }

    static String seconds(Duration elapsed) {
        return String.format(Locale.ROOT, "%.1f s", elapsed.toMillis() / 1000.0);
    }

    static double perSecond(long count, Duration elapsed) {
        return count / Math.max(elapsed.toNanos() / 1e9, 1e-9);
    }
}
