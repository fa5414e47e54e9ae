package io.admitto.jobs.flow;

import org.junit.jupiter.api.Test;

import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;

class MedianTest {
    @Test
    void oddCountTakesTheMiddleValue() {
        assertThat(Median.of(new double[] {630.25, 120, 300})).isEqualTo(OptionalDouble.of(300));
        assertThat(Median.of(new double[] {7})).isEqualTo(OptionalDouble.of(7));
    }

    @Test
    void evenCountTakesTheMeanOfTheTwoMiddleValues() {
        assertThat(Median.of(new double[] {600.5, 120, 630.25, 300})).isEqualTo(OptionalDouble.of(450.25));
        assertThat(Median.of(new double[] {1, 2})).isEqualTo(OptionalDouble.of(1.5));
    }

    @Test
    void noValuesNoMedian() {
        assertThat(Median.of(new double[0])).isEmpty();
    }

    @Test
    void leavesItsInputAsItWas() {
        double[] values = {3, 1, 2};

        Median.of(values);

        assertThat(values).containsExactly(3, 1, 2);
    }
}
