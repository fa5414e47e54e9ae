package io.admitto.qarules.snapshot;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * Another medical record of the same facility with the patient's name and birth date (from the
 * master patient index), for the duplicate-record rule.
 *
 * @param firstSeen when that record was first registered
 */
public record IdentityMatch(String mrn, String encounterId, Instant firstSeen)
{
    public IdentityMatch
    {
        requireNonNull(mrn, "mrn is null");
        requireNonNull(firstSeen, "firstSeen is null");
    }
}
