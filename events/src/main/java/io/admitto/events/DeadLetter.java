package io.admitto.events;

import java.time.OffsetDateTime;

import static java.util.Objects.requireNonNull;

/**
 * Input that could not be parsed or mapped to canonical events, kept whole with the reason, so that
 * nothing is lost and an interface analyst can fix and replay it. Published to
 * {@link Topic#DEAD_LETTER} as JSON (this record through {@link EventJson#newMapper()}).
 *
 * @param format the source format: {@code hl7}, {@code x12}, {@code fhir}, {@code csv}, or {@code canonical}
 * @param origin where the input came from: a file path, or {@code mllp://<peer address>:<port>}
 * @param location where in it: line and segment, X12 interchange/group/transaction control numbers,
 *        NDJSON line, Bundle entry, CSV row — precise enough to find the fault by hand
 * @param reason what is wrong, in words an interface analyst understands
 * @param payload the raw input unit (message, transaction set, resource, row) as received
 * @param receivedAt when Admitto read it
 */
public record DeadLetter(String format, String origin, String location, String reason, String payload, OffsetDateTime receivedAt) {
    public DeadLetter {
        requireNonNull(format, "format is null");
        requireNonNull(origin, "origin is null");
        requireNonNull(location, "location is null");
        requireNonNull(reason, "reason is null");
        requireNonNull(payload, "payload is null");
        requireNonNull(receivedAt, "receivedAt is null");
    }

    /** The Kafka key: the origin, so the dead letters of one file or peer stay in order. */
    public String key() {
        return origin;
    }
}
