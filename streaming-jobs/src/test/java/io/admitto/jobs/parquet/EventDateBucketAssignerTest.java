package io.admitto.jobs.parquet;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class EventDateBucketAssignerTest {
    private final EventDateBucketAssigner assigner = new EventDateBucketAssigner("event_date", "hour_start");

    @Test
    void namesTheHiveFolderOfTheUtcDate() {
        assertThat(assigner.bucketOf(Instant.parse("2026-03-02T00:00:00Z").toEpochMilli())).isEqualTo("event_date=2026-03-02");
        assertThat(assigner.bucketOf(Instant.parse("2026-03-02T23:59:59.999Z").toEpochMilli())).isEqualTo("event_date=2026-03-02");
        assertThat(assigner.bucketOf(Instant.parse("2026-03-03T00:00:00Z").toEpochMilli())).isEqualTo("event_date=2026-03-03");
    }

    @Test
    void beforeTheEpochStillUsesTheCalendarDate() {
        assertThat(assigner.bucketOf(-1)).isEqualTo("event_date=1969-12-31");
    }

    @Test
    void aDayColumnNamesItsOwnFolder() {
        assertThat(assigner.bucketOfDay(Math.toIntExact(java.time.LocalDate.parse("2026-03-02").toEpochDay()))).isEqualTo("event_date=2026-03-02");
    }
}
