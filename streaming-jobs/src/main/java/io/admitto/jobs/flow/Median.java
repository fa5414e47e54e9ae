package io.admitto.jobs.flow;

import java.util.Arrays;
import java.util.OptionalDouble;

/** The median as analysts compute it: the middle value, or for an even count the mean of the two middle values. */
final class Median {
    private Median() {}

    static OptionalDouble of(double[] values) {
        if (values.length == 0) {
            return OptionalDouble.empty();
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        if (sorted.length % 2 == 1) {
            return OptionalDouble.of(sorted[middle]);
        }
        return OptionalDouble.of((sorted[middle - 1] + sorted[middle]) / 2);
    }
}
