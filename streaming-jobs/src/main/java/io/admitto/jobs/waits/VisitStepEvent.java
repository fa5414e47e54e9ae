package io.admitto.jobs.waits;

import io.admitto.events.PatientFlowEvent;
import io.admitto.jobs.common.EventTime;

import java.util.Optional;

/** What the wait measurement keeps of a patient-flow event. A public record, so Flink serializes it as a POJO. */
public record VisitStepEvent(String encounterId, VisitStep step, long eventTimeMillis, String facilityId, String department) {
    static Optional<VisitStepEvent> of(PatientFlowEvent event) {
        return VisitStep.of(event.eventType())
                .map(step -> new VisitStepEvent(event.encounterId(), step, EventTime.millis(event), event.facilityId(), event.department()));
    }
}
