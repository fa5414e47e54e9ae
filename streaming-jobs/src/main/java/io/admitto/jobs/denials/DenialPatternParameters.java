package io.admitto.jobs.denials;

import java.io.Serializable;

/**
 * How denial spikes are called (documented in docs/denials.md).
 *
 * @param lambda weight of the newest window in the moving baseline (0-1)
 * @param zThreshold z-score at or above which a window is a spike
 * @param minimumDenials fewest denials in a window that can be a spike, so one or two odd denials are not
 * @param hourWarmUp windows an hourly series must have seen before it can spike
 * @param dayWarmUp windows a daily series must have seen before it can spike
 * @param maximumGap empty windows after which a series' baseline starts over rather than decays
 */
public record DenialPatternParameters(double lambda, double zThreshold, long minimumDenials, int hourWarmUp, int dayWarmUp, int maximumGap)
        implements Serializable {
    public static final DenialPatternParameters DEFAULTS = new DenialPatternParameters(0.3, 3.0, 3, 24, 7, 24 * 90);

    public DenialPatternParameters {
        if (!(lambda > 0 && lambda <= 1)) {
            throw new IllegalArgumentException("lambda must be in (0, 1]: " + lambda);
        }
        if (minimumDenials < 1 || hourWarmUp < 0 || dayWarmUp < 0 || maximumGap < 1) {
            throw new IllegalArgumentException("Counts must be positive: " + this);
        }
    }

    int warmUp(PatternWindow window) {
        return window == PatternWindow.HOUR ? hourWarmUp : dayWarmUp;
    }
}
