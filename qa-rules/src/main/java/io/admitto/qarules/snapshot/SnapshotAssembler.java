package io.admitto.qarules.snapshot;

import io.admitto.events.AuthorizationDecision;
import io.admitto.events.AuthorizationRequest;
import io.admitto.events.CanonicalEvent;
import io.admitto.events.EligibilityResponse;
import io.admitto.events.EventType;
import io.admitto.events.PatientFlowEvent;
import io.admitto.events.PointOfServicePayment;
import io.admitto.events.RegistrationEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.BiPredicate;

import static java.util.Objects.requireNonNull;

/**
 * Folds the canonical events of one encounter into a {@link RegistrationSnapshot}. The fold is
 * commutative and idempotent: every field keeps the latest (registration, 271 per payer, 278 decision
 * per tracking number) or earliest (flow steps, first registration) value by event time, with the
 * event type and id breaking ties, and lists are de-duplicated by event id. Events can therefore
 * arrive in any order and more than once, as they do from Kafka topics that are ordered only within a
 * partition, and the snapshot comes out the same.
 *
 * <p>Claims (835/277CA) and 270 inquiries are not part of the registration and are ignored.
 */
public final class SnapshotAssembler
{
    /** Total order of events of one encounter: time, then type, then id. */
    private static final Comparator<CanonicalEvent> EVENT_ORDER = Comparator
            .comparing((CanonicalEvent event) -> event.eventTime().toInstant())
            .thenComparing(CanonicalEvent::eventType)
            .thenComparing(CanonicalEvent::eventId);

    private SnapshotAssembler() {}

    /** The snapshot of {@code encounterId} as of {@code asOf}: events timed after it are not known yet and left out. */
    public static RegistrationSnapshot assemble(String encounterId, Iterable<? extends CanonicalEvent> events, Instant asOf)
    {
        requireNonNull(asOf, "asOf is null");
        RegistrationSnapshot snapshot = RegistrationSnapshot.empty(encounterId);
        for (CanonicalEvent event : events) {
            if (!event.eventTime().toInstant().isAfter(asOf)) {
                snapshot = add(snapshot, event);
            }
        }
        return snapshot.withAsOf(asOf);
    }

    /** {@code snapshot} with {@code event} folded in; {@code asOf} moves forward to the event's time. */
    public static RegistrationSnapshot add(RegistrationSnapshot snapshot, CanonicalEvent event)
    {
        requireNonNull(snapshot, "snapshot is null");
        requireNonNull(event, "event is null");
        if (!snapshot.encounterId().equals(event.encounterId())) {
            throw new IllegalArgumentException("event of encounter " + event.encounterId() + " folded into snapshot of " + snapshot.encounterId());
        }
        Instant eventInstant = event.eventTime().toInstant();
        Instant asOf = eventInstant.isAfter(snapshot.asOf()) ? eventInstant : snapshot.asOf();
        RegistrationEvent registration = snapshot.registration();
        String registrarId = snapshot.registrarId();
        var preRegisteredAt = snapshot.preRegisteredAt();
        var registeredAt = snapshot.registeredAt();
        List<EligibilityResponse> eligibility = snapshot.eligibility();
        List<AuthorizationRequest> requests = snapshot.authorizationRequests();
        List<AuthorizationDecision> decisions = snapshot.authorizationDecisions();
        PatientFlow flow = snapshot.flow();
        List<PointOfServicePayment> payments = snapshot.payments();

        if (event instanceof RegistrationEvent update) {
            if (registration == null || EVENT_ORDER.compare(update, registration) > 0) {
                registration = update;
            }
            EventType type = update.eventType();
            if (type == EventType.REGISTRATION_PRE_REGISTERED) {
                preRegisteredAt = PatientFlow.earliest(preRegisteredAt, update.eventTime());
            }
            if (type == EventType.REGISTRATION_REGISTERED || type == EventType.REGISTRATION_ADMITTED) {
                boolean first = registeredAt == null || eventInstant.isBefore(registeredAt.toInstant())
                        || eventInstant.equals(registeredAt.toInstant()) && update.registrarId() != null
                        && (registrarId == null || update.registrarId().compareTo(registrarId) < 0);
                if (first) {
                    registeredAt = update.eventTime();
                    registrarId = update.registrarId() != null ? update.registrarId() : registrarId;
                }
            }
            else if (registeredAt == null && registration.registrarId() != null) {
                // not at the desk yet: the pre-access registrar of the latest record answers for it
                registrarId = registration.registrarId();
            }
        }
        else if (event instanceof EligibilityResponse response) {
            eligibility = replaceLatest(eligibility, response, (a, b) -> Objects.equals(a.payerId(), b.payerId()));
        }
        else if (event instanceof AuthorizationRequest request) {
            requests = insertUnique(requests, request);
        }
        else if (event instanceof AuthorizationDecision decision) {
            decisions = replaceLatest(decisions, decision, (a, b) -> Objects.equals(a.trackingNumber(), b.trackingNumber()));
        }
        else if (event instanceof PatientFlowEvent step) {
            flow = flow.with(step);
        }
        else if (event instanceof PointOfServicePayment payment) {
            payments = insertUnique(payments, payment);
        }
        else {
            // 270 inquiries and claims (835/277CA) are not part of the registration
            return asOf.equals(snapshot.asOf()) ? snapshot : snapshot.withAsOf(asOf);
        }
        return new RegistrationSnapshot(snapshot.encounterId(), asOf, registration, registrarId, preRegisteredAt, registeredAt,
                eligibility, requests, decisions, flow, payments, snapshot.identityMatches());
    }

    /** {@code list} with {@code event} in place of the entry it supersedes, if {@code event} is later; kept in time order. */
    private static <T extends CanonicalEvent> List<T> replaceLatest(List<T> list, T event, BiPredicate<T, T> sameSubject)
    {
        List<T> result = new ArrayList<>(list.size() + 1);
        for (T existing : list) {
            if (sameSubject.test(existing, event)) {
                if (EVENT_ORDER.compare(existing, event) >= 0) {
                    return list;
                }
            }
            else {
                result.add(existing);
            }
        }
        result.add(event);
        result.sort(EVENT_ORDER);
        return result;
    }

    /** {@code list} with {@code event} added unless an event with its id is already there; kept in time order. */
    private static <T extends CanonicalEvent> List<T> insertUnique(List<T> list, T event)
    {
        for (T existing : list) {
            if (existing.eventId().equals(event.eventId())) {
                return list;
            }
        }
        List<T> result = new ArrayList<>(list.size() + 1);
        result.addAll(list);
        result.add(event);
        result.sort(EVENT_ORDER);
        return result;
    }
}
