package io.admitto.jobs.common;

import io.admitto.events.CanonicalEvent;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Sets aside, right after the source, every event whose time the stream has already passed (behind
 * the current watermark). Deciding once, at the door, means each event is either in the jobs'
 * results or in {@code late_events} — never half counted by one job and dropped by another whose
 * window happened to close first.
 */
public final class LateEventSplitter extends ProcessFunction<CanonicalEvent, CanonicalEvent> {
    private static final long serialVersionUID = 1L;

    public static final OutputTag<LateEvent> LATE_EVENTS = new OutputTag<>("late-events", TypeInformation.of(LateEvent.class));
    public static final String METRIC = "lateEvents";

    private transient Counter late;

    @Override
    public void open(OpenContext openContext) {
        late = getRuntimeContext().getMetricGroup().counter(METRIC);
    }

    @Override
    public void processElement(CanonicalEvent event, Context context, Collector<CanonicalEvent> out) {
        long watermark = context.timerService().currentWatermark();
        Long timestamp = context.timestamp();
        if (timestamp != null && timestamp < watermark) {
            late.inc();
            context.output(LATE_EVENTS, LateEvent.of(event, watermark));
        }
        else {
            out.collect(event);
        }
    }
}
