package io.admitto.ingest.x12;

import io.admitto.ingest.fhir.FhirSourceAdapter;
import io.admitto.ingest.source.SourceAdapters;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line finds the X12 and FHIR adapters by format name, through ServiceLoader only. */
class X12SourceAdapterDiscoveryTest {
    @Test
    void x12AndFhirAreDiscoveredByFormatName() {
        SourceAdapters adapters = SourceAdapters.discover();

        assertThat(adapters.forFormat("x12")).get().isInstanceOf(X12SourceAdapter.class);
        assertThat(adapters.forFormat("fhir")).get().isInstanceOf(FhirSourceAdapter.class);
    }
}
