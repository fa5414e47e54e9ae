package io.admitto.jobs.flow;

import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

import java.time.Instant;

/**
 * Emits the row of one department's hour when the watermark passes the hour's end. The window keeps
 * the hour's activities as they are (a median needs every sample anyway), in Flink's own list state.
 */
final class DepartmentHourWindow extends ProcessWindowFunction<DepartmentActivity, DepartmentHourlyRow, DepartmentKey, TimeWindow> {
    private static final long serialVersionUID = 1L;

    @Override
    public void process(DepartmentKey key, Context context, Iterable<DepartmentActivity> activities, Collector<DepartmentHourlyRow> out) {
        out.collect(DepartmentHour.summarize(key, Instant.ofEpochMilli(context.window().getStart()), activities));
    }
}
