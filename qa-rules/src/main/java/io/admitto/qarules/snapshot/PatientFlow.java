package io.admitto.qarules.snapshot;

import io.admitto.events.PatientFlowEvent;

import java.time.OffsetDateTime;

/**
 * When each step of the visit happened, from the tracking board. Each step keeps its earliest report,
 * so a repeated or late-delivered flow event never moves a time and arrival order does not matter.
 *
 * @param screeningCompletedAt the ED medical screening exam (EMTALA); null until it is done
 */
public record PatientFlow(
        OffsetDateTime arrivedAt,
        OffsetDateTime registrationStartedAt,
        OffsetDateTime registrationCompletedAt,
        OffsetDateTime screeningCompletedAt,
        OffsetDateTime serviceStartedAt,
        OffsetDateTime departedAt)
{
    public static final PatientFlow NONE = new PatientFlow(null, null, null, null, null, null);

    PatientFlow with(PatientFlowEvent event)
    {
        OffsetDateTime at = event.eventTime();
        return switch (event.eventType()) {
            case FLOW_ARRIVED -> new PatientFlow(earliest(arrivedAt, at), registrationStartedAt, registrationCompletedAt, screeningCompletedAt, serviceStartedAt, departedAt);
            case FLOW_REGISTRATION_STARTED -> new PatientFlow(arrivedAt, earliest(registrationStartedAt, at), registrationCompletedAt, screeningCompletedAt, serviceStartedAt, departedAt);
            case FLOW_REGISTRATION_COMPLETED -> new PatientFlow(arrivedAt, registrationStartedAt, earliest(registrationCompletedAt, at), screeningCompletedAt, serviceStartedAt, departedAt);
            case FLOW_MEDICAL_SCREENING_COMPLETED -> new PatientFlow(arrivedAt, registrationStartedAt, registrationCompletedAt, earliest(screeningCompletedAt, at), serviceStartedAt, departedAt);
            case FLOW_SERVICE_STARTED -> new PatientFlow(arrivedAt, registrationStartedAt, registrationCompletedAt, screeningCompletedAt, earliest(serviceStartedAt, at), departedAt);
            case FLOW_DEPARTED -> new PatientFlow(arrivedAt, registrationStartedAt, registrationCompletedAt, screeningCompletedAt, serviceStartedAt, earliest(departedAt, at));
            default -> throw new IllegalArgumentException("not a flow event: " + event.eventType());
        };
    }

    static OffsetDateTime earliest(OffsetDateTime current, OffsetDateTime candidate)
    {
        return current == null || candidate.toInstant().isBefore(current.toInstant()) ? candidate : current;
    }
}
