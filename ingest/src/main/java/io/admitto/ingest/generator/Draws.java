package io.admitto.ingest.generator;

import java.util.List;
import java.util.SplittableRandom;

/** Small sampling helpers over a {@link SplittableRandom}; stateless. */
final class Draws
{
    private Draws() {}

    static boolean chance(SplittableRandom random, double probability)
    {
        return random.nextDouble() < probability;
    }

    static <T> T pick(SplittableRandom random, List<T> values)
    {
        return values.get(random.nextInt(values.size()));
    }

    static <T> T pick(SplittableRandom random, T[] values)
    {
        return values[random.nextInt(values.length)];
    }

    static char pick(SplittableRandom random, char[] values)
    {
        return values[random.nextInt(values.length)];
    }

    /** Index drawn with probability proportional to {@code weights[i]}. */
    static int weighted(SplittableRandom random, double[] weights)
    {
        double total = 0;
        for (double weight : weights) {
            total += weight;
        }
        double target = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            target -= weights[i];
            if (target < 0) {
                return i;
            }
        }
        // rounding left target at or just above zero: the last positive weight
        for (int i = weights.length - 1; i >= 0; i--) {
            if (weights[i] > 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("all weights are zero");
    }

    /** Uniform in [min, max] (both inclusive). */
    static long between(SplittableRandom random, long min, long max)
    {
        return min + random.nextLong(max - min + 1);
    }

    static int between(SplittableRandom random, int min, int max)
    {
        return min + random.nextInt(max - min + 1);
    }

    /**
     * A right-skewed draw in [min, max] whose median is about a third of the way: most bookings are a
     * few days ahead, few a month ahead.
     */
    static int skewed(SplittableRandom random, int min, int max)
    {
        double u = random.nextDouble();
        return min + (int) Math.floor((max - min + 1) * u * u);
    }

    /** A log-normal multiplier with median 1: waits and durations vary by a factor, not by an amount. */
    static double spread(SplittableRandom random, double sigma)
    {
        return Math.exp(sigma * random.nextGaussian());
    }

    /** A Poisson-like count with mean {@code mean} (normal approximation, never negative). */
    static int count(SplittableRandom random, double mean)
    {
        if (mean <= 0) {
            return 0;
        }
        return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
    }
}
