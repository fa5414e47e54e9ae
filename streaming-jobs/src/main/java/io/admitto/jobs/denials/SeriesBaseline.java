package io.admitto.jobs.denials;

/**
 * Keyed state of one denial series (a category in windows of one size): its moving baseline and the
 * start of the last window folded into it, so empty windows since then can be counted as 0.
 */
public record SeriesBaseline(int windows, double mean, double variance, long lastWindowStart) {
    Ewma ewma() {
        return new Ewma(windows, mean, variance);
    }

    static SeriesBaseline of(Ewma ewma, long windowStart) {
        return new SeriesBaseline(ewma.windows(), ewma.mean(), ewma.variance(), windowStart);
    }
}
