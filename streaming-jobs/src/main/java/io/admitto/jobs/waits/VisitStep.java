package io.admitto.jobs.waits;

import io.admitto.events.EventType;

import java.util.Optional;

/** The steps of a visit that patient-flow events report, in their usual order. */
public enum VisitStep {
    ARRIVED,
    REGISTRATION_STARTED,
    REGISTRATION_COMPLETED,
    MEDICAL_SCREENING,
    SERVICE_STARTED,
    DEPARTED;

    static Optional<VisitStep> of(EventType type) {
        return Optional.ofNullable(switch (type) {
            case FLOW_ARRIVED -> ARRIVED;
            case FLOW_REGISTRATION_STARTED -> REGISTRATION_STARTED;
            case FLOW_REGISTRATION_COMPLETED -> REGISTRATION_COMPLETED;
            case FLOW_MEDICAL_SCREENING_COMPLETED -> MEDICAL_SCREENING;
            case FLOW_SERVICE_STARTED -> SERVICE_STARTED;
            case FLOW_DEPARTED -> DEPARTED;
            default -> null;
        });
    }
}
