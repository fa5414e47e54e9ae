package io.admitto.ingest.source;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SourceAdaptersTest {
    @Test
    void formatsOnTheClassPathAreFoundByNameWithoutACompileTimeReference() {
        SourceAdapters adapters = SourceAdapters.discover();

        assertThat(adapters.formats()).contains("csv", "hl7").isSorted();
        assertThat(adapters.forFormat("hl7")).hasValueSatisfying(adapter -> assertThat(adapter.format()).isEqualTo("hl7"));
        assertThat(adapters.forFormat("edifact")).isEmpty();
    }

    @Test
    void twoAdaptersCannotClaimOneFormat() {
        assertThatThrownBy(() -> SourceAdapters.of(List.of(new Named("x12"), new Named("x12"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two source adapters for format 'x12'");
    }

    private record Named(String format) implements SourceAdapter {
        @Override
        public void read(Path file, IngestSink sink) {}
    }
}
