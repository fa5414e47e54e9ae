package io.admitto.jobs.waits;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

import java.time.Duration;

/**
 * Follows one visit (keyed by encounter id) through its steps, in any arrival order, and measures it.
 *
 * <ul>
 *   <li>Each {@link WaitPhase} is measured once, from an event-time timer at the instant it ended: the
 *       wait then carries that instant as its timestamp and leaves before the watermark that passes it,
 *       so the hourly statistics downstream treat it exactly like an event of that instant.</li>
 *   <li>The visit's {@code wait_times} row goes to {@link #ROWS} at departure, or at the first step plus
 *       {@code horizon} when no departure is reported (a patient who left without being seen, a lost
 *       event); a visit that never reported an arrival has no row and is counted.</li>
 *   <li>After the row, the visit is remembered as closed for {@code retention} so that repeated events
 *       cannot measure it again; then its state is dropped. State per open visit is one small record.</li>
 * </ul>
 */
public final class EncounterTimelineFunction extends KeyedProcessFunction<String, VisitStepEvent, PhaseWait> {
    private static final long serialVersionUID = 1L;

    public static final OutputTag<WaitTimesRow> ROWS = new OutputTag<>("wait-times-rows", TypeInformation.of(WaitTimesRow.class));

    static final String WITHOUT_ARRIVAL_METRIC = "visitsWithoutArrival";
    static final String AFTER_CLOSE_METRIC = "stepsAfterVisitClosed";

    private final long horizonMillis;
    private final long retentionMillis;

    private transient ValueState<EncounterTimeline> timeline;
    private transient Counter withoutArrival;
    private transient Counter afterClose;

    public EncounterTimelineFunction(Duration horizon, Duration retention) {
        this.horizonMillis = positive(horizon, "horizon");
        this.retentionMillis = positive(retention, "retention");
    }

    @Override
    public void open(OpenContext openContext) {
        timeline = getRuntimeContext().getState(new ValueStateDescriptor<>("timeline", TypeInformation.of(EncounterTimeline.class)));
        withoutArrival = getRuntimeContext().getMetricGroup().counter(WITHOUT_ARRIVAL_METRIC);
        afterClose = getRuntimeContext().getMetricGroup().counter(AFTER_CLOSE_METRIC);
    }

    @Override
    public void processElement(VisitStepEvent event, Context context, Collector<PhaseWait> out) throws Exception {
        EncounterTimeline current = timeline.value();
        if (current == null) {
            current = EncounterTimeline.empty();
        }
        if (current.closedAt() != null) {
            afterClose.inc();
            return;
        }
        EncounterTimeline updated = current.with(event);
        timeline.update(updated);

        if (!updated.firstSeenAt().equals(current.firstSeenAt())) {
            context.timerService().registerEventTimeTimer(updated.firstSeenAt() + horizonMillis);
        }
        for (WaitPhase phase : WaitPhase.values()) {
            Long end = updated.endOf(phase);
            if (end != null && !updated.measured(phase)) {
                context.timerService().registerEventTimeTimer(end);
            }
        }
        if (updated.departedAt() != null) {
            context.timerService().registerEventTimeTimer(updated.departedAt());
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<PhaseWait> out) throws Exception {
        EncounterTimeline current = timeline.value();
        if (current == null) {
            return;
        }
        if (current.closedAt() != null) {
            if (timestamp >= current.closedAt() + retentionMillis) {
                timeline.clear();
            }
            return;
        }
        for (WaitPhase phase : WaitPhase.values()) {
            Long end = current.endOf(phase);
            // A timer left behind by a step that a corrected, earlier event replaced matches nothing.
            if (end != null && end == timestamp && !current.measured(phase) && current.department() != null) {
                out.collect(new PhaseWait(current.facilityId(), current.department(), phase.columnValue(),
                        current.seconds(phase), end));
                current = current.withMeasured(phase);
            }
        }
        boolean departed = current.departedAt() != null && current.departedAt() == timestamp;
        boolean horizonPassed = timestamp == current.firstSeenAt() + horizonMillis;
        if (departed || horizonPassed) {
            if (current.arrivedAt() == null || current.department() == null) {
                withoutArrival.inc();
            }
            else {
                context.output(ROWS, WaitTimesRow.of(context.getCurrentKey(), current));
            }
            current = current.closed(timestamp);
            context.timerService().registerEventTimeTimer(timestamp + retentionMillis);
        }
        timeline.update(current);
    }

    private static long positive(Duration duration, String name) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + duration);
        }
        return duration.toMillis();
    }
}
