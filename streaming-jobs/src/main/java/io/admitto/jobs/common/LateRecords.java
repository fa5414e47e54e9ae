package io.admitto.jobs.common;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.function.SerializableFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * Counts and logs records that arrived behind the watermark (the late side output of a window), then
 * passes them on — to a discarding sink today, to the {@code late_events} table later. A steady count
 * here means the out-of-orderness bound is too tight for the sources.
 *
 * @param <T> the record type; {@code describe} must not put PHI into the log
 */
public final class LateRecords<T> extends ProcessFunction<T, T> {
    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(LateRecords.class);

    public static final String METRIC = "lateRecords";

    private final SerializableFunction<T, String> describe;
    private transient Counter lateRecords;

    public LateRecords(SerializableFunction<T, String> describe) {
        this.describe = requireNonNull(describe, "describe is null");
    }

    @Override
    public void open(OpenContext openContext) {
        lateRecords = getRuntimeContext().getMetricGroup().counter(METRIC);
    }

    @Override
    public void processElement(T record, Context context, Collector<T> out) throws Exception {
        lateRecords.inc();
        log.warn("Late record (event time {}, watermark {}): {}",
                instant(context.timestamp()), instant(context.timerService().currentWatermark()), describe.apply(record));
        out.collect(record);
    }

    private static Object instant(Long millis) {
        return millis == null ? "none" : Instant.ofEpochMilli(millis);
    }
}
