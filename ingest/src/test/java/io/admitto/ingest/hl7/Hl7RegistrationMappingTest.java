package io.admitto.ingest.hl7;

import io.admitto.events.CoverageVerification;
import io.admitto.events.EventType;
import io.admitto.events.Insurance;
import io.admitto.events.PatientClass;
import io.admitto.events.PlanType;
import io.admitto.events.RegistrationEvent;
import io.admitto.ingest.source.EventIds;
import io.admitto.ingest.source.RecordingSink;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The field-by-field HL7 v2 mapping of docs/ingest.md, on messages built for the purpose. */
class Hl7RegistrationMappingTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T12:00:00Z"), ZoneOffset.UTC);
    private final Hl7MessageHandler handler = new Hl7MessageHandler(Hl7Options.inZone(ZoneId.of("America/Chicago")), CLOCK);

    static String message(String trigger, String version) {
        return String.join("\r",
                "MSH|^~\\&|EPIC|F01|ADMITTO|ADMITTO|20260302082400-0600||ADT^" + trigger + "|MSG0001|P|" + version,
                "EVN|" + trigger + "|20260302082300-0600||PR|R017^KIM^SORA",
                segment("PID", 1, "1", 3, "MRN0042^^^F01^MR~123-45-6789^^^SSA^SS", 5, "RIVERA^ANA^M", 7, "19581130", 8, "F",
                        11, "12 Elm St^Apt 4^Springfield^IL^62701^US", 13, "217-555-0142", 18, "ACC9", 19, "123-45-6789"),
                segment("PV1", 1, "1", 2, "O", 3, "IMG^XR1^1^F01", 10, "RAD", 19, "V000123", 20, "MC"),
                segment("DG1", 1, "1", 3, "G43.909^Migraine^I10", 6, "A", 15, "2"),
                segment("DG1", 1, "2", 3, "R51.9^Headache^I10", 6, "W", 15, "1"),
                segment("GT1", 1, "1", 3, "RIVERA^ANA^M", 5, "12 Elm St^^Springfield^IL^62701", 6, "217-555-0142", 8, "19581130", 11, "SEL"),
                segment("IN1", 1, "1", 2, "MCR-B^Medicare Part B", 3, "MCR", 4, "Medicare", 12, "20231201", 16, "RIVERA^ANA^M", 17, "SEL",
                        18, "19581130", 29, "20260228140000-0600", 30, "R017^KIM", 45, "V", 49, "1EG4TE5MK73"),
                segment("IN2", 2, "123456789"),
                segment("IN1", 1, "2", 2, "BCBS-PPO^Blue Choice PPO", 3, "BCBS", 4, "Blue Cross", 8, "G-77", 12, "20260101", 13, "20261231",
                        16, "RIVERA^JOSE", 17, "SPO", 18, "19570101", 22, "2", 28, "PA-99"),
                "");
    }

    /** A segment with the given fields (number, value pairs) set and the others empty. */
    private static String segment(String name, Object... fields) {
        int last = 0;
        for (int i = 0; i < fields.length; i += 2) {
            last = Math.max(last, (Integer) fields[i]);
        }
        String[] values = new String[last + 1];
        java.util.Arrays.fill(values, "");
        values[0] = name;
        for (int i = 0; i < fields.length; i += 2) {
            values[(Integer) fields[i]] = (String) fields[i + 1];
        }
        return String.join("|", values);
    }

    @ParameterizedTest(name = "ADT^{0} -> {1}")
    @CsvSource({
            "A05, REGISTRATION_PRE_REGISTERED",
            "A04, REGISTRATION_REGISTERED",
            "A08, REGISTRATION_UPDATED",
            "A31, REGISTRATION_UPDATED",
            "A28, REGISTRATION_UPDATED",
            "A13, REGISTRATION_UPDATED",
            "A11, REGISTRATION_CANCELLED",
            "A27, REGISTRATION_CANCELLED",
            "A01, REGISTRATION_ADMITTED",
            "A03, REGISTRATION_DISCHARGED",
    })
    void triggerEventsMapToTheRegistrationLifecycle(String trigger, EventType expected) {
        assertThat(map(message(trigger, "2.5.1")).eventType()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "v{0}")
    @CsvSource({"2.2", "2.3", "2.3.1", "2.4", "2.5", "2.5.1", "2.6", "2.7", "2.8"})
    void everyVersionMapsTheSameWay(String version) {
        RegistrationEvent event = map(message("A04", version));
        assertThat(event.encounterId()).isEqualTo("V000123");
        assertThat(event.insurances()).hasSize(2);
        assertThat(event.registrarId()).isEqualTo("R017");
    }

    @Test
    void envelopeComesFromMshEvnAndPv1() {
        RegistrationEvent event = map(message("A04", "2.5.1"));

        assertThat(event.eventId()).isEqualTo(EventIds.of("hl7", "EPIC", "F01", "MSG0001"));
        assertThat(event.eventTime()).as("EVN-2, not MSH-7").isEqualTo(OffsetDateTime.parse("2026-03-02T08:23:00-06:00"));
        assertThat(event.source().system()).isEqualTo("EPIC");
        assertThat(event.source().messageId()).isEqualTo("MSG0001");
        assertThat(event.facilityId()).isEqualTo("F01");
        assertThat(event.encounterId()).isEqualTo("V000123");
        assertThat(event.patientClass()).isEqualTo(PatientClass.OUTPATIENT);
        assertThat(event.department()).as("PV1-10 RAD").isEqualTo("IMG");
        assertThat(event.financialClass()).isEqualTo("MC");
        assertThat(event.registrarId()).isEqualTo("R017");
    }

    @Test
    void patientFromPid() {
        RegistrationEvent event = map(message("A04", "2.5.1"));

        assertThat(event.patient().mrn()).isEqualTo("MRN0042");
        assertThat(event.patient().identifiers()).hasSize(2);
        assertThat(event.patient().identifiers().get(1).type()).isEqualTo("SS");
        assertThat(event.patient().name().middle()).isEqualTo("M");
        assertThat(event.patient().birthDate()).isEqualTo(LocalDate.of(1958, 11, 30));
        assertThat(event.patient().sex()).isEqualTo("F");
        assertThat(event.patient().ssn()).isEqualTo("123-45-6789");
        assertThat(event.patient().address().line2()).isEqualTo("Apt 4");
        assertThat(event.patient().address().postalCode()).isEqualTo("62701");
        assertThat(event.patient().phone()).isEqualTo("217-555-0142");
    }

    @Test
    void insurancesFromIn1AndIn2InPriorityOrder() {
        RegistrationEvent event = map(message("A04", "2.5.1"));

        Insurance medicare = event.insurances().get(0);
        assertThat(medicare.planId()).isEqualTo("MCR-B");
        assertThat(medicare.planName()).isEqualTo("Medicare Part B");
        assertThat(medicare.payerId()).isEqualTo("MCR");
        assertThat(medicare.payerName()).isEqualTo("Medicare");
        assertThat(medicare.planType()).isEqualTo(PlanType.MEDICARE_FFS);
        assertThat(medicare.memberId()).as("IN1-49").isEqualTo("1EG4TE5MK73");
        assertThat(medicare.priority()).isEqualTo(1);
        assertThat(medicare.coverageStart()).isEqualTo(LocalDate.of(2023, 12, 1));
        assertThat(medicare.subscriber().relationship()).isEqualTo("self");
        assertThat(medicare.subscriber().birthDate()).isEqualTo(LocalDate.of(1958, 11, 30));
        assertThat(medicare.verification()).isEqualTo(new CoverageVerification("verified", OffsetDateTime.parse("2026-02-28T14:00:00-06:00"), "R017"));

        Insurance commercial = event.insurances().get(1);
        assertThat(commercial.planType()).isEqualTo(PlanType.COMMERCIAL_PPO);
        assertThat(commercial.groupNumber()).isEqualTo("G-77");
        assertThat(commercial.coverageEnd()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(commercial.subscriber().relationship()).as("IN1-17 SPO: the insured is the spouse").isEqualTo("spouse");
        assertThat(commercial.priority()).as("IN1-22").isEqualTo(2);
        assertThat(commercial.authorizationNumber()).as("IN1-28").isEqualTo("PA-99");
        assertThat(commercial.verification()).isNull();
    }

    @Test
    void guarantorAndRankedDiagnoses() {
        RegistrationEvent event = map(message("A04", "2.5.1"));

        assertThat(event.guarantor().relationship()).isEqualTo("self");
        assertThat(event.guarantor().birthDate()).isEqualTo(LocalDate.of(1958, 11, 30));
        assertThat(event.diagnoses()).extracting(d -> d.code() + "/" + d.rank() + "/" + d.codeSystem())
                .containsExactly("R51.9/1/ICD-10-CM", "G43.909/2/ICD-10-CM");
    }

    @Test
    void cancellationCarriesTheEventReasonOrTheTriggerMeaning() {
        assertThat(map(message("A11", "2.5.1")).cancelReason()).isEqualTo("PR");
        assertThat(map(message("A27", "2.5.1").replace("||PR|", "|||")).cancelReason()).isEqualTo("pending admit cancelled (A27)");
        assertThat(map(message("A04", "2.5.1")).cancelReason()).isNull();
    }

    @Test
    void withoutEvnTheMessageTimeIsTheEventTime() {
        String withoutEvn = message("A04", "2.5.1").replaceAll("EVN\\|[^\r]*\r", "");
        assertThat(map(withoutEvn).eventTime()).isEqualTo(OffsetDateTime.parse("2026-03-02T08:24:00-06:00"));
    }

    @Test
    void messagesWithoutARegistrationMeaningAreUnmappableWithAReason() {
        assertThat(reject(message("A40", "2.5.1"))).startsWith("patient merge (ADT^A40)");
        assertThat(reject(message("A02", "2.5.1"))).startsWith("unsupported trigger event ADT^A02");
        assertThat(reject(message("A04", "2.5.1").replace("ADT^A04", "ORU^R01"))).startsWith("unsupported message type ORU^R01");
        assertThat(reject(message("A04", "2.5.1").replace("20260302082300-0600", "2026-03-02 08:23")))
                .startsWith("EVN-2 recorded date/time '2026-03-02 08:23' is not an HL7 timestamp");
        assertThat(reject(message("A04", "2.5.1").replace("|V000123|", "||").replace("|ACC9|", "||")))
                .isEqualTo("no visit: no PV1-19 visit number or PID-18 account number");
        assertThat(reject(message("A31", "2.5.1").replace("|V000123|", "||").replace("|ACC9|", "||")))
                .startsWith("person-level message without a visit (ADT^A31)");
    }

    @Test
    void aMalformedOptionalDateIsLeftOutSoTheRegistrationStillFlows() {
        RegistrationEvent event = map(message("A04", "2.5.1").replace("|19581130|F|", "|UNKNOWN|F|"));
        assertThat(event.patient().birthDate()).isNull();
        assertThat(event.patient().name().family()).isEqualTo("RIVERA");
    }

    @Test
    void textThatIsNotHl7IsUnparseable() {
        RecordingSink sink = new RecordingSink();
        Hl7Outcome outcome = handler.handle(RawHl7Message.of("MSH|^~\\&|A|B|||x||", 1), "test", sink);
        assertThat(outcome).isInstanceOf(Hl7Outcome.Unparseable.class);
        assertThat(sink.onlyDeadLetter().reason()).startsWith("cannot parse");

        assertThat(handler.handle(RawHl7Message.of("hello", 1), "test", new RecordingSink()))
                .isEqualTo(new Hl7Outcome.Unparseable("not an HL7 v2 message: does not start with an MSH segment"));
    }

    private RegistrationEvent map(String text) {
        RecordingSink sink = new RecordingSink();
        Hl7Outcome outcome = handler.handle(RawHl7Message.of(text, 1), "test", sink);
        assertThat(outcome).isInstanceOf(Hl7Outcome.Accepted.class);
        return (RegistrationEvent) sink.onlyEvent();
    }

    private String reject(String text) {
        RecordingSink sink = new RecordingSink();
        Hl7Outcome outcome = handler.handle(RawHl7Message.of(text, 1), "test", sink);
        assertThat(outcome).isInstanceOf(Hl7Outcome.Unmappable.class);
        return sink.onlyDeadLetter().reason();
    }
}
