package io.admitto.jobs.waits;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * A wait between two steps of a visit. Wait times are reported in phases, never as one average:
 * arrival to registration is the front desk's, registration to service the department's, arrival to
 * screening the ED's EMTALA clock.
 */
public enum WaitPhase {
    ARRIVAL_TO_REGISTRATION("arrival_to_registration", VisitStep.ARRIVED, VisitStep.REGISTRATION_COMPLETED, Duration.ofMinutes(15)),
    REGISTRATION_TO_SERVICE("registration_to_service", VisitStep.REGISTRATION_COMPLETED, VisitStep.SERVICE_STARTED, Duration.ofMinutes(30)),
    ARRIVAL_TO_SCREENING("arrival_to_screening", VisitStep.ARRIVED, VisitStep.MEDICAL_SCREENING, Duration.ofMinutes(30)),
    ARRIVAL_TO_SERVICE("arrival_to_service", VisitStep.ARRIVED, VisitStep.SERVICE_STARTED, Duration.ofMinutes(45));

    private final String columnValue;
    private final VisitStep from;
    private final VisitStep to;
    private final Duration defaultTarget;

    WaitPhase(String columnValue, VisitStep from, VisitStep to, Duration defaultTarget) {
        this.columnValue = requireNonNull(columnValue);
        this.from = requireNonNull(from);
        this.to = requireNonNull(to);
        this.defaultTarget = requireNonNull(defaultTarget);
    }

    /** The value of {@code wait_time_stats.phase}. */
    public String columnValue() {
        return columnValue;
    }

    public VisitStep from() {
        return from;
    }

    public VisitStep to() {
        return to;
    }

    /** The service-level target used unless a department's is configured (see {@link WaitTargets}). */
    public Duration defaultTarget() {
        return defaultTarget;
    }
}
