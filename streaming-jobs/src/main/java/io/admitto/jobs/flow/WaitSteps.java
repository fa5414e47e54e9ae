package io.admitto.jobs.flow;

import io.admitto.events.CanonicalEvent;
import io.admitto.events.PatientFlowEvent;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/** Picks the arrivals and registration completions out of the events, for the wait measurement. */
final class WaitSteps implements FlatMapFunction<CanonicalEvent, FlowStep> {
    private static final long serialVersionUID = 1L;

    @Override
    public void flatMap(CanonicalEvent event, Collector<FlowStep> out) {
        if (event instanceof PatientFlowEvent flow) {
            FlowStep.of(flow).ifPresent(out::collect);
        }
    }
}
