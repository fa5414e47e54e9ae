package io.admitto.events;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IsoOffsetDateTimesTest {
    @Test
    void writesSecondsAlwaysAndTheOffsetAsSent() {
        assertThat(IsoOffsetDateTimes.format(OffsetDateTime.parse("2026-03-02T08:15-06:00"))).isEqualTo("2026-03-02T08:15:00-06:00");
        assertThat(IsoOffsetDateTimes.format(OffsetDateTime.parse("2026-03-02T08:15:00Z"))).isEqualTo("2026-03-02T08:15:00Z");
        assertThat(IsoOffsetDateTimes.format(OffsetDateTime.parse("2026-03-02T08:15:00.25+05:30"))).isEqualTo("2026-03-02T08:15:00.250+05:30");
        assertThat(IsoOffsetDateTimes.format(OffsetDateTime.parse("2026-03-02T08:15:00.000123+01:00"))).isEqualTo("2026-03-02T08:15:00.000123+01:00");
        assertThat(IsoOffsetDateTimes.format(OffsetDateTime.parse("2026-03-02T08:15:00.000000007-09:30"))).isEqualTo("2026-03-02T08:15:00.000000007-09:30");
    }

    @Test
    void readsWhatItWritesForAnyInstantAndOffset() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            OffsetDateTime value = OffsetDateTime.of(
                    random.nextInt(1900, 2200), random.nextInt(1, 13), random.nextInt(1, 29),
                    random.nextInt(24), random.nextInt(60), random.nextInt(60),
                    random.nextBoolean() ? 0 : random.nextInt(1_000_000_000),
                    ZoneOffset.ofTotalSeconds(random.nextInt(-18 * 60, 18 * 60 + 1) * 60));
            String text = IsoOffsetDateTimes.format(value);
            assertThat(IsoOffsetDateTimes.parse(text)).as(text).isEqualTo(value);
            assertThat(OffsetDateTime.parse(text)).as("standard parser agrees on " + text).isEqualTo(value);
        }
    }

    @Test
    void acceptsEveryOtherIsoFormThroughTheStandardParser() {
        assertThat(IsoOffsetDateTimes.parse("2026-03-02T08:15-06:00")).isEqualTo(OffsetDateTime.parse("2026-03-02T08:15:00-06:00"));
        assertThat(IsoOffsetDateTimes.parse("2026-03-02T08:15:00.5+01:00")).isEqualTo(OffsetDateTime.parse("2026-03-02T08:15:00.500+01:00"));
        assertThatThrownBy(() -> IsoOffsetDateTimes.parse("2026-03-02T08:15:00+0100")).isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void rejectsWhatIsNotADateTime() {
        assertThatThrownBy(() -> IsoOffsetDateTimes.parse("2026-02-30T08:15:00Z")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> IsoOffsetDateTimes.parse("2026-03-02T25:15:00Z")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> IsoOffsetDateTimes.parse("2026-03-02T08:15:00")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> IsoOffsetDateTimes.parse("yesterday")).isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void aBadEventTimeInAnEventIsAnInvalidEventNamingTheValue() {
        EventJson json = new EventJson();
        String text = json.toJson(EventExamples.flowArrived()).replace("2026-03-02T08:15:00-06:00", "2026-03-02T8:15");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> json.fromJson(text))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("2026-03-02T8:15");
    }
}
