package io.admitto.jobs.waits;

import com.tdunning.math.stats.MergingDigest;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

import java.nio.ByteBuffer;
import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * The percentiles of one phase of one department in one hour. Percentiles are read from a t-digest
 * (compression {@value #COMPRESSION}: within about 1 % of rank at p50 and far better at the tails for
 * the sizes seen here); the digest itself is written too, so the API can merge hours into any range
 * and still report a true percentile, which averaging hourly percentiles would not. Count, maximum
 * and SLA breaches are exact.
 */
public final class WaitStatsWindow extends ProcessWindowFunction<PhaseWait, WaitTimeStatsRow, PhaseKey, TimeWindow> {
    private static final long serialVersionUID = 1L;

    static final double COMPRESSION = 100;

    private final WaitTargets targets;

    public WaitStatsWindow(WaitTargets targets) {
        this.targets = requireNonNull(targets, "targets is null");
    }

    @Override
    public void process(PhaseKey key, Context context, Iterable<PhaseWait> waits, Collector<WaitTimeStatsRow> out) {
        WaitPhase phase = phase(key.phase());
        double target = targets.target(key.department(), phase).toMillis() / 1000.0;
        MergingDigest digest = new MergingDigest(COMPRESSION);
        long samples = 0;
        long breaches = 0;
        double max = 0;
        for (PhaseWait wait : waits) {
            digest.add(wait.seconds());
            samples++;
            max = Math.max(max, wait.seconds());
            if (wait.seconds() > target) {
                breaches++;
            }
        }
        if (samples == 0) {
            return;
        }
        ByteBuffer bytes = ByteBuffer.allocate(digest.byteSize());
        digest.asBytes(bytes);
        out.collect(new WaitTimeStatsRow(key.facilityId(), key.department(), key.phase(), Instant.ofEpochMilli(context.window().getStart()),
                samples, digest.quantile(0.50), digest.quantile(0.90), digest.quantile(0.95), max, target, breaches, bytes.array()));
    }

    private static WaitPhase phase(String columnValue) {
        for (WaitPhase phase : WaitPhase.values()) {
            if (phase.columnValue().equals(columnValue)) {
                return phase;
            }
        }
        throw new IllegalArgumentException("Unknown wait phase: " + columnValue);
    }
}
