package io.admitto.jobs.denials;

import java.time.Duration;

/** The event-time windows denial patterns are counted in. */
public enum PatternWindow {
    HOUR(Duration.ofHours(1)),
    DAY(Duration.ofDays(1));

    private final long millis;

    PatternWindow(Duration size) {
        this.millis = size.toMillis();
    }

    public long millis() {
        return millis;
    }

    /** Start of the window holding {@code timestampMillis} (UTC-aligned). */
    public long startOf(long timestampMillis) {
        return Math.floorDiv(timestampMillis, millis) * millis;
    }
}
