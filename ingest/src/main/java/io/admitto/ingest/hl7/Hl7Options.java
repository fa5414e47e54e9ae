package io.admitto.ingest.hl7;

import java.time.ZoneId;

import static java.util.Objects.requireNonNull;

/**
 * How HL7 v2 messages are read.
 *
 * @param facilityZone the zone a timestamp without a UTC offset was written in (HL7 allows senders to
 *        omit it; most US EHRs do): the facility's local zone
 * @param defaultFacility the facility id for messages with neither MSH-4 nor PV1-3.4, for feeds that
 *        serve one facility and leave them empty; null to dead-letter such messages
 * @param maxMessageBytes longer messages are dead-lettered unparsed
 */
public record Hl7Options(ZoneId facilityZone, String defaultFacility, int maxMessageBytes) {
    /** Larger than any real ADT message (a few KB), small enough that a wrong file cannot exhaust memory. */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 8 * 1024 * 1024;

    public Hl7Options {
        requireNonNull(facilityZone, "facilityZone is null");
        if (defaultFacility != null && defaultFacility.isBlank()) {
            throw new IllegalArgumentException("defaultFacility is blank");
        }
        if (maxMessageBytes < 16) {
            throw new IllegalArgumentException("maxMessageBytes too small: " + maxMessageBytes);
        }
    }

    public static Hl7Options inZone(ZoneId facilityZone) {
        return new Hl7Options(facilityZone, null, DEFAULT_MAX_MESSAGE_BYTES);
    }

    public Hl7Options withDefaultFacility(String facility) {
        return new Hl7Options(facilityZone, facility, maxMessageBytes);
    }

    public Hl7Options withMaxMessageBytes(int bytes) {
        return new Hl7Options(facilityZone, defaultFacility, bytes);
    }
}
