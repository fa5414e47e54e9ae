package io.admitto.jobs.flow;

import io.admitto.events.EventType;
import io.admitto.events.PatientFlowEvent;
import io.admitto.jobs.common.EventTime;

import java.util.Optional;

/**
 * One of the two patient-flow steps a registration wait is measured between: what the wait
 * measurement keeps of a {@link PatientFlowEvent}. A public record, so Flink serializes it as a POJO.
 *
 * @param department where the step happened; a wait is attributed to its completion's department
 */
public record FlowStep(String encounterId, String eventId, Kind kind, long eventTimeMillis, String facilityId, String department) {
    public enum Kind {
        ARRIVED,
        REGISTRATION_COMPLETED
    }

    /** The step of {@code event}, if it is an arrival or a registration completion. */
    public static Optional<FlowStep> of(PatientFlowEvent event) {
        Kind kind;
        if (event.eventType() == EventType.FLOW_ARRIVED) {
            kind = Kind.ARRIVED;
        }
        else if (event.eventType() == EventType.FLOW_REGISTRATION_COMPLETED) {
            kind = Kind.REGISTRATION_COMPLETED;
        }
        else {
            return Optional.empty();
        }
        return Optional.of(new FlowStep(event.encounterId(), event.eventId().toString(), kind,
                EventTime.millis(event), event.facilityId(), event.department()));
    }
}
