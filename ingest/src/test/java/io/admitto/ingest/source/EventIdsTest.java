package io.admitto.ingest.source;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventIdsTest {
    @Test
    void theSameMessageAlwaysGetsTheSameId() {
        assertThat(EventIds.of("hl7", "EPIC", "MSG00001", "0")).isEqualTo(EventIds.of("hl7", "EPIC", "MSG00001", "0"));
    }

    @Test
    void anyDifferentPartGivesADifferentId() {
        assertThat(EventIds.of("hl7", "EPIC", "MSG00001", "0")).isNotEqualTo(EventIds.of("hl7", "EPIC", "MSG00001", "1"));
        assertThat(EventIds.of("hl7", "EPIC", "MSG00001", "0")).isNotEqualTo(EventIds.of("x12", "EPIC", "MSG00001", "0"));
    }

    @Test
    void partsCannotRunIntoEachOther() {
        assertThat(EventIds.of("ab", "c")).isNotEqualTo(EventIds.of("a", "bc"));
    }

    @Test
    void aMissingPartIsRefused() {
        assertThatThrownBy(() -> EventIds.of("hl7", null)).isInstanceOf(IllegalArgumentException.class);
    }
}
