package io.admitto.ingest.x12;

import java.time.ZoneId;

import static java.util.Objects.requireNonNull;

/**
 * What an X12 file does not say but every event needs.
 *
 * @param facilityId the facility the files belong to; null to take the provider's identifier from each
 *        transaction (835 payee N1*PE, 270/271 NM1*1P, 278 requester, 277CA billing provider NM1*85), then
 *        the provider-side interchange id
 * @param zone X12 dates and times carry no offset: they are read in this zone (the facility's)
 */
public record X12Settings(String facilityId, ZoneId zone) {
    public X12Settings {
        requireNonNull(zone, "zone is null");
    }

    /** No fixed facility; the machine's zone, which for an on-premises interface engine is the hospital's. */
    public static X12Settings defaults() {
        return new X12Settings(null, ZoneId.systemDefault());
    }
}
