package io.admitto.jobs.kpi;

import io.admitto.events.CanonicalEvent;
import io.admitto.jobs.quality.RegistrationQualityRow;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

import java.time.Duration;

/**
 * Folds what the KPIs need about one encounter (keyed by encounter id) from its events and its
 * assessments, in any arrival order, and whenever that changes the encounter's contribution to a day's
 * KPI, emits the difference: the old contribution retracted and the new one added (a registration that
 * moves department takes its counts along; a claim first counted under {@code UNKNOWN} moves when its
 * registration arrives). Summed downstream, the deltas equal the KPIs over every encounter's latest facts.
 *
 * <p>The arrival-to-registration wait is sent once, from an event-time timer at the instant the
 * registration was completed: by then every event up to that instant — the arrival among them — has
 * been seen, so the wait is final and a percentile sketch, which cannot take a sample back, gets it once.
 *
 * <p>State is the facts alone (see {@link EncounterFactsSerializer}); it is dropped {@code horizon}
 * after the encounter's newest event, which must outlast the last claim outcome of the encounter.
 */
public final class EncounterKpiFunction extends KeyedCoProcessFunction<String, CanonicalEvent, RegistrationQualityRow, KpiDelta> {
    private static final long serialVersionUID = 1L;

    private final long horizonMillis;

    private transient ValueState<EncounterFacts> facts;

    public EncounterKpiFunction(Duration horizon) {
        if (horizon.isNegative() || horizon.isZero()) {
            throw new IllegalArgumentException("horizon must be positive: " + horizon);
        }
        this.horizonMillis = horizon.toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        facts = getRuntimeContext().getState(new ValueStateDescriptor<>("encounter-facts", EncounterFactsSerializer.INSTANCE));
    }

    @Override
    public void processElement1(CanonicalEvent event, Context context, Collector<KpiDelta> out) throws Exception {
        EncounterFacts before = facts.value();
        EncounterFacts after = (before == null ? EncounterFacts.empty(event.facilityId()) : before).with(event);
        update(before, after, context, out);
    }

    @Override
    public void processElement2(RegistrationQualityRow assessment, Context context, Collector<KpiDelta> out) throws Exception {
        EncounterFacts before = facts.value();
        EncounterFacts after = (before == null ? EncounterFacts.empty(assessment.facilityId()) : before).with(assessment);
        update(before, after, context, out);
    }

    private void update(EncounterFacts before, EncounterFacts after, Context context, Collector<KpiDelta> out) throws Exception {
        if (after.equals(before)) {
            return;
        }
        for (KpiDelta delta : KpiContributions.between(before, after)) {
            out.collect(delta);
        }
        facts.update(after);
        if (before == null || after.newestAt() > before.newestAt()) {
            context.timerService().registerEventTimeTimer(after.newestAt() + horizonMillis);
        }
        Long completed = after.flow().registrationCompletedAt();
        if (completed != null && !after.flow().waitMeasured() && (before == null || !completed.equals(before.flow().registrationCompletedAt()))) {
            context.timerService().registerEventTimeTimer(completed);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<KpiDelta> out) throws Exception {
        EncounterFacts current = facts.value();
        if (current == null) {
            return;
        }
        if (timestamp == current.newestAt() + horizonMillis) {
            facts.clear();
            return;
        }
        EncounterFacts.Flow flow = current.flow();
        // a timer left by a completion that an earlier report replaced matches nothing
        if (!flow.waitMeasured() && flow.registrationCompletedAt() != null && flow.registrationCompletedAt() == timestamp) {
            Double seconds = flow.waitSeconds();
            if (seconds != null) {
                String department = flow.arrivalDepartment() == null ? KpiDay.UNKNOWN : flow.arrivalDepartment();
                out.collect(KpiDelta.wait(new KpiDay(flow.registrationCompletedDay(), current.facilityId(), department, KpiDay.DEPARTMENT), seconds));
                facts.update(current.withWaitMeasured());
            }
        }
    }
}
