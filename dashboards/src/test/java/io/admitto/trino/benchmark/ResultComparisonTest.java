package io.admitto.trino.benchmark;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ResultComparisonTest
{
    @Test
    void theSameTextAndNumbersWithinRoundingAgree()
    {
        assertThat(ResultComparison.difference(
                List.of(List.of("F01", "ED", "1234", "0.417"), Arrays.asList("F02", null, "0", "1.0")),
                List.of(List.of("F01", "ED", "1234", "0.4170000001"), Arrays.asList("F02", null, "0.0", "1")),
                false)).isEmpty();
    }

    @Test
    void aDifferentValueIsReportedWithItsRowAndColumn()
    {
        assertThat(ResultComparison.difference(
                List.of(List.of("F01", "31.4")),
                List.of(List.of("F01", "31.43")),
                false)).hasValue("row 0 column 2: 31.4 vs 31.43");
        assertThat(ResultComparison.difference(List.of(List.of("ED")), List.of(List.of("IMG")), false)).isPresent();
        assertThat(ResultComparison.difference(List.of(Arrays.asList((String) null)), List.of(List.of("0")), false)).isPresent();
    }

    @Test
    void differentRowCountsDisagree()
    {
        assertThat(ResultComparison.difference(List.of(List.of("1")), List.of(), false)).hasValue("1 vs 0 rows");
    }

    @Test
    void approximatePercentilesMayDifferByAFewPercent()
    {
        List<List<String>> trino = List.of(List.of("ED", "34.9"));
        List<List<String>> duckDb = List.of(List.of("ED", "35.8"));

        assertThat(ResultComparison.difference(trino, duckDb, true)).isEmpty();
        assertThat(ResultComparison.difference(trino, duckDb, false)).isPresent();
        assertThat(ResultComparison.difference(trino, List.of(List.of("ED", "45.0")), true)).isPresent();
    }
}
