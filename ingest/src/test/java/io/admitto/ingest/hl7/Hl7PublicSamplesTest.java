package io.admitto.ingest.hl7;

import io.admitto.events.CanonicalEvent;
import io.admitto.events.DeadLetter;
import io.admitto.events.EventType;
import io.admitto.events.Insurance;
import io.admitto.events.PatientClass;
import io.admitto.events.PlanType;
import io.admitto.events.RegistrationEvent;
import io.admitto.ingest.source.RecordingSink;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real public ADT messages in samples/hl7 (see the README there for where each comes from): each maps
 * to the fields it carries, or is dead-lettered with a reason an interface analyst can act on.
 */
class Hl7PublicSamplesTest {
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T12:00:00Z"), ZoneOffset.UTC);

    private final Hl7SourceAdapter adapter = new Hl7SourceAdapter(new Hl7MessageHandler(Hl7Options.inZone(CHICAGO), CLOCK));

    @Test
    void admitWithGuarantorAndThreeCoveragesKeepsEveryCoverageInPriorityOrder() throws Exception {
        RegistrationEvent event = event("hapi_adt_a01_gt1_3xin1_nk1.hl7");

        assertThat(event.eventType()).isEqualTo(EventType.REGISTRATION_ADMITTED);
        assertThat(event.eventTime()).isEqualTo(OffsetDateTime.parse("2012-07-01T00:00:00-05:00"));
        assertThat(event.facilityId()).isEqualTo("CORPORATE");
        assertThat(event.source().system()).isEqualTo("DATASERVICES");
        assertThat(event.source().messageId()).isEqualTo("9c906177-dfca-4bbe-9abd-d8eb43df93a0");
        // no PV1-19: the PID-18 account number is the visit
        assertThat(event.encounterId()).isEqualTo("31592");
        assertThat(event.patientClass()).isEqualTo(PatientClass.INPATIENT);
        assertThat(event.department()).isEqualTo("INPT");
        assertThat(event.patient().name().family()).isEqualTo("Williams");
        assertThat(event.patient().name().given()).isEqualTo("Rory");
        assertThat(event.patient().birthDate()).isEqualTo(LocalDate.of(1964, 10, 28));
        assertThat(event.patient().identifiers()).hasSize(3);
        assertThat(event.insurances()).extracting(Insurance::priority).containsExactly(1, 2, 3);
        Insurance primary = event.insurances().get(0);
        assertThat(primary.planId()).isEqualTo("CAP1000");
        assertThat(primary.payerId()).isEqualTo("YYDN");
        assertThat(primary.payerName()).isEqualTo("ACME HealthCare");
        assertThat(primary.groupNumber()).isEqualTo("GR0000001");
        assertThat(primary.planType()).isEqualTo(PlanType.COMMERCIAL_HMO);
        assertThat(primary.memberId()).as("IN1-36 policy number when IN1-49 is empty").isEqualTo("PCY-0000042");
        assertThat(event.insurances().get(1).planType()).isEqualTo(PlanType.MEDICARE_FFS);
        assertThat(event.insurances().get(2).planType()).isEqualTo(PlanType.MEDICAID);
        assertThat(event.guarantor().name().family()).isEqualTo("Doe");
        assertThat(event.guarantor().address().city()).isEqualTo("Sussex");
    }

    @Test
    void version22MessageWithoutEvnOrControlIdTakesMsh7AndAStableContentId() throws Exception {
        RegistrationEvent event = event("hapi_adt_a01_gt1_in1_example.hl7");

        assertThat(event.eventTime()).as("MSH-7 without offset, read in the facility zone")
                .isEqualTo(OffsetDateTime.parse("1999-04-14T00:38:00-05:00"));
        assertThat(event.source().messageId()).startsWith("sha256:");
        assertThat(event.encounterId()).isEqualTo("000001916994");
        assertThat(event.patient().mrn()).isEqualTo("00001122");
        assertThat(event.patient().ssn()).isEqualTo("252-00-4414");
        assertThat(event.financialClass()).isEqualTo("D");
        assertThat(event.department()).as("PV1-10 hospital service ER").isEqualTo("ED");
        assertThat(event.insurances()).singleElement().satisfies(insurance -> {
            assertThat(insurance.payerName()).isEqualTo("BLUE CROSS");
            assertThat(insurance.planId()).isEqualTo("022254P");
        });
        assertThat(event.guarantor().relationship()).as("GT1-11 MO: the guarantor is the mother").isEqualTo("child");
    }

    @Test
    void emergencyAdmitKeepsItsVisitNumberAndTrimsPaddedFields() throws Exception {
        RegistrationEvent event = event("hapi_adt_a01_uhn_ohip_in1.hl7");

        assertThat(event.encounterId()).isEqualTo("211004554");
        assertThat(event.eventTime()).isEqualTo(OffsetDateTime.parse("2001-05-23T19:27:00-05:00"));
        assertThat(event.patient().name().family()).isEqualTo("Duck");
        assertThat(event.insurances()).singleElement().satisfies(insurance -> assertThat(insurance.payerName()).isEqualTo("OHIP"));
    }

    @Test
    void cernerUpdateWithoutPv1UsesTheFinAccountNumber() throws Exception {
        RegistrationEvent event = event("nhapi_adt_a08_cerner_multi_pid_ids.hl7");

        assertThat(event.eventType()).isEqualTo(EventType.REGISTRATION_UPDATED);
        assertThat(event.encounterId()).isEqualTo("12345665161");
        assertThat(event.patient().identifiers()).hasSize(4);
        assertThat(event.patient().address().line2()).isEqualTo("UNIT 123");
        assertThat(event.patientClass()).isNull();
    }

    @Test
    void luxembourgAdmitMapsTheInsuredAsThePatient() throws Exception {
        RegistrationEvent event = event("nhapi_adt_a01_lu_in1_zin.hl7");

        assertThat(event.encounterId()).isEqualTo("0200001198");
        assertThat(event.patientClass()).isEqualTo(PatientClass.OUTPATIENT);
        assertThat(event.department()).isEqualTo("CLIN");
        Insurance insurance = event.insurances().get(0);
        assertThat(insurance.subscriber().relationship()).isEqualTo("self");
        assertThat(insurance.subscriber().birthDate()).isEqualTo(LocalDate.of(1998, 12, 1));
        assertThat(insurance.coverageStart()).isEqualTo(LocalDate.of(1980, 1, 1));
    }

    @Test
    void escapedTextAndRegistrarFromEvn5() throws Exception {
        RegistrationEvent event = event("lfh_adt_a01_pv2_escaped_text.hl7");

        assertThat(event.registrarId()).isEqualTo("007");
        assertThat(event.encounterId()).isEqualTo("Visit_0a3be81e-144b-4885-9b4e-c5cd33c8f038");
        assertThat(event.eventTime()).isEqualTo(OffsetDateTime.parse("2021-03-30T14:42:08-05:00"));
    }

    @Test
    void updateWithoutMsh4TakesTheFacilityFromPv1Location() throws Exception {
        RegistrationEvent event = event("lfh_adt_a08_evn_pv1_pv2.hl7");

        assertThat(event.facilityId()).isEqualTo("Toronto");
        assertThat(event.eventType()).isEqualTo(EventType.REGISTRATION_UPDATED);
    }

    @Test
    void messagesThatCannotBeRegistrationsAreDeadLetteredWithTheirReason() throws Exception {
        assertThat(deadLetter("hapi_adt_a03_empty_pv1.hl7").reason()).isEqualTo("no visit: no PV1 segment and no PID-18 account number");
        assertThat(deadLetter("hapi_adt_a31_minimal_pd1.hl7").reason()).startsWith("person-level message without a visit (ADT^A31)");
        assertThat(deadLetter("nhapi_adt_a28_minimal.hl7").reason()).startsWith("person-level message without a visit (ADT^A28)");
        assertThat(deadLetter("lfh_adt_a01_in1_in2_broad.hl7").reason()).isEqualTo("no visit: no PV1 segment and no PID-18 account number");
        assertThat(deadLetter("pyhl7_adt_a04_vinah.hl7").reason()).isEqualTo("no visit: no PV1-19 visit number or PID-18 account number");
        assertThat(deadLetter("lfh_adt_a03_in1_in2.hl7").reason()).startsWith("no facility: MSH-4 sending facility and PV1-3.4 are empty");
    }

    @Test
    void deadLetterPointsAtTheFileMessageAndLineAndKeepsThePayload() throws Exception {
        DeadLetter deadLetter = deadLetter("pyhl7_adt_a04_vinah.hl7");

        assertThat(deadLetter.format()).isEqualTo("hl7");
        assertThat(deadLetter.origin()).endsWith("pyhl7_adt_a04_vinah.hl7");
        assertThat(deadLetter.location()).isEqualTo("message 1, segment PV1 (line 6)");
        assertThat(deadLetter.payload()).startsWith("MSH|^~\\&||ABCHS||AUSDHSV|").contains("PV1|1|O");
        assertThat(deadLetter.receivedAt()).isEqualTo(OffsetDateTime.now(CLOCK));
    }

    @Test
    void aConfiguredDefaultFacilityMapsSingleFacilityFeedsWithoutMsh4() throws Exception {
        Hl7SourceAdapter singleFacility = new Hl7SourceAdapter(
                new Hl7MessageHandler(Hl7Options.inZone(CHICAGO).withDefaultFacility("F01"), CLOCK));

        RegistrationEvent discharge = only(read(singleFacility, "lfh_adt_a03_in1_in2.hl7"));
        assertThat(discharge.eventType()).isEqualTo(EventType.REGISTRATION_DISCHARGED);
        assertThat(discharge.facilityId()).isEqualTo("F01");
        assertThat(discharge.encounterId()).isEqualTo("VisitNumber");
        assertThat(discharge.department()).as("PV1-10 SUR").isEqualTo("SURG");
        assertThat(discharge.insurances()).singleElement().satisfies(insurance -> {
            assertThat(insurance.planId()).isEqualTo("Value1");
            assertThat(insurance.payerId()).isEqualTo("IdValue1");
            assertThat(insurance.subscriber().relationship()).as("IN2-72 04: natural child").isEqualTo("child");
        });

        RegistrationEvent personWithVisit = only(read(singleFacility, "lfh_adt_a31_2xin1_in2.hl7"));
        assertThat(personWithVisit.eventType()).as("A31 naming a visit updates it").isEqualTo(EventType.REGISTRATION_UPDATED);
        assertThat(personWithVisit.insurances()).extracting(Insurance::payerName).containsExactly("Large Blue Organization", "Large Green Organization");

        RegistrationEvent personAdd = only(read(singleFacility, "lfh_adt_a28_nk1_al1_pr1_in1.hl7"));
        assertThat(personAdd.diagnoses()).singleElement().satisfies(diagnosis -> {
            assertThat(diagnosis.code()).isEqualTo("B45678");
            assertThat(diagnosis.rank()).isEqualTo(1);
        });

        RecordingSink relatedPerson = read(singleFacility, "lfh_adt_a04_in1_in2_related_person.hl7");
        assertThat(relatedPerson.onlyDeadLetter().reason()).isEqualTo("no visit: no PV1-19 visit number or PID-18 account number");
    }

    @Test
    void everySampleBecomesEventsOrDeadLettersAndNeverThrows() throws Exception {
        try (Stream<Path> files = Files.list(samples())) {
            for (Path file : files.filter(path -> path.toString().endsWith(".hl7")).sorted().toList()) {
                RecordingSink sink = new RecordingSink();
                adapter.read(file, sink);
                assertThat(sink.events().size() + sink.deadLetters().size()).as(file.toString()).isEqualTo(1);
                assertThat(sink.deadLetters()).as(file.toString()).noneMatch(d -> d.reason().startsWith(Hl7MessageHandler.INTERNAL_ERROR));
            }
        }
    }

    @Test
    void readingTheSameFilesAgainYieldsTheSameEventIds() throws Exception {
        assertThat(allEventIds()).isEqualTo(allEventIds()).hasSize(7).doesNotHaveDuplicates();
    }

    private List<UUID> allEventIds() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(samples())) {
            RecordingSink sink = new RecordingSink();
            for (Path file : files.filter(path -> path.toString().endsWith(".hl7")).sorted().toList()) {
                adapter.read(file, sink);
            }
            return sink.events().stream().map(CanonicalEvent::eventId).toList();
        }
    }

    private RegistrationEvent event(String sample) throws Exception {
        return only(read(adapter, sample));
    }

    private DeadLetter deadLetter(String sample) throws Exception {
        return read(adapter, sample).onlyDeadLetter();
    }

    private static RegistrationEvent only(RecordingSink sink) {
        return (RegistrationEvent) sink.onlyEvent();
    }

    private static RecordingSink read(Hl7SourceAdapter adapter, String sample) throws Exception {
        RecordingSink sink = new RecordingSink();
        adapter.read(samples().resolve(sample), sink);
        return sink;
    }

    static Path samples() throws URISyntaxException {
        return Path.of(Hl7PublicSamplesTest.class.getResource("/samples/hl7/README.md").toURI()).getParent();
    }
}
