package io.admitto.ingest.fhir;

import io.admitto.events.DeadLetter;
import io.admitto.events.EventType;
import io.admitto.events.PatientClass;
import io.admitto.events.PlanType;
import io.admitto.events.RegistrationEvent;
import io.admitto.ingest.source.RecordingSink;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Bulk-export NDJSON: one resource a line, references resolved across the lines of the file. */
class FhirNdjsonTest {
    private static final ZoneOffset CST = ZoneOffset.ofHours(-6);

    @Test
    void linesOfOneFileResolveEachOtherAndABrokenLineIsDeadLetteredAlone() {
        RecordingSink sink = FhirFixtures.read("bulk-export.ndjson");
        List<RegistrationEvent> registrations = sink.events().stream().map(RegistrationEvent.class::cast).toList();

        assertThat(registrations).extracting(RegistrationEvent::eventType)
                .containsExactly(EventType.REGISTRATION_DISCHARGED, EventType.REGISTRATION_PRE_REGISTERED);
        RegistrationEvent discharge = registrations.get(0);
        assertThat(discharge.encounterId()).isEqualTo("F01-E000777");
        assertThat(discharge.eventTime()).as("period end").isEqualTo(OffsetDateTime.of(2026, 3, 5, 10, 30, 0, 0, CST));
        assertThat(discharge.patientClass()).isEqualTo(PatientClass.INPATIENT);
        assertThat(discharge.patient().mrn()).isEqualTo("MRN0077");
        assertThat(discharge.insurances()).singleElement().satisfies(insurance -> {
            assertThat(insurance.payerId()).as("logical payor identifier").isEqualTo("AETNA");
            assertThat(insurance.planType()).isEqualTo(PlanType.COMMERCIAL_HMO);
            assertThat(insurance.memberId()).isEqualTo("XBC987654321");
        });
        assertThat(discharge.diagnoses()).extracting(d -> d.code()).containsExactly("I21.4");

        RegistrationEvent preRegistration = registrations.get(1);
        assertThat(preRegistration.encounterId()).isEqualTo("F01-E000888");
        assertThat(preRegistration.eventTime()).as("created").isEqualTo(OffsetDateTime.of(2026, 3, 1, 9, 15, 0, 0, CST));
        assertThat(preRegistration.scheduledService().code()).isEqualTo("45378");
        assertThat(preRegistration.scheduledService().scheduledFor()).isEqualTo(OffsetDateTime.of(2026, 3, 9, 13, 0, 0, 0, CST));

        DeadLetter broken = sink.onlyDeadLetter();
        assertThat(broken.location()).isEqualTo("NDJSON line 4");
        assertThat(broken.reason()).startsWith("not a FHIR R4 JSON resource");
        assertThat(broken.payload()).isEqualTo("{\"resourceType\":\"Encounter\",\"id\":\"enc-bad\",\"status\":");
    }

    @Test
    void ndjsonIsRecognisedFromTheContentWhateverTheFileName() {
        String ndjson = "{\"resourceType\":\"Observation\",\"id\":\"a\",\"status\":\"final\",\"code\":{\"text\":\"x\"}}\n"
                + "{\"resourceType\":\"Observation\",\"id\":\"b\",\"status\":\"final\",\"code\":{\"text\":\"y\"}}\n";
        RecordingSink sink = FhirFixtures.readText(ndjson, false);

        assertThat(sink.deadLetters()).extracting(DeadLetter::location).containsExactly("NDJSON line 1 (Observation/a)", "NDJSON line 2 (Observation/b)");
    }

    @Test
    void aFileThatIsNotFhirIsOneDeadLetter() {
        DeadLetter deadLetter = FhirFixtures.readText("ISA*00*~", false).onlyDeadLetter();

        assertThat(deadLetter.location()).isEqualTo("whole file");
        assertThat(deadLetter.reason()).startsWith("not a FHIR R4 JSON resource");
    }

    @Test
    void aPreauthorizationWithoutReviewActionCannotTellTheDecision() {
        String response = "{\"resourceType\":\"ClaimResponse\",\"id\":\"x\",\"status\":\"active\",\"use\":\"preauthorization\","
                + "\"created\":\"2026-02-24T11:00:00-06:00\",\"outcome\":\"complete\",\"identifier\":[{\"value\":\"AUTH1\"}]}";
        DeadLetter deadLetter = FhirFixtures.readText(response, false).onlyDeadLetter();

        assertThat(deadLetter.location()).isEqualTo("resource (ClaimResponse/x)");
        assertThat(deadLetter.reason()).contains("without a PAS reviewAction code (X12 HCR01)");
    }

    @Test
    void identifiersAndTelecomsWithoutValuesAreSkippedNotFatal() {
        // found by the fuzzer: an SSN identifier and a phone with a system but no value
        String ndjson = "{\"resourceType\":\"Patient\",\"id\":\"p\",\"identifier\":[{\"system\":\"http://hl7.org/fhir/sid/us-ssn\"}],"
                + "\"telecom\":[{\"system\":\"phone\"}]}\n"
                + "{\"resourceType\":\"Encounter\",\"id\":\"e\",\"status\":\"in-progress\",\"subject\":{\"reference\":\"Patient/p\"},"
                + "\"period\":{\"start\":\"2026-03-02T08:24:00-06:00\"}}\n";
        RegistrationEvent registration = (RegistrationEvent) FhirFixtures.readText(ndjson, true).onlyEvent();

        assertThat(registration.encounterId()).as("no identifier: the id").isEqualTo("e");
        assertThat(registration.patient().ssn()).isNull();
        assertThat(registration.patient().phone()).isNull();
        assertThat(registration.patientClass()).isEqualTo(PatientClass.UNKNOWN);
    }

    @Test
    void whateverHapiThrowsWhileParsingALineDeadLettersThatLineOnly() {
        // found by the fuzzer: an empty JSON key makes HAPI's parser throw StringIndexOutOfBoundsException
        String ndjson = "{\"resourceType\":\"Patient\",\"id\":\"p\",\"\":1}\n"
                + "{\"resourceType\":\"Observation\",\"id\":\"o\",\"status\":\"final\",\"code\":{\"text\":\"x\"}}\n";
        RecordingSink sink = FhirFixtures.readText(ndjson, true);

        assertThat(sink.deadLetters()).extracting(DeadLetter::location).containsExactly("NDJSON line 1", "NDJSON line 2 (Observation/o)");
        assertThat(sink.deadLetters().get(0).reason()).startsWith("not a FHIR R4 JSON resource");
    }
}
