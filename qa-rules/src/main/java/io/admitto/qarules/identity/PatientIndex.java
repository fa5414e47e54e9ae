package io.admitto.qarules.identity;

import io.admitto.events.Patient;
import io.admitto.events.PersonName;
import io.admitto.qarules.snapshot.IdentityMatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A minimal master patient index for the duplicate-record rule (ID-011): per facility, the medical
 * records seen for each (family name, given name, birth date), with when each record was first seen.
 * A record is suspect when another record with the same key was established before it: that is the
 * one the registrar should have found.
 *
 * <p>This is the caller's state, not the rules': an instance belongs to one evaluation or one
 * operator (the streaming job keeps the same thing in keyed state by identity key). Not thread-safe.
 */
public final class PatientIndex
{
    private final Map<String, List<IdentityMatch>> records = new HashMap<>();

    /** Notes that {@code patient}'s record was registered for {@code encounterId} at {@code at}; keeps each record's earliest sighting. */
    public void record(String facilityId, Patient patient, String encounterId, Instant at)
    {
        requireNonNull(at, "at is null");
        String key = key(facilityId, patient);
        if (key == null) {
            return;
        }
        List<IdentityMatch> known = records.computeIfAbsent(key, ignored -> new ArrayList<>(1));
        for (int i = 0; i < known.size(); i++) {
            IdentityMatch existing = known.get(i);
            if (existing.mrn().equals(patient.mrn())) {
                if (at.isBefore(existing.firstSeen())) {
                    known.set(i, new IdentityMatch(patient.mrn(), encounterId, at));
                }
                return;
            }
        }
        known.add(new IdentityMatch(patient.mrn(), encounterId, at));
    }

    /**
     * Records with {@code patient}'s name and birth date that were established before the patient's
     * own record (or that exist at all, when the patient's record is not in the index).
     */
    public List<IdentityMatch> matches(String facilityId, Patient patient)
    {
        String key = key(facilityId, patient);
        List<IdentityMatch> known = key == null ? null : records.get(key);
        if (known == null || known.size() < 2 && (known.isEmpty() || known.get(0).mrn().equals(patient.mrn()))) {
            return List.of();
        }
        Instant own = null;
        for (IdentityMatch match : known) {
            if (match.mrn().equals(patient.mrn())) {
                own = match.firstSeen();
            }
        }
        List<IdentityMatch> earlier = new ArrayList<>();
        for (IdentityMatch match : known) {
            if (!match.mrn().equals(patient.mrn()) && (own == null || match.firstSeen().isBefore(own))) {
                earlier.add(match);
            }
        }
        return earlier;
    }

    private static String key(String facilityId, Patient patient)
    {
        if (patient == null || patient.mrn() == null || patient.birthDate() == null || patient.name() == null) {
            return null;
        }
        PersonName name = patient.name();
        if (name.family() == null || name.given() == null) {
            return null;
        }
        return facilityId + '|' + name.family().strip().toUpperCase(Locale.ROOT) + '|' + name.given().strip().toUpperCase(Locale.ROOT)
                + '|' + patient.birthDate();
    }
}
