package io.admitto.jobs.common;

import io.admitto.events.CanonicalEvent;

import java.time.Instant;

/** An event that arrived behind the watermark: one row of {@code late_events}. A public record, so Flink serializes it as a POJO. */
public record LateEvent(String eventId, String eventType, String encounterId, String facilityId, Instant eventTime, Instant watermark) {
    static LateEvent of(CanonicalEvent event, long watermarkMillis) {
        return new LateEvent(event.eventId().toString(), event.eventType().wireName(), event.encounterId(), event.facilityId(),
                event.eventTime().toInstant(), Instant.ofEpochMilli(watermarkMillis));
    }

    public double latenessSeconds() {
        return (watermark.toEpochMilli() - eventTime.toEpochMilli()) / 1000.0;
    }

    /** The values in the column order of {@code Tables.LATE_EVENTS}. */
    public Object[] columnValues() {
        return new Object[] {eventId, eventType, encounterId, facilityId, eventTime, watermark, latenessSeconds()};
    }
}
