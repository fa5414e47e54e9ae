package io.admitto.ingest.x12;

import io.admitto.events.AuthorizationDecision;
import io.admitto.events.ClaimRemittance;
import io.admitto.events.DeadLetter;
import io.admitto.ingest.source.RecordingSink;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.admitto.ingest.x12.X12Fixtures.events;
import static io.admitto.ingest.x12.X12Fixtures.readText;
import static io.admitto.ingest.x12.X12Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Envelope validation and recovery: which interchange, group or transaction is at fault is named, and a
 * bad transaction never costs the good ones around it.
 */
class X12EnvelopeTest {
    private static final String MANAGED_CARE = text("835_005010X221A1/managed-care.835");
    private static final String ISA = MANAGED_CARE.substring(0, MANAGED_CARE.indexOf("GS*"));
    private static final String GS = "GS*HP*000000005*54321*20131031*1147*1*X*005010X221A1~\n";
    private static final String TRANSACTION = MANAGED_CARE.substring(MANAGED_CARE.indexOf("ST*835"), MANAGED_CARE.indexOf("GE*"));

    /** The managed-care 835 transaction under a new ST02/SE02, claims renamed so each transaction's are told apart. */
    private static String transaction(String controlNumber, String claimPrefix) {
        return TRANSACTION.replace("112233", controlNumber)
                .replace("CLP*5554555444", "CLP*" + claimPrefix + "1")
                .replace("CLP*8765432112", "CLP*" + claimPrefix + "2");
    }

    private static String interchange(String controlNumber, String groupTrailer, String... transactions) {
        return ISA.replace("000000907", controlNumber) + GS + String.join("", transactions) + groupTrailer
                + "IEA*1*" + controlNumber + "~\n";
    }

    private static List<String> claimIds(RecordingSink sink) {
        return events(sink, ClaimRemittance.class).stream().map(ClaimRemittance::claimId).toList();
    }

    @Test
    void aWrongSegmentCountLosesOnlyItsOwnTransaction() {
        String bad = transaction("0002", "B").replace("SE*26*0002", "SE*27*0002");
        RecordingSink sink = readText(interchange("000000001", "GE*3*1~\n", transaction("0001", "A"), bad, transaction("0003", "C")));

        assertThat(claimIds(sink)).containsExactly("A1", "A2", "C1", "C2");
        DeadLetter deadLetter = sink.onlyDeadLetter();
        assertThat(deadLetter.location()).isEqualTo("interchange 000000001 from 000000005 to 12345 / group 1 (HP) / transaction 835 #0002");
        assertThat(deadLetter.reason()).contains("SE01 count '27' does not match the actual count");
        assertThat(deadLetter.payload()).startsWith("ST*835*0002").contains("CLP*B1").endsWith("SE*27*0002~");
    }

    @Test
    void aSyntaxErrorInsideATransactionResumesAtTheNextOne() {
        String broken = transaction("0002", "B").replace("CAS*CO*45*50.00", "C$S*CO*45*50.00");
        RecordingSink sink = readText(interchange("000000001", "GE*3*1~\n", transaction("0001", "A"), broken, transaction("0003", "C")));

        assertThat(claimIds(sink)).containsExactly("A1", "A2", "C1", "C2");
        DeadLetter deadLetter = sink.onlyDeadLetter();
        assertThat(deadLetter.location()).startsWith("interchange 000000001 from 000000005 to 12345 / group 1 (HP) / transaction 835 #0002 at character");
        assertThat(deadLetter.reason()).startsWith("X12 syntax error, the transaction is not mapped");
        assertThat(deadLetter.payload()).startsWith("ST*835*0002").contains("C$S").doesNotContain("CLP*C1");
    }

    @Test
    void aGroupTrailerFaultIsReportedForTheGroupWhileItsTransactionsMap() {
        RecordingSink sink = readText(interchange("000000001", "GE*2*9~\n", transaction("0001", "A"), transaction("0002", "B")));

        assertThat(claimIds(sink)).containsExactly("A1", "A2", "B1", "B2");
        DeadLetter deadLetter = sink.onlyDeadLetter();
        assertThat(deadLetter.location()).isEqualTo("interchange 000000001 from 000000005 to 12345 / group 1 (HP)");
        assertThat(deadLetter.reason()).contains("GE02 control number '9' does not match its header");
        assertThat(deadLetter.payload()).startsWith("GS*HP").endsWith("GE*2*9~");
    }

    @Test
    void aGroupCountingTheWrongNumberOfTransactionsIsReported() {
        RecordingSink sink = readText(interchange("000000001", "GE*5*1~\n", transaction("0001", "A")));

        assertThat(claimIds(sink)).containsExactly("A1", "A2");
        assertThat(sink.onlyDeadLetter().reason()).contains("GE01 count '5' does not match the actual count");
    }

    @Test
    void anInterchangeTrailerFaultNamesTheInterchange() {
        String text = interchange("000000001", "GE*1*1~\n", transaction("0001", "A")).replace("IEA*1*000000001", "IEA*1*000000002");
        RecordingSink sink = readText(text);

        assertThat(claimIds(sink)).containsExactly("A1", "A2");
        DeadLetter deadLetter = sink.onlyDeadLetter();
        assertThat(deadLetter.location()).isEqualTo("interchange 000000001 from 000000005 to 12345");
        assertThat(deadLetter.reason()).contains("IEA02 control number '000000002' does not match its header");
    }

    @Test
    void aBrokenInterchangeDoesNotCostTheNextOne() {
        // an ISA one element short: the delimiters cannot be trusted, nothing in the interchange can
        String broken = interchange("000000001", "GE*1*1~\n", transaction("0001", "A")).replace("*^*00501*", "*00501*");
        RecordingSink sink = readText(broken + interchange("000000002", "GE*1*1~\n", transaction("0001", "B")));

        assertThat(claimIds(sink)).containsExactly("B1", "B2");
        assertThat(sink.deadLetters()).isNotEmpty().allSatisfy(deadLetter -> assertThat(deadLetter.payload()).doesNotContain("CLP*B1"));
        assertThat(sink.deadLetters().get(0).payload()).startsWith("ISA*03");
    }

    @Test
    void anInvalidEnvelopeCodeIsReportedForTheInterchangeWhileItsTransactionsMap() {
        RecordingSink sink = readText(interchange("000000001", "GE*1*1~\n", transaction("0001", "A")).replace("ISA*03", "ISA*0#"));

        assertThat(claimIds(sink)).containsExactly("A1", "A2");
        DeadLetter deadLetter = sink.onlyDeadLetter();
        assertThat(deadLetter.location()).isEqualTo("interchange 000000001 from 000000005 to 12345");
        assertThat(deadLetter.reason()).contains("ISA01").contains("0#");
    }

    @Test
    void textBeforeTheFirstInterchangeIsDeadLetteredAndTheInterchangeStillMaps() {
        RecordingSink sink = readText("this is not EDI\n" + interchange("000000001", "GE*1*1~\n", transaction("0001", "A")));

        assertThat(claimIds(sink)).containsExactly("A1", "A2");
        DeadLetter deadLetter = sink.onlyDeadLetter();
        assertThat(deadLetter.location()).isEqualTo("character 1");
        assertThat(deadLetter.reason()).startsWith("not X12 here");
        assertThat(deadLetter.payload()).isEqualTo("this is not EDI\n");
    }

    @Test
    void aFileThatIsNotX12AtAllIsOneDeadLetter() {
        DeadLetter deadLetter = readText("{\"resourceType\":\"Patient\"}").onlyDeadLetter();

        assertThat(deadLetter.reason()).startsWith("not X12 here");
        assertThat(deadLetter.payload()).isEqualTo("{\"resourceType\":\"Patient\"}");
    }

    @Test
    void anEmptyFileIsReportedRatherThanIgnored() {
        assertThat(readText(" \n").onlyDeadLetter().reason()).startsWith("the file is empty");
    }

    @Test
    void aTruncatedFileDeadLettersTheTransactionItEndsIn() {
        String text = interchange("000000001", "GE*1*1~\n", transaction("0001", "A"));
        RecordingSink sink = readText(text.substring(0, text.indexOf("CAS*CO*45")));

        assertThat(sink.events()).isEmpty();
        DeadLetter deadLetter = sink.onlyDeadLetter();
        assertThat(deadLetter.location()).contains("transaction 835 #0001");
        assertThat(deadLetter.reason()).contains("Unexpected end of stream");
    }

    @Test
    void aClaimThatCannotBeReadIsRejectedAloneAndItsNeighbourMaps() {
        String text = interchange("000000001", "GE*1*1~\n", transaction("0001", "A").replace("CLP*A1*1*800.00", "CLP*A1*1*8OO.00"));
        RecordingSink sink = readText(text);

        assertThat(claimIds(sink)).containsExactly("A2");
        DeadLetter deadLetter = sink.onlyDeadLetter();
        assertThat(deadLetter.location()).endsWith("transaction 835 #0001 / CLP#1 A1");
        assertThat(deadLetter.reason()).isEqualTo("CLP03 '8OO.00' is not a decimal number");
        assertThat(deadLetter.payload()).startsWith("CLP*A1*1*8OO.00").endsWith("CAS*PR*1*300.00~");
    }

    @Test
    void aClaimWithoutPatientControlNumberCannotBeKeyed() {
        RecordingSink sink = readText(interchange("000000001", "GE*1*1~\n", transaction("0001", "A").replace("CLP*A2*", "CLP**")));

        assertThat(claimIds(sink)).containsExactly("A1");
        assertThat(sink.onlyDeadLetter().reason()).startsWith("CLP01 (patient control number) is empty");
    }

    @Test
    void anUnknownCertificationActionIsRejectedWithTheCode() {
        String response = text("handmade/prior-authorization-response.278").replace("HCR*A4~", "HCR*ZZ~");
        RecordingSink sink = readText(response);

        assertThat(events(sink, AuthorizationDecision.class)).hasSize(3);
        DeadLetter deadLetter = sink.onlyDeadLetter();
        assertThat(deadLetter.location()).endsWith("/ HL*9");
        assertThat(deadLetter.reason()).startsWith("HCR01 'ZZ' is not an X12 action code");
    }
}
