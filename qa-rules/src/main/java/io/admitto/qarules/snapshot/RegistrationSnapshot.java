package io.admitto.qarules.snapshot;

import io.admitto.events.AuthorizationDecision;
import io.admitto.events.AuthorizationRequest;
import io.admitto.events.EligibilityResponse;
import io.admitto.events.EventType;
import io.admitto.events.PointOfServicePayment;
import io.admitto.events.RegistrationEvent;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A registration as of {@link #asOf()} and what was known about it then: the latest registration
 * record, the latest 271 per payer, the prior-authorization traffic, the visit's flow times, the
 * point-of-service payments and, when the caller has a patient index, other records that look like
 * the same person. Immutable and small, so a streaming job can keep one per encounter in keyed state;
 * {@link SnapshotAssembler} builds it from canonical events in any arrival order.
 *
 * @param asOf "now" for every rule: the latest event folded in, or the instant the caller assesses at
 * @param registration the latest registration event (each carries the whole record); null before the first
 * @param registrarId the operator (EVN-5) findings are attributed to: of the first registration or
 *        admission, else of the latest registration event that names one
 * @param preRegisteredAt first {@code registration.pre_registered}
 * @param registeredAt first {@code registration.registered} or {@code registration.admitted}: the patient is at the desk
 * @param eligibility the latest 271 of each payer, by response time
 * @param authorizationRequests every 278 request, in time order
 * @param authorizationDecisions the latest 278 decision of each tracking number, in time order
 * @param payments point-of-service payments in time order
 * @param identityMatches other records of the facility with this patient's name and birth date
 */
public record RegistrationSnapshot(
        String encounterId,
        Instant asOf,
        RegistrationEvent registration,
        String registrarId,
        OffsetDateTime preRegisteredAt,
        OffsetDateTime registeredAt,
        List<EligibilityResponse> eligibility,
        List<AuthorizationRequest> authorizationRequests,
        List<AuthorizationDecision> authorizationDecisions,
        PatientFlow flow,
        List<PointOfServicePayment> payments,
        List<IdentityMatch> identityMatches)
{
    public RegistrationSnapshot
    {
        requireNonNull(encounterId, "encounterId is null");
        requireNonNull(asOf, "asOf is null");
        eligibility = List.copyOf(eligibility);
        authorizationRequests = List.copyOf(authorizationRequests);
        authorizationDecisions = List.copyOf(authorizationDecisions);
        requireNonNull(flow, "flow is null");
        payments = List.copyOf(payments);
        identityMatches = List.copyOf(identityMatches);
    }

    /** Nothing known yet about {@code encounterId}. */
    public static RegistrationSnapshot empty(String encounterId)
    {
        return new RegistrationSnapshot(encounterId, Instant.EPOCH, null, null, null, null, List.of(), List.of(), List.of(),
                PatientFlow.NONE, List.of(), List.of());
    }

    /** The patient has been registered or admitted (not only pre-registered). */
    public boolean registered()
    {
        return registeredAt != null;
    }

    /** The latest registration event cancels the visit (A11/A27). */
    public boolean cancelled()
    {
        return registration != null && registration.eventType() == EventType.REGISTRATION_CANCELLED;
    }

    /** The same snapshot assessed at another instant (e.g. a QA review after the visit). */
    public RegistrationSnapshot withAsOf(Instant asOf)
    {
        return new RegistrationSnapshot(encounterId, asOf, registration, registrarId, preRegisteredAt, registeredAt, eligibility,
                authorizationRequests, authorizationDecisions, flow, payments, identityMatches);
    }

    public RegistrationSnapshot withIdentityMatches(List<IdentityMatch> identityMatches)
    {
        return new RegistrationSnapshot(encounterId, asOf, registration, registrarId, preRegisteredAt, registeredAt, eligibility,
                authorizationRequests, authorizationDecisions, flow, payments, identityMatches);
    }

    /** The latest 271 from {@code payerId}, or null. */
    public EligibilityResponse eligibilityFrom(String payerId)
    {
        for (int iResponse = 0; iResponse < eligibility.size(); iResponse++) {
            EligibilityResponse response = eligibility.get(iResponse);
            if (response.payerId() != null && response.payerId().equals(payerId)) {
                return response;
            }
        }
        return null;
    }
}
