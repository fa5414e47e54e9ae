package io.admitto.jobs.kpi;

import com.tdunning.math.stats.MergingDigest;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sums the encounters' deltas into one day's KPIs of one facility and department (or registrar) and
 * writes a new version of every KPI that changed, at most once per event-time hour: at the end of the
 * hour in which the change happened (an event-time timer), so the rows stay few however many events
 * touch the day, and the latest version is exact once event time has passed the last change — at the
 * end of a bounded run, the final watermark fires every timer.
 *
 * <p>The arrival-to-registration waits of the day go into a t-digest (compression
 * {@value #COMPRESSION}, as wait_time_stats), from which p50 and p90 are read. The day's state is
 * dropped {@code retention} after the day ends.
 */
public final class KpiDayFunction extends KeyedProcessFunction<KpiDay, KpiDelta, KpiDailyRow> {
    private static final long serialVersionUID = 1L;

    static final double COMPRESSION = 100;
    private static final long HOUR = Duration.ofHours(1).toMillis();
    private static final long DAY = Duration.ofDays(1).toMillis();

    private final long retentionMillis;

    private transient MapState<Kpi, KpiFigure> figures;
    private transient ValueState<byte[]> waits;

    /** @param retention how long after the day ends its figures can still change; a multiple of an hour */
    public KpiDayFunction(Duration retention) {
        if (retention.isNegative() || retention.isZero() || retention.toMillis() % HOUR != 0) {
            throw new IllegalArgumentException("retention must be a positive number of hours: " + retention);
        }
        this.retentionMillis = retention.toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        figures = getRuntimeContext().getMapState(new MapStateDescriptor<>("kpi-figures", TypeInformation.of(Kpi.class),
                TypeInformation.of(KpiFigure.class)));
        waits = getRuntimeContext().getState(new ValueStateDescriptor<>("arrival-to-registration-digest",
                PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
    }

    @Override
    public void processElement(KpiDelta delta, Context context, Collector<KpiDailyRow> out) throws Exception {
        if (delta.waitSample()) {
            MergingDigest digest = digest();
            digest.add(delta.waitSeconds());
            ByteBuffer bytes = ByteBuffer.allocate(digest.smallByteSize());
            digest.asSmallBytes(bytes);
            waits.update(bytes.array());
            for (Kpi kpi : Kpi.values()) {
                if (kpi.percentile()) {
                    add(kpi, 1, 0);
                }
            }
        }
        else {
            add(delta.kpi(), delta.numerator(), delta.denominator());
        }
        long at = context.timestamp();
        // the last millisecond of the hour: never the same instant as the day's cleanup, which is on the hour
        context.timerService().registerEventTimeTimer(Math.floorDiv(at, HOUR) * HOUR + HOUR - 1);
        context.timerService().registerEventTimeTimer(cleanupAt(delta.kpiEpochDay()));
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<KpiDailyRow> out) throws Exception {
        KpiDay day = context.getCurrentKey();
        if (timestamp == cleanupAt(day.epochDay())) {
            figures.clear();
            waits.clear();
            return;
        }
        List<Map.Entry<Kpi, KpiFigure>> changed = new ArrayList<>();
        for (Map.Entry<Kpi, KpiFigure> entry : figures.entries()) {
            if (entry.getValue().changed()) {
                changed.add(Map.entry(entry.getKey(), entry.getValue()));
            }
        }
        MergingDigest digest = changed.stream().anyMatch(entry -> entry.getKey().percentile()) ? digest() : null;
        for (Map.Entry<Kpi, KpiFigure> entry : changed) {
            Kpi kpi = entry.getKey();
            KpiFigure written = entry.getValue().written();
            figures.put(kpi, written);
            out.collect(kpi.percentile()
                    ? new KpiDailyRow(day.epochDay(), day.facilityId(), day.department(), day.registrarId(), kpi.columnValue(), null, null,
                            digest.quantile(kpi.quantile()), kpi.unit(), written.version(), timestamp + 1)
                    : new KpiDailyRow(day.epochDay(), day.facilityId(), day.department(), day.registrarId(), kpi.columnValue(),
                            written.numerator(), written.denominator(),
                            written.denominator() == 0 ? null : (double) written.numerator() / written.denominator(), kpi.unit(),
                            written.version(), timestamp + 1));
        }
    }

    private void add(Kpi kpi, long numerator, long denominator) throws Exception {
        KpiFigure figure = figures.get(kpi);
        figures.put(kpi, (figure == null ? KpiFigure.NONE : figure).plus(numerator, denominator));
    }

    private MergingDigest digest() throws Exception {
        byte[] bytes = waits.value();
        return bytes == null ? new MergingDigest(COMPRESSION) : MergingDigest.fromBytes(ByteBuffer.wrap(bytes));
    }

    private long cleanupAt(int epochDay) {
        return (epochDay + 1L) * DAY + retentionMillis;
    }
}
