package io.admitto.jobs.denials;

/**
 * An exponentially weighted moving average and variance of a series of window counts (the
 * incremental form of West / Finch, "Incremental calculation of weighted mean and variance", 2009):
 * {@code mean' = mean + λ·(x − mean)}, {@code var' = (1 − λ)·(var + λ·(x − mean)²)}. Recent windows
 * weigh most, so the baseline follows a payer's slow drift while a sudden jump stands out.
 *
 * @param windows how many windows the baseline has seen
 */
public record Ewma(int windows, double mean, double variance) {
    public static final Ewma EMPTY = new Ewma(0, 0, 0);

    /** The baseline after one more window with {@code count}. The first window sets the mean. */
    public Ewma next(double count, double lambda) {
        if (windows == 0) {
            return new Ewma(1, count, 0);
        }
        double difference = count - mean;
        return new Ewma(windows + 1, mean + lambda * difference, (1 - lambda) * (variance + lambda * difference * difference));
    }

    /** The baseline after {@code emptyWindows} windows without any count. */
    public Ewma skip(long emptyWindows, double lambda) {
        Ewma baseline = this;
        for (long window = 0; window < emptyWindows; window++) {
            baseline = baseline.next(0, lambda);
        }
        return baseline;
    }

    public double stddev() {
        return Math.sqrt(variance);
    }

    /**
     * How unusual {@code count} is against this baseline. The deviation is floored at 1 so a series
     * that has always been 0 or 1 does not call a count of 2 a spike.
     */
    public double zScore(double count) {
        return (count - mean) / Math.max(stddev(), 1.0);
    }
}
