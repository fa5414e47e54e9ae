package io.admitto.jobs.denials;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DenialPatternFunctionTest {
    private static final long HOUR = PatternWindow.HOUR.millis();
    private static final long DAY = PatternWindow.DAY.millis();
    private static final long MONDAY = Instant.parse("2026-03-02T00:00:00Z").toEpochMilli();

    private KeyedOneInputStreamOperatorTestHarness<String, RemittanceTally, DenialPatternRow> harness;

    @BeforeEach
    void open() throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new DenialPatternFunction(new DenialPatternParameters(0.3, 3.0, 3, 4, 3, 100)), RemittanceTally::seriesKey, Types.STRING);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private int claimNumber;

    /** A claim remitted at {@code at}, with {@code denials} denials of {@code category} of 10.00 each. */
    private void remit(long at, String category, int denials) throws Exception {
        String claim = "C" + ++claimNumber;
        harness.processElement(RemittanceTally.claim("F01", "AETNA", "ED", at, claim), at);
        if (denials > 0) {
            harness.processElement(new RemittanceTally("F01", "AETNA", "ED", at, claim, category, true, denials, denials * 1000L), at);
        }
    }

    private List<DenialPatternRow> rows(PatternWindow window) {
        return harness.extractOutputValues().stream().filter(row -> row.windowSize().equals(window.name())).toList();
    }

    @Test
    void aWindowIsWrittenOnceEventTimePassesItWithTheClaimsOfTheWindowAsDenominator() throws Exception {
        remit(MONDAY + 10 * 60_000, "ELIGIBILITY", 2);
        remit(MONDAY + 20 * 60_000, "ELIGIBILITY", 1);
        remit(MONDAY + 30 * 60_000, "ELIGIBILITY", 0);
        remit(MONDAY + 40 * 60_000, "AUTHORIZATION", 1);

        harness.processWatermark(MONDAY + HOUR - 1);
        assertThat(harness.extractOutputValues()).isEmpty();

        harness.processWatermark(MONDAY + HOUR);
        assertThat(rows(PatternWindow.HOUR))
                .extracting(DenialPatternRow::category, DenialPatternRow::denials, DenialPatternRow::deniedClaims,
                        DenialPatternRow::deniedCents, DenialPatternRow::remittedClaims, DenialPatternRow::denialRate)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("AUTHORIZATION", 1L, 1L, 1000L, 4L, 0.25),
                        org.assertj.core.groups.Tuple.tuple("ELIGIBILITY", 3L, 2L, 3000L, 4L, 0.5));
        assertThat(rows(PatternWindow.HOUR)).allSatisfy(row -> {
            assertThat(row.baselineWindows()).isZero();
            assertThat(row.baselineMean()).isNull();
            assertThat(row.zScore()).isNull();
            assertThat(row.spike()).isFalse();
        });
        assertThat(rows(PatternWindow.DAY)).isEmpty();

        harness.processWatermark(MONDAY + DAY);
        assertThat(rows(PatternWindow.DAY)).extracting(DenialPatternRow::category, DenialPatternRow::denials, DenialPatternRow::remittedClaims)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("AUTHORIZATION", 1L, 4L),
                        org.assertj.core.groups.Tuple.tuple("ELIGIBILITY", 3L, 4L));
    }

    @Test
    void aJumpAboveASteadyBaselineIsASpikeOnlyAfterTheWarmUp() throws Exception {
        // one eligibility denial an hour for six hours, then ten in the seventh
        for (int hour = 0; hour < 6; hour++) {
            remit(MONDAY + hour * HOUR + 60_000, "ELIGIBILITY", 1);
        }
        remit(MONDAY + 6 * HOUR + 60_000, "ELIGIBILITY", 10);
        harness.processWatermark(MONDAY + 7 * HOUR);

        List<DenialPatternRow> hourly = rows(PatternWindow.HOUR);
        assertThat(hourly).hasSize(7);
        // warm-up of 4 windows: no score before the fifth
        assertThat(hourly.subList(0, 4)).allSatisfy(row -> assertThat(row.zScore()).isNull());
        assertThat(hourly.subList(4, 6)).allSatisfy(row -> {
            assertThat(row.baselineMean()).isEqualTo(1.0);
            assertThat(row.zScore()).isEqualTo(0.0);
            assertThat(row.spike()).isFalse();
        });
        DenialPatternRow jump = hourly.get(6);
        assertThat(jump.baselineWindows()).isEqualTo(6);
        assertThat(jump.zScore()).isEqualTo(9.0); // (10 − 1) / max(0, 1)
        assertThat(jump.spike()).isTrue();
    }

    @Test
    void quietHoursCountAsZeroInTheBaseline() throws Exception {
        remit(MONDAY + 60_000, "COORDINATION_OF_BENEFITS", 4);
        // three hours without a single claim, then the same four denials again
        remit(MONDAY + 4 * HOUR + 60_000, "COORDINATION_OF_BENEFITS", 4);
        harness.processWatermark(MONDAY + 5 * HOUR);

        DenialPatternRow later = rows(PatternWindow.HOUR).get(1);
        // 4, then 0, 0, 0: mean 4·0.7³ = 1.372
        assertThat(later.baselineWindows()).isEqualTo(4);
        assertThat(later.baselineMean()).isCloseTo(1.372, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aSmallCountIsNeverASpikeHoweverQuietTheBaseline() throws Exception {
        for (int hour = 0; hour < 8; hour++) {
            remit(MONDAY + hour * HOUR + 60_000, "REGISTRATION", 0);
        }
        remit(MONDAY + 8 * HOUR + 60_000, "REGISTRATION", 2);
        harness.processWatermark(MONDAY + 9 * HOUR);

        // never a denial before: no baseline for the category yet, and 2 is under the minimum of 3 anyway
        assertThat(rows(PatternWindow.HOUR)).singleElement().satisfies(row -> {
            assertThat(row.remittedClaims()).isEqualTo(1);
            assertThat(row.spike()).isFalse();
        });
    }

    @Test
    void closedWindowsLeaveNoTalliesBehindInState() throws Exception {
        remit(MONDAY + 60_000, "ELIGIBILITY", 1);
        harness.processWatermark(MONDAY + DAY);
        // the series identity and its baselines remain; the window tallies (a third state) are gone
        assertThat(harness.numKeyedStateEntries()).isEqualTo(2);
    }
}
