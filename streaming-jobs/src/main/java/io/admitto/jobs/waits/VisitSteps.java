package io.admitto.jobs.waits;

import io.admitto.events.CanonicalEvent;
import io.admitto.events.PatientFlowEvent;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/** Picks the visit steps out of the events. */
final class VisitSteps implements FlatMapFunction<CanonicalEvent, VisitStepEvent> {
    private static final long serialVersionUID = 1L;

    @Override
    public void flatMap(CanonicalEvent event, Collector<VisitStepEvent> out) {
        if (event instanceof PatientFlowEvent flow) {
            VisitStepEvent.of(flow).ifPresent(out::collect);
        }
    }
}
