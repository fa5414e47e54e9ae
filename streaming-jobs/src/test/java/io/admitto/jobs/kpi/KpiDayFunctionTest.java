package io.admitto.jobs.kpi;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class KpiDayFunctionTest {
    private static final Duration RETENTION = Duration.ofDays(10);
    private static final int DAY = Math.toIntExact(LocalDate.parse("2026-03-02").toEpochDay());
    private static final KpiDay IMAGING = new KpiDay(DAY, "F01", "IMG", KpiDay.DEPARTMENT);

    private KeyedOneInputStreamOperatorTestHarness<KpiDay, KpiDelta, KpiDailyRow> harness;

    @BeforeEach
    void open() throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(new KpiDayFunction(RETENTION), KpiDelta::day,
                TypeInformation.of(KpiDay.class));
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private static long at(String utcTime) {
        return Instant.parse(utcTime).toEpochMilli();
    }

    private void delta(Kpi kpi, long numerator, long denominator, String utcTime) throws Exception {
        harness.processElement(KpiDelta.ratio(IMAGING, kpi, numerator, denominator), at(utcTime));
    }

    private List<String> rows() {
        return harness.extractOutputValues().stream()
                .map(row -> String.join("|", row.kpi(), "v" + row.version(), row.numeratorHundredths() + "/" + row.denominatorHundredths(),
                        String.valueOf(row.value()), Instant.ofEpochMilli(row.computedAtMillis()).toString()))
                .toList();
    }

    @Test
    void changesWithinAnHourBecomeOneVersionAtTheEndOfThatHour() throws Exception {
        delta(Kpi.INSURANCE_VERIFICATION_RATE, 100, 100, "2026-03-02T14:05:00Z");
        delta(Kpi.INSURANCE_VERIFICATION_RATE, 0, 100, "2026-03-02T14:40:00Z");
        delta(Kpi.INSURANCE_VERIFICATION_RATE, 100, 100, "2026-03-02T14:59:00Z");

        harness.processWatermark(at("2026-03-02T14:59:59.998Z"));
        assertThat(rows()).isEmpty();

        harness.processWatermark(at("2026-03-02T14:59:59.999Z"));
        assertThat(rows()).containsExactly("insurance_verification_rate|v1|200/300|0.6666666666666666|2026-03-02T15:00:00Z");
    }

    @Test
    void aLaterChangeIsTheNextVersionAndKpisThatDidNotChangeAreNotWrittenAgain() throws Exception {
        delta(Kpi.INSURANCE_VERIFICATION_RATE, 100, 100, "2026-03-02T14:05:00Z");
        delta(Kpi.PRE_REGISTRATION_RATE, 0, 100, "2026-03-02T14:06:00Z");
        harness.processWatermark(at("2026-03-02T15:00:00Z"));

        delta(Kpi.PRE_REGISTRATION_RATE, 100, 0, "2026-03-02T16:10:00Z");
        delta(Kpi.INSURANCE_VERIFICATION_RATE, 100, 100, "2026-03-02T16:20:00Z");
        delta(Kpi.INSURANCE_VERIFICATION_RATE, -100, -100, "2026-03-02T16:30:00Z");
        harness.processWatermark(at("2026-03-02T17:00:00Z"));

        assertThat(rows()).containsExactlyInAnyOrder(
                "insurance_verification_rate|v1|100/100|1.0|2026-03-02T15:00:00Z",
                "pre_registration_rate|v1|0/100|0.0|2026-03-02T15:00:00Z",
                "pre_registration_rate|v2|100/100|1.0|2026-03-02T17:00:00Z");
    }

    @Test
    void aFigureWhoseEncountersAllMovedAwayIsWrittenAsZeroOverZeroWithoutAValue() throws Exception {
        delta(Kpi.INITIAL_DENIAL_RATE, 100, 100, "2026-03-02T14:05:00Z");
        harness.processWatermark(at("2026-03-02T15:00:00Z"));
        delta(Kpi.INITIAL_DENIAL_RATE, -100, -100, "2026-03-04T09:00:00Z");
        harness.processWatermark(at("2026-03-04T10:00:00Z"));

        assertThat(rows()).containsExactly(
                "initial_denial_rate|v1|100/100|1.0|2026-03-02T15:00:00Z",
                "initial_denial_rate|v2|0/0|null|2026-03-04T10:00:00Z");
    }

    @Test
    void waitPercentilesComeFromTheDaysSketchAndAreRewrittenWhenAWaitIsAdded() throws Exception {
        double[] waits = IntStream.rangeClosed(1, 200).mapToDouble(i -> i * 10.0).toArray();
        for (double wait : waits) {
            harness.processElement(KpiDelta.wait(IMAGING, wait), at("2026-03-02T14:10:00Z"));
        }
        harness.processWatermark(at("2026-03-02T15:00:00Z"));
        harness.processElement(KpiDelta.wait(IMAGING, 5000), at("2026-03-02T15:10:00Z"));
        harness.processWatermark(at("2026-03-02T16:00:00Z"));

        List<KpiDailyRow> rows = harness.extractOutputValues();
        assertThat(rows).extracting(KpiDailyRow::kpi, KpiDailyRow::version, KpiDailyRow::unit, KpiDailyRow::numeratorHundredths)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("arrival_to_registration_p50", 1, "seconds", null),
                        org.assertj.core.groups.Tuple.tuple("arrival_to_registration_p90", 1, "seconds", null),
                        org.assertj.core.groups.Tuple.tuple("arrival_to_registration_p50", 2, "seconds", null),
                        org.assertj.core.groups.Tuple.tuple("arrival_to_registration_p90", 2, "seconds", null));
        double[] sorted = waits.clone();
        Arrays.sort(sorted);
        KpiDailyRow p50 = rows.stream().filter(row -> row.kpi().endsWith("p50") && row.version() == 1).findFirst().orElseThrow();
        KpiDailyRow p90 = rows.stream().filter(row -> row.kpi().endsWith("p90") && row.version() == 1).findFirst().orElseThrow();
        // within 1 % of rank, as wait_time_stats
        assertThat(p50.value()).isBetween(sorted[97], sorted[102]);
        assertThat(p90.value()).isBetween(sorted[177], sorted[182]);
    }

    @Test
    void theDayIsForgottenItsRetentionAfterItEnds() throws Exception {
        delta(Kpi.CLAIM_REJECTION_RATE, 0, 100, "2026-03-02T14:05:00Z");
        long dayEnd = at("2026-03-03T00:00:00Z");

        harness.processWatermark(dayEnd + RETENTION.toMillis() - 1);
        assertThat(harness.numKeyedStateEntries()).isPositive();
        harness.processWatermark(dayEnd + RETENTION.toMillis());

        assertThat(harness.numKeyedStateEntries()).isZero();
    }
}
