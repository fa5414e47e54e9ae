package io.admitto.ingest.csv;

import io.admitto.events.CanonicalEvent;
import io.admitto.events.DeadLetter;
import io.admitto.events.EventType;
import io.admitto.events.PlanType;
import io.admitto.events.RegistrationEvent;
import io.admitto.ingest.source.RecordingSink;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvSourceAdapterTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T12:00:00Z"), ZoneOffset.UTC);
    private final CsvSourceAdapter adapter = new CsvSourceAdapter(CsvMapping.example(), CLOCK);

    @Test
    void theShippedExampleMapsEveryRowIncludingQuotedCommasQuotesAndLineBreaks() throws IOException {
        RecordingSink sink = read(example());

        assertThat(sink.deadLetters()).isEmpty();
        assertThat(sink.events()).hasSize(3);
        RegistrationEvent registered = (RegistrationEvent) sink.events().get(0);
        assertThat(registered.eventType()).isEqualTo(EventType.REGISTRATION_REGISTERED);
        assertThat(registered.eventTime()).as("no offset: the mapping's zone").isEqualTo(OffsetDateTime.parse("2026-03-02T08:24:00-06:00"));
        assertThat(registered.encounterId()).isEqualTo("V000123");
        assertThat(registered.source().messageId()).isEqualTo("1001");
        assertThat(registered.patient().birthDate()).isEqualTo(LocalDate.of(1958, 11, 30));
        assertThat(registered.patient().address().line1()).isEqualTo("12 Elm St, Apt 4");
        assertThat(registered.insurances()).singleElement().satisfies(insurance -> {
            assertThat(insurance.planType()).isEqualTo(PlanType.MEDICARE_FFS);
            assertThat(insurance.memberId()).isEqualTo("1EG4TE5MK73");
            assertThat(insurance.verification().status()).isEqualTo("verified");
            assertThat(insurance.priority()).isEqualTo(1);
        });

        RegistrationEvent preRegistered = (RegistrationEvent) sink.events().get(1);
        assertThat(preRegistered.eventTime()).as("offset in the value wins").isEqualTo(OffsetDateTime.parse("2026-03-01T16:05:30-05:00"));
        assertThat(preRegistered.patient().name().given()).isEqualTo("Mary \"Molly\"");

        RegistrationEvent cancelled = (RegistrationEvent) sink.events().get(2);
        assertThat(cancelled.eventType()).isEqualTo(EventType.REGISTRATION_CANCELLED);
        assertThat(cancelled.cancelReason()).isEqualTo("patient rescheduled\n(called at 16:55)");
    }

    @Test
    void badRowsAreDeadLetteredWithRowNumberAndReasonAndTheRestStillFlows() throws IOException {
        String csv = header() + "\n"
                + row("2001", "registered", "2026-03-02 08:24", "V1", "11/30/1958") + "\n"
                + row("2002", "registered", "yesterday", "V2", "11/30/1958") + "\n"
                + row("2003", "registered", "2026-03-02 08:24", "", "11/30/1958") + "\n"
                + row("2004", "transferred", "2026-03-02 08:24", "V4", "11/30/1958") + "\n"
                + row("2005", "registered", "2026-03-02 08:24", "V5", "1958-11-30") + "\n"
                + "2006,registered\n"
                + row("2007", "registered", "2026-03-02 08:24", "V7", "11/30/1958") + "\n";

        RecordingSink sink = read(csv);

        assertThat(sink.events()).extracting(CanonicalEvent::encounterId).containsExactly("V1", "V7");
        assertThat(sink.deadLetters()).extracting(DeadLetter::location)
                .containsExactly("row 2 (line 3)", "row 3 (line 4)", "row 4 (line 5)", "row 5 (line 6)", "row 6 (line 7)");
        assertThat(sink.deadLetters()).extracting(DeadLetter::reason).containsExactly(
                "column Event Time (eventTime): 'yesterday' is not a date-time in the format yyyy-MM-dd HH:mm[:ss][XXX]",
                "no encounterId: column Visit Number is empty",
                "column Event (eventType): 'transferred' is not a registration event (pre_registered, registered, updated, cancelled, admitted, discharged, or an ADT trigger such as A04)",
                "column DOB (patient.birthDate): '1958-11-30' is not a date in the format MM/dd/yyyy",
                "row has 2 fields, the header 32");
        assertThat(sink.deadLetters().get(0).payload()).startsWith("2002,registered,yesterday,");
        assertThat(sink.deadLetters()).allSatisfy(deadLetter -> {
            assertThat(deadLetter.format()).isEqualTo("csv");
            assertThat(deadLetter.origin()).isEqualTo("test.csv");
        });
    }

    @Test
    void anUnclosedQuoteDeadLettersTheUnreadableRest() throws IOException {
        String csv = header() + "\n" + row("3001", "registered", "2026-03-02 08:24", "V1", "11/30/1958") + "\n"
                + "3002,\"registered,2026-03-02 08:24\n";

        RecordingSink sink = read(csv);

        assertThat(sink.events()).hasSize(1);
        assertThat(sink.onlyDeadLetter().reason()).startsWith("malformed CSV, the rest of the file cannot be read");
        assertThat(sink.onlyDeadLetter().location()).isEqualTo("after row 1 (line 3)");
    }

    @Test
    void aHeaderWithoutTheMappedColumnsIsOneDeadLetterNotOnePerRow() throws IOException {
        RecordingSink sink = read("a,b\n1,2\n3,4\n");

        assertThat(sink.events()).isEmpty();
        assertThat(sink.onlyDeadLetter().reason()).startsWith("the header lacks mapped columns [").contains("Visit Number (encounterId)");
    }

    @Test
    void sameRowsSameEventIds_evenWithoutARowIdColumn() throws IOException {
        CsvSourceAdapter withoutRowIds = new CsvSourceAdapter(CsvMapping.parse("""
                encounterId = visit
                eventTime = time
                @eventType.default = A04
                @facilityId.default = F09
                @datetime.format = yyyyMMddHHmm
                """), CLOCK);
        String csv = "visit,time\nV1,202603020824\nV2,202603020825\n";

        RecordingSink first = new RecordingSink();
        withoutRowIds.read(new StringReader(csv), "a.csv", first);
        RecordingSink second = new RecordingSink();
        withoutRowIds.read(new StringReader(csv), "renamed.csv", second);

        assertThat(first.events()).extracting(CanonicalEvent::eventId)
                .hasSize(2).doesNotHaveDuplicates()
                .isEqualTo(second.events().stream().map(CanonicalEvent::eventId).toList());
        assertThat(first.events().get(0).facilityId()).isEqualTo("F09");
        assertThat(first.events().get(0).eventType()).isEqualTo(EventType.REGISTRATION_REGISTERED);
    }

    @Test
    void mappingMistakesAreRefusedWhenTheMappingIsRead() {
        assertThatThrownBy(() -> CsvMapping.parse("encounterId = v\neventTime = t\n@eventType.default = registered\n@facilityId.default = F\npatient.brithDate = dob\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown keys [patient.brithDate]");
        assertThatThrownBy(() -> CsvMapping.parse("eventTime = t\n@eventType.default = registered\n@facilityId.default = F\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("encounterId must be mapped");
        assertThatThrownBy(() -> CsvMapping.parse("encounterId = v\neventTime = t\n@facilityId.default = F\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("eventType");
    }

    private RecordingSink read(String csv) throws IOException {
        RecordingSink sink = new RecordingSink();
        adapter.read(new StringReader(csv), "test.csv", sink);
        return sink;
    }

    static String example() throws IOException {
        try (InputStream input = CsvMapping.class.getResourceAsStream("registrations.example.csv")) {
            return new String(input.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String header() throws IOException {
        return example().lines().findFirst().orElseThrow();
    }

    /** A row of the example's columns with the given row id, event, event time, visit and birth date. */
    private static String row(String rowId, String event, String time, String visit, String dob) {
        String[] values = new String[32];
        java.util.Arrays.fill(values, "");
        values[0] = rowId;
        values[1] = event;
        values[2] = time;
        values[3] = "F01";
        values[4] = visit;
        values[5] = "MRN" + rowId;
        values[9] = dob;
        return String.join(",", values);
    }
}
