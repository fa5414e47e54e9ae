package io.admitto.jobs.kpi;

/**
 * One KPI of one day as summed so far, and as last written. For a percentile the numerator counts the
 * waits in the day's sketch, so that a new wait shows as a change. A public record (Flink POJO).
 *
 * @param version the version last written; 0 before the first
 */
public record KpiFigure(long numerator, long denominator, long writtenNumerator, long writtenDenominator, int version) {
    static final KpiFigure NONE = new KpiFigure(0, 0, 0, 0, 0);

    KpiFigure plus(long numeratorDelta, long denominatorDelta) {
        return new KpiFigure(numerator + numeratorDelta, denominator + denominatorDelta, writtenNumerator, writtenDenominator, version);
    }

    /** Differs from what was last written (a figure never written and back at zero has nothing to say). */
    boolean changed() {
        return version == 0 ? numerator != 0 || denominator != 0 : numerator != writtenNumerator || denominator != writtenDenominator;
    }

    KpiFigure written() {
        return new KpiFigure(numerator, denominator, numerator, denominator, version + 1);
    }
}
