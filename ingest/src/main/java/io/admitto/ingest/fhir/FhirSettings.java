package io.admitto.ingest.fhir;

import java.time.ZoneId;

import static java.util.Objects.requireNonNull;

/**
 * What a FHIR file may not say but every event needs.
 *
 * @param facilityId the facility the files belong to; null to take it from the resource (Encounter
 *        serviceProvider, the provider or requestor of a financial resource), else {@value #UNKNOWN_FACILITY}
 * @param zone FHIR dates without a time (birthDate, created as a date) and date-times without an offset are
 *        read in this zone
 */
public record FhirSettings(String facilityId, ZoneId zone) {
    public static final String UNKNOWN_FACILITY = "unknown";

    public FhirSettings {
        requireNonNull(zone, "zone is null");
    }

    public static FhirSettings defaults() {
        return new FhirSettings(null, ZoneId.systemDefault());
    }
}
