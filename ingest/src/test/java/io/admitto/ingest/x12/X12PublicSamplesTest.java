package io.admitto.ingest.x12;

import io.admitto.events.ClaimAdjustment;
import io.admitto.events.ClaimRemittance;
import io.admitto.events.CoverageStatus;
import io.admitto.events.DeadLetter;
import io.admitto.events.EligibilityInquiry;
import io.admitto.events.EligibilityResponse;
import io.admitto.events.EventJson;
import io.admitto.events.ServiceLinePayment;
import io.admitto.ingest.source.RecordingSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static io.admitto.ingest.x12.X12Fixtures.events;
import static io.admitto.ingest.x12.X12Fixtures.read;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real public X12 files in {@code samples/x12} (LinuxForHealth/x12, Apache-2.0; see the README
 * there), each read whole: mapped field by field where Admitto maps the transaction set, dead-lettered
 * with the reason where it does not or where the file is faulty.
 */
class X12PublicSamplesTest {
    private static final EventJson JSON = new EventJson();

    @Test
    void eligibilityInquiryIsKeyedByTheProvidersTraceNumber() {
        EligibilityInquiry inquiry = (EligibilityInquiry) read("270_005010X279A1/subscriber-health-benefit-check.270").onlyEvent();

        assertThat(inquiry.encounterId()).isEqualTo("93175-012547");
        assertThat(inquiry.traceNumber()).isEqualTo("93175-012547");
        assertThat(inquiry.payerId()).isEqualTo("842610001");
        assertThat(inquiry.memberId()).isEqualTo("11122333301");
        assertThat(inquiry.serviceDate()).isEqualTo(LocalDate.of(2006, 5, 1));
        assertThat(inquiry.serviceTypeCodes()).containsExactly("30");
        // BHT04/BHT05 read in the facility's zone (Chicago, daylight time in May)
        assertThat(inquiry.eventTime()).isEqualTo(OffsetDateTime.of(2006, 5, 1, 13, 19, 0, 0, ZoneOffset.ofHours(-5)));
        assertThat(inquiry.facilityId()).isEqualTo("2000035");
        assertThat(inquiry.source().messageId()).isEqualTo("000000907-1-1234/HL*3");
    }

    @Test
    void eligibilityResponseMapsActiveCoveragePlanAndInNetworkCopay() {
        EligibilityResponse response = (EligibilityResponse) read("271_005010X279A1/subscriber-health-benefit-check.271").onlyEvent();

        // TRN*2 echoes the 270's TRN*1: the inquiry and its answer share the encounter
        assertThat(response.encounterId()).isEqualTo("93175-012547");
        assertThat(response.traceNumber()).isEqualTo("93175-012547");
        assertThat(response.payerId()).isEqualTo("841610001");
        assertThat(response.memberId()).isEqualTo("123456789");
        assertThat(response.coverageStatus()).isEqualTo(CoverageStatus.ACTIVE);
        assertThat(response.planName()).isEqualTo("GOLD 123 PLAN");
        assertThat(response.planBegin()).isEqualTo(LocalDate.of(2006, 1, 1));
        assertThat(response.planEnd()).isNull();
        // EB*B 10.00 is in network (EB12 Y); the 30.00 out-of-network copay is not the patient's copay
        assertThat(response.copay()).isEqualByComparingTo("10.00");
        assertThat(response.inNetwork()).isTrue();
        assertThat(response.authorizationRequired()).isNull();
        assertThat(response.otherPayerIndicated()).isFalse();
        assertThat(response.rejections()).isEmpty();
    }

    @Test
    void rejectionWhoseTrailerControlNumberDiffersIsDeadLetteredWithTheReason() {
        RecordingSink sink = read("271_005010X279A1/subscriber-health-benefit-check-error.271");

        DeadLetter deadLetter = sink.onlyDeadLetter();
        assertThat(sink.events()).isEmpty();
        assertThat(deadLetter.format()).isEqualTo("x12");
        assertThat(deadLetter.origin()).endsWith("subscriber-health-benefit-check-error.271");
        assertThat(deadLetter.location()).isEqualTo("interchange 000000907 from 000000005 to 12345 / group 1 (HB) / transaction 271 #4321");
        assertThat(deadLetter.reason()).contains("SE02 control number '4323' does not match its header");
        assertThat(deadLetter.payload()).startsWith("ST*271*4321*005010X279A1~").endsWith("SE*8*4323~");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "276_005010X212/claim-level-status-ncpdp.276",
            "276_005010X212/claim-level-status.276",
            "276_005010X212/information-receiver-level-status.276",
            "276_005010X212/provider-level-status.276"})
    void claimStatusRequestsAreDeadLetteredAsUnsupported(String file) {
        DeadLetter deadLetter = read(file).onlyDeadLetter();

        assertThat(deadLetter.reason()).startsWith("unsupported transaction set 276");
        assertThat(deadLetter.location()).endsWith("transaction 276 #0001");
        assertThat(deadLetter.payload()).startsWith("ST*276*0001").endsWith("*0001~");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "277_005010X212/claim-level-status-ncpdp.277",
            "277_005010X212/claim-level-status.277",
            "277_005010X212/information-receiver-level-status.277"})
    void claimStatusResponsesAreNotTakenForClaimAcknowledgments(String file) {
        DeadLetter deadLetter = read(file).onlyDeadLetter();

        assertThat(deadLetter.reason())
                .startsWith("unsupported transaction set 277 (005010X212")
                .contains("only the 277CA claim acknowledgment (005010X214) is mapped");
    }

    @Test
    void secondaryClaimWithNegativeAdjustmentAndWrongComponentSeparator() {
        ClaimRemittance claim = (ClaimRemittance) read("835_005010X221A1/cob-contractural-adjustment.835").onlyEvent();

        assertThat(claim.encounterId()).isEqualTo("0001000055");
        assertThat(claim.claimId()).isEqualTo("0001000055");
        assertThat(claim.claimStatus()).isEqualTo("2");
        assertThat(claim.billedAmount()).isEqualByComparingTo("541.00");
        assertThat(claim.paidAmount()).isEqualByComparingTo("34.00");
        assertThat(claim.patientResponsibility()).isNull();
        assertThat(claim.payerClaimNumber()).isEqualTo("50650619501");
        assertThat(claim.adjustments()).isEmpty();
        ServiceLinePayment line = claim.serviceLines().get(0);
        // SVC*HC>55669: '>' where ISA16 says ':'; the procedure code is still recovered
        assertThat(line.procedureCode()).isEqualTo("55669");
        assertThat(line.units()).isEqualTo(1);
        assertThat(line.adjustments()).containsExactly(
                new ClaimAdjustment("OA", "23", new BigDecimal("516.00"), null),
                new ClaimAdjustment("OA", "94", new BigDecimal("-9.00"), null));
        assertThat(claim.serviceDate()).isEqualTo(LocalDate.of(2005, 2, 2));
        // no BPR16 in this file (its date sits one element early): the production date DTM*405 dates the event
        assertThat(claim.paymentDate()).isNull();
        assertThat(claim.eventTime().toLocalDate()).isEqualTo(LocalDate.of(2005, 3, 18));
        assertThat(claim.payerId()).isEqualTo("1566339911");
        assertThat(claim.facilityId()).isEqualTo("3UR334563");
    }

    @Test
    void managedCareClaimsKeepClaimAndServiceLevelAdjustmentsApart() {
        List<ClaimRemittance> claims = events(read("835_005010X221A1/managed-care.835"), ClaimRemittance.class);

        assertThat(claims).extracting(ClaimRemittance::claimId).containsExactly("5554555444", "8765432112");
        ClaimRemittance first = claims.get(0);
        assertThat(first.claimStatus()).isEqualTo("1");
        assertThat(first.billedAmount()).isEqualByComparingTo("800.00");
        assertThat(first.paidAmount()).isEqualByComparingTo("450.00");
        assertThat(first.patientResponsibility()).isEqualByComparingTo("300.00");
        assertThat(first.adjustments()).containsExactly(new ClaimAdjustment("CO", "A2", new BigDecimal("50.00"), null));
        assertThat(first.serviceLines()).singleElement().satisfies(line -> {
            assertThat(line.procedureCode()).isEqualTo("99211");
            assertThat(line.billedAmount()).isEqualByComparingTo("800.00");
            assertThat(line.paidAmount()).isEqualByComparingTo("500.00");
            assertThat(line.adjustments()).containsExactly(new ClaimAdjustment("PR", "1", new BigDecimal("300.00"), null));
        });
        assertThat(first.serviceDate()).isEqualTo(LocalDate.of(2002, 3, 1));
        assertThat(claims.get(1).serviceLines().get(0).adjustments()).containsExactly(
                new ClaimAdjustment("PR", "1", new BigDecimal("600.00"), null),
                new ClaimAdjustment("CO", "45", new BigDecimal("50.00"), null));
        // BPR16 20002316 is not a date: no payment date, and the event falls back to DTM*405 2002-03-14
        assertThat(claims).allSatisfy(claim -> {
            assertThat(claim.paymentDate()).isNull();
            assertThat(claim.eventTime().toLocalDate()).isEqualTo(LocalDate.of(2002, 3, 14));
        });
    }

    @Test
    void medicarePartAClaimsCarryRemarkCodesAndIgnoreProviderLevelAdjustments() {
        RecordingSink sink = read("835_005010X221A1/medicare-part-a.835");
        List<ClaimRemittance> claims = events(sink, ClaimRemittance.class);

        assertThat(sink.deadLetters()).isEmpty();
        assertThat(claims).extracting(ClaimRemittance::claimId).containsExactly("666123", "777777");
        assertThat(claims.get(0).billedAmount()).isEqualByComparingTo("211366.97");
        assertThat(claims.get(0).paidAmount()).isEqualByComparingTo("138018.40");
        assertThat(claims.get(0).adjustments()).containsExactly(new ClaimAdjustment("CO", "45", new BigDecimal("73348.57"), null));
        assertThat(claims.get(0).serviceDate()).isEqualTo(LocalDate.of(2002, 8, 16));
        assertThat(claims.get(1).remarkCodes()).containsExactly("MA02");
        assertThat(claims.get(1).adjustments()).containsExactly(new ClaimAdjustment("CO", "45", new BigDecimal("3019.67"), null));
        assertThat(claims).allSatisfy(claim -> {
            assertThat(claim.paymentDate()).isEqualTo(LocalDate.of(2002, 9, 13));
            // no N104 on the payer: its additional id REF*2U
            assertThat(claim.payerId()).isEqualTo("999");
            assertThat(claim.facilityId()).isEqualTo("6543210903");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "835_005010X221A1/managed-care.835",
            "835_005010X221A1/medicare-part-a.835",
            "271_005010X279A1/subscriber-health-benefit-check.271",
            "270_005010X279A1/subscriber-health-benefit-check.270"})
    void rereadingAFileYieldsTheSameEventIdsAndEveryEventSurvivesItsJson(String file) {
        RecordingSink first = read(file);
        RecordingSink second = read(file);

        assertThat(second.events()).extracting(event -> event.eventId())
                .containsExactlyElementsOf(first.events().stream().map(event -> event.eventId()).toList())
                .doesNotHaveDuplicates();
        assertThat(first.events()).allSatisfy(event -> assertThat(JSON.fromJson(JSON.toJsonBytes(event))).isEqualTo(event));
    }
}
