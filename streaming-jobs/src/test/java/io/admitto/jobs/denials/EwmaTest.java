package io.admitto.jobs.denials;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

class EwmaTest {
    @Test
    void theFirstWindowSetsTheMeanWithoutVariance() {
        assertThat(Ewma.EMPTY.next(5, 0.3)).isEqualTo(new Ewma(1, 5, 0));
    }

    @Test
    void followsTheIncrementalWeightedMeanAndVariance() {
        Ewma baseline = Ewma.EMPTY.next(2, 0.5).next(4, 0.5);
        // mean 2 + 0.5·2 = 3; variance 0.5·(0 + 0.5·4) = 1
        assertThat(baseline.mean()).isEqualTo(3.0);
        assertThat(baseline.variance()).isEqualTo(1.0);
        assertThat(baseline.zScore(6)).isEqualTo(3.0);
    }

    @Test
    void emptyWindowsDecayTheMeanTowardsZero() {
        Ewma baseline = Ewma.EMPTY.next(10, 0.5).skip(2, 0.5);
        assertThat(baseline.windows()).isEqualTo(3);
        assertThat(baseline.mean()).isCloseTo(2.5, offset(1e-12));
    }

    @Test
    void aDeviationUnderOneIsFlooredSoTinyCountsAreNotSpikes() {
        Ewma steadyZero = Ewma.EMPTY.next(0, 0.3).next(0, 0.3);
        assertThat(steadyZero.zScore(2)).isEqualTo(2.0);
    }
}
