package io.admitto.qarules.snapshot;

import io.admitto.events.CanonicalEvent;
import io.admitto.events.RegistrationEvent;
import io.admitto.qarules.identity.PatientIndex;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds a whole stream of events (a backfill, an evaluation run) into one snapshot per encounter, with
 * duplicate-record candidates from a patient index over every registration seen. The streaming job keeps
 * the same fold in keyed state; this is its in-memory form for batch use.
 */
public final class EncounterSnapshots
{
    private final Map<String, RegistrationSnapshot> byEncounter = new LinkedHashMap<>();
    private final PatientIndex index = new PatientIndex();

    /** Folds one event, in any order; repeats are ignored by the fold. */
    public void accept(CanonicalEvent event)
    {
        byEncounter.merge(event.encounterId(), SnapshotAssembler.add(RegistrationSnapshot.empty(event.encounterId()), event),
                (existing, ignored) -> SnapshotAssembler.add(existing, event));
        if (event instanceof RegistrationEvent registration && registration.patient() != null) {
            index.record(registration.facilityId(), registration.patient(), registration.encounterId(), registration.eventTime().toInstant());
        }
    }

    /** The snapshots of encounters that were registered and not cancelled, with their identity matches. */
    public List<RegistrationSnapshot> registered()
    {
        List<RegistrationSnapshot> snapshots = new ArrayList<>();
        for (RegistrationSnapshot snapshot : byEncounter.values()) {
            if (snapshot.registered() && !snapshot.cancelled()) {
                RegistrationEvent registration = snapshot.registration();
                snapshots.add(snapshot.withIdentityMatches(index.matches(registration.facilityId(), registration.patient())));
            }
        }
        return List.copyOf(snapshots);
    }
}
