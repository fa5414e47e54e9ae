package io.admitto.ingest.hl7;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Hl7TimestampsTest {
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    @Test
    void theSendersOffsetIsKept() {
        assertThat(Hl7Timestamps.timestamp("20120711120510.2-0500", CHICAGO)).isEqualTo(OffsetDateTime.parse("2012-07-11T12:05:10.2-05:00"));
        assertThat(Hl7Timestamps.timestamp("20080627101943+0100", CHICAGO)).isEqualTo(OffsetDateTime.parse("2008-06-27T10:19:43+01:00"));
    }

    @Test
    void withoutAnOffsetTheFacilityZoneApplies_daylightSavingIncluded() {
        assertThat(Hl7Timestamps.timestamp("20260115083000", CHICAGO)).isEqualTo(OffsetDateTime.parse("2026-01-15T08:30:00-06:00"));
        assertThat(Hl7Timestamps.timestamp("20260715083000", CHICAGO)).isEqualTo(OffsetDateTime.parse("2026-07-15T08:30:00-05:00"));
    }

    @Test
    void reducedPrecisionFillsTheStartOfThePeriod() {
        assertThat(Hl7Timestamps.timestamp("199904140038", CHICAGO)).isEqualTo(OffsetDateTime.parse("1999-04-14T00:38:00-05:00"));
        assertThat(Hl7Timestamps.timestamp("2026", CHICAGO)).isEqualTo(OffsetDateTime.parse("2026-01-01T00:00:00-06:00"));
    }

    @Test
    void nonStandardValuesAreRefusedWithTheValueInTheMessage() {
        for (String bad : new String[] {"2026-03-02T08:00", "20261302", "202603021", "20260302083000.12345", "20260302-05", "abc"}) {
            assertThatThrownBy(() -> Hl7Timestamps.timestamp(bad, CHICAGO)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'" + bad + "'");
        }
    }

    @Test
    void datesIgnoreTheTimeOfDay() {
        assertThat(Hl7Timestamps.date("19641028000000-0600")).isEqualTo(LocalDate.of(1964, 10, 28));
        assertThatThrownBy(() -> Hl7Timestamps.date("19640230")).isInstanceOf(IllegalArgumentException.class);
    }
}
