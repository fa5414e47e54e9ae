package io.admitto.jobs.waits;

import com.tdunning.math.stats.MergingDigest;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class WaitStatsWindowTest {
    private static final long HOUR = Instant.parse("2026-03-02T08:00:00Z").toEpochMilli();

    @Test
    void countsMaximumAndBreachesAreExactAndPercentilesCloseToTheTrueOnes() {
        SplittableRandom random = new SplittableRandom(3);
        double[] seconds = new double[400];
        List<PhaseWait> waits = new ArrayList<>();
        for (int i = 0; i < seconds.length; i++) {
            seconds[i] = 60 + random.nextDouble() * random.nextDouble() * 3600;
            waits.add(new PhaseWait("F01", "IMG", "arrival_to_registration", seconds[i], HOUR + i));
        }
        Arrays.sort(seconds);

        WaitTimeStatsRow row = statsOf(new WaitTargets(Map.of()), "IMG", waits);

        assertThat(row.samples()).isEqualTo(400);
        assertThat(row.maxSeconds()).isEqualTo(seconds[399]);
        assertThat(row.slaSeconds()).isEqualTo(900.0);
        assertThat(row.slaBreaches()).isEqualTo(Arrays.stream(seconds).filter(wait -> wait > 900).count());
        assertThat(row.hourStart()).isEqualTo(Instant.ofEpochMilli(HOUR));
        // within 1 % of rank (4 of 400 samples) of the true percentile
        assertThat(row.p50Seconds()).isBetween(seconds[199 - 4], seconds[200 + 4]);
        assertThat(row.p90Seconds()).isBetween(seconds[359 - 4], seconds[360 + 4]);
        assertThat(row.p95Seconds()).isBetween(seconds[379 - 4], seconds[380 + 4]);
    }

    @Test
    void aDepartmentTargetOverridesThePhaseDefault() {
        List<PhaseWait> waits = List.of(
                new PhaseWait("F01", "ED", "arrival_to_registration", 500, HOUR),
                new PhaseWait("F01", "ED", "arrival_to_registration", 700, HOUR));

        WaitTimeStatsRow row = statsOf(WaitTargets.defaults(), "ED", waits);

        assertThat(row.slaSeconds()).isEqualTo(Duration.ofMinutes(10).toSeconds());
        assertThat(row.slaBreaches()).isEqualTo(1);
    }

    @Test
    void theStoredDigestMergesHoursIntoATruePercentile() {
        List<PhaseWait> firstHour = new ArrayList<>();
        List<PhaseWait> secondHour = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            firstHour.add(new PhaseWait("F01", "IMG", "arrival_to_registration", i, HOUR));
            secondHour.add(new PhaseWait("F01", "IMG", "arrival_to_registration", 1000 + i, HOUR));
        }
        MergingDigest merged = new MergingDigest(WaitStatsWindow.COMPRESSION);
        merged.add(List.of(
                MergingDigest.fromBytes(ByteBuffer.wrap(statsOf(WaitTargets.defaults(), "IMG", firstHour).tdigest())),
                MergingDigest.fromBytes(ByteBuffer.wrap(statsOf(WaitTargets.defaults(), "IMG", secondHour).tdigest()))));

        assertThat(merged.size()).isEqualTo(200);
        assertThat(merged.quantile(0.25)).isCloseTo(50.5, within(2.0));
        assertThat(merged.quantile(0.75)).isCloseTo(1050.5, within(2.0));
    }

    private static WaitTimeStatsRow statsOf(WaitTargets targets, String department, List<PhaseWait> waits) {
        List<WaitTimeStatsRow> rows = new ArrayList<>();
        WaitStatsWindow window = new WaitStatsWindow(targets);
        PhaseKey key = new PhaseKey("F01", department, "arrival_to_registration");
        TimeWindow hour = new TimeWindow(HOUR, HOUR + 3_600_000);
        try {
            window.process(key, window.new Context() {
                @Override
                public TimeWindow window() {
                    return hour;
                }

                @Override
                public long currentProcessingTime() {
                    return 0;
                }

                @Override
                public long currentWatermark() {
                    return HOUR;
                }

                @Override
                public org.apache.flink.api.common.state.KeyedStateStore windowState() {
                    throw new UnsupportedOperationException();
                }

                @Override
                public org.apache.flink.api.common.state.KeyedStateStore globalState() {
                    throw new UnsupportedOperationException();
                }

                @Override
                public <X> void output(org.apache.flink.util.OutputTag<X> outputTag, X value) {
                    throw new UnsupportedOperationException();
                }
            }, waits, new Collector<>() {
                @Override
                public void collect(WaitTimeStatsRow record) {
                    rows.add(record);
                }

                @Override
                public void close() {}
            });
        }
        catch (Exception e) {
            throw new AssertionError(e);
        }
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    @SuppressWarnings("unused")
    private static final TypeInformation<PhaseWait> TYPE = TypeInformation.of(PhaseWait.class);
}
