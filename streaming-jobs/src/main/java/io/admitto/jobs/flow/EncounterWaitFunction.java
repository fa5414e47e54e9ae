package io.admitto.jobs.flow;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

import java.time.Duration;

/**
 * Measures each encounter's registration wait: from {@code flow.arrived} to
 * {@code flow.registration_completed}, whichever of the two is read first. Keyed by encounter id.
 *
 * <p>The sample is emitted from an event-time timer at the completion instant rather than as soon as
 * both steps are known. It then carries the completion's event time and leaves this operator before
 * the watermark that passes that instant, so the hourly window downstream counts it exactly when it
 * would count a registration of the same instant, and treats it as late under the same rule.
 *
 * <p>One sample per encounter: the earliest arrival and earliest completion seen when the timer
 * fires. After that the encounter only remembers that it was measured, so a repeated event (same
 * event id, or a second completion) cannot measure it again; that memory, and an arrival that never
 * sees its completion, are dropped {@code retention} after the encounter's newest step in event time.
 */
final class EncounterWaitFunction extends KeyedProcessFunction<String, FlowStep, DepartmentActivity> {
    private static final long serialVersionUID = 1L;

    static final String REPEATED_STEPS_METRIC = "stepsAfterWaitMeasured";
    static final String UNATTRIBUTED_METRIC = "waitsWithoutDepartment";

    private final long retentionMillis;

    private transient ValueState<FlowStep> arrival;
    private transient ValueState<FlowStep> completion;
    private transient ValueState<Boolean> measured;
    private transient ValueState<Long> dropStateAt;
    private transient Counter repeatedSteps;
    private transient Counter unattributed;

    EncounterWaitFunction(Duration retention) {
        this.retentionMillis = retention.toMillis();
        if (retentionMillis <= 0) {
            throw new IllegalArgumentException("retention must be positive: " + retention);
        }
    }

    @Override
    public void open(OpenContext openContext) {
        TypeInformation<FlowStep> stepType = TypeInformation.of(FlowStep.class);
        arrival = getRuntimeContext().getState(new ValueStateDescriptor<>("arrival", stepType));
        completion = getRuntimeContext().getState(new ValueStateDescriptor<>("registration-completed", stepType));
        measured = getRuntimeContext().getState(new ValueStateDescriptor<>("measured", Types.BOOLEAN));
        dropStateAt = getRuntimeContext().getState(new ValueStateDescriptor<>("drop-state-at", Types.LONG));
        repeatedSteps = getRuntimeContext().getMetricGroup().counter(REPEATED_STEPS_METRIC);
        unattributed = getRuntimeContext().getMetricGroup().counter(UNATTRIBUTED_METRIC);
    }

    @Override
    public void processElement(FlowStep step, Context context, Collector<DepartmentActivity> out) throws Exception {
        scheduleStateDrop(step.eventTimeMillis() + retentionMillis, context);
        if (measured.value() != null) {
            repeatedSteps.inc();
            return;
        }
        ValueState<FlowStep> slot = step.kind() == FlowStep.Kind.ARRIVED ? arrival : completion;
        FlowStep current = slot.value();
        if (current == null || step.eventTimeMillis() < current.eventTimeMillis()) {
            slot.update(step);
        }
        FlowStep completed = completion.value();
        if (arrival.value() != null && completed != null) {
            // Idempotent for the same instant; a timer left behind by a completion that an earlier one
            // replaced finds no match in onTimer and does nothing.
            context.timerService().registerEventTimeTimer(completed.eventTimeMillis());
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<DepartmentActivity> out) throws Exception {
        FlowStep arrived = arrival.value();
        FlowStep completed = completion.value();
        if (arrived != null && completed != null && completed.eventTimeMillis() == timestamp && measured.value() == null) {
            if (completed.department() == null) {
                unattributed.inc();
            }
            else {
                out.collect(DepartmentActivity.waitSample(completed.facilityId(), completed.department(),
                        completed.eventId(), waitSeconds(arrived, completed)));
            }
            arrival.clear();
            completion.clear();
            measured.update(true);
        }
        Long dropAt = dropStateAt.value();
        if (dropAt != null && timestamp >= dropAt) {
            arrival.clear();
            completion.clear();
            measured.clear();
            dropStateAt.clear();
        }
    }

    /** Completion minus arrival, in seconds, exact to the millisecond. */
    static double waitSeconds(FlowStep arrived, FlowStep completed) {
        return (completed.eventTimeMillis() - arrived.eventTimeMillis()) / 1000.0;
    }

    private void scheduleStateDrop(long at, Context context) throws Exception {
        Long current = dropStateAt.value();
        if (current == null || at > current) {
            dropStateAt.update(at);
            context.timerService().registerEventTimeTimer(at);
        }
    }
}
