package io.admitto.ingest.x12;

import io.admitto.events.AuthorizationDecision;
import io.admitto.events.AuthorizationRequest;
import io.admitto.events.CertificationAction;
import io.admitto.events.ClaimAcknowledgment;
import io.admitto.events.ClaimStatusCode;
import io.admitto.events.CoverageStatus;
import io.admitto.events.DeadLetter;
import io.admitto.events.EligibilityResponse;
import io.admitto.events.RequestRejection;
import io.admitto.ingest.source.RecordingSink;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static io.admitto.ingest.x12.X12Fixtures.events;
import static io.admitto.ingest.x12.X12Fixtures.read;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hand-made 278, 277CA and 271 files ({@code samples/x12/handmade}, written for Admitto after the
 * 005010 guides; no public ones exist): prior authorization, claim acknowledgment and the benefit
 * details the public 271 lacks.
 */
class X12HandmadeFixturesTest {
    private static final ZoneOffset CST = ZoneOffset.ofHours(-6);

    @Test
    void priorAuthorizationRequestsTakeServiceDetailFromTheServiceLoop() {
        RecordingSink sink = read("handmade/prior-authorization-request.278");
        List<AuthorizationRequest> requests = events(sink, AuthorizationRequest.class);

        assertThat(sink.deadLetters()).isEmpty();
        assertThat(requests).hasSize(2);
        AuthorizationRequest imaging = requests.get(0);
        assertThat(imaging.encounterId()).isEqualTo("F01-E000123");
        assertThat(imaging.trackingNumber()).isEqualTo("AUTH000455");
        assertThat(imaging.payerId()).isEqualTo("BCX");
        assertThat(imaging.requestCategory()).isEqualTo("HS");
        assertThat(imaging.certificationType()).isEqualTo("I");
        assertThat(imaging.serviceTypeCode()).isEqualTo("62");
        assertThat(imaging.procedureCode()).isEqualTo("70553");
        assertThat(imaging.requestedUnits()).isEqualTo(1);
        assertThat(imaging.serviceFrom()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(imaging.serviceTo()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(imaging.expedited()).isFalse();
        assertThat(imaging.eventTime()).isEqualTo(OffsetDateTime.of(2026, 2, 21, 9, 0, 0, 0, CST));
        assertThat(imaging.facilityId()).isEqualTo("1234567893");

        AuthorizationRequest admission = requests.get(1);
        // no REF*EJ: keyed by the requester's trace number
        assertThat(admission.encounterId()).isEqualTo("AUTH000456");
        assertThat(admission.requestCategory()).isEqualTo("AR");
        assertThat(admission.requestedUnits()).isEqualTo(3);
        assertThat(admission.expedited()).as("UM06 U (urgent)").isTrue();
        assertThat(admission.procedureCode()).isNull();
    }

    @Test
    void priorAuthorizationResponsesMapEveryCertificationAction() {
        RecordingSink sink = read("handmade/prior-authorization-response.278");
        List<AuthorizationDecision> decisions = events(sink, AuthorizationDecision.class);

        assertThat(sink.deadLetters()).isEmpty();
        assertThat(decisions).extracting(AuthorizationDecision::action).containsExactly(
                CertificationAction.CERTIFIED_IN_TOTAL, CertificationAction.NOT_CERTIFIED,
                CertificationAction.PENDED, CertificationAction.MODIFIED);
        assertThat(decisions).extracting(AuthorizationDecision::trackingNumber)
                .containsExactly("AUTH000455", "AUTH000456", "AUTH000457", "AUTH000458");
        assertThat(decisions).extracting(AuthorizationDecision::encounterId)
                .containsExactly("F01-E000123", "AUTH000456", "F01-E000125", "F01-E000126");

        AuthorizationDecision certified = decisions.get(0);
        assertThat(certified.authorizationNumber()).isEqualTo("PA7781234");
        assertThat(certified.certifiedFrom()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(certified.certifiedTo()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(certified.certifiedUnits()).isEqualTo(1);
        assertThat(certified.eventTime()).isEqualTo(OffsetDateTime.of(2026, 2, 23, 16, 30, 0, 0, CST));
        assertThat(certified.requestedAt()).isNull();

        AuthorizationDecision denied = decisions.get(1);
        assertThat(denied.reasonCode()).isEqualTo("0U");
        assertThat(denied.authorizationNumber()).isNull();
        assertThat(denied.certifiedUnits()).as("nothing is certified").isNull();

        AuthorizationDecision modified = decisions.get(3);
        assertThat(modified.action().authorizes()).isTrue();
        assertThat(modified.authorizationNumber()).isEqualTo("PA7781299");
        assertThat(modified.certifiedUnits()).as("3 of the 6 visits asked for").isEqualTo(3);
        assertThat(modified.certifiedFrom()).isEqualTo(LocalDate.of(2026, 3, 5));
    }

    @Test
    void claimAcknowledgmentsSeparateAcceptedFromRejectedClaims() {
        RecordingSink sink = read("handmade/claim-acknowledgment.277");
        List<ClaimAcknowledgment> acknowledgments = events(sink, ClaimAcknowledgment.class);

        assertThat(sink.deadLetters()).isEmpty();
        assertThat(acknowledgments).extracting(ClaimAcknowledgment::encounterId)
                .containsExactly("F01-E000123", "F01-E000124", "F01-E000125");
        assertThat(acknowledgments).extracting(ClaimAcknowledgment::rejected).containsExactly(false, true, true);

        ClaimAcknowledgment accepted = acknowledgments.get(0);
        assertThat(accepted.statuses()).containsExactly(new ClaimStatusCode("A2", "20", "PR"));
        assertThat(accepted.totalCharge()).isEqualByComparingTo("2450");
        assertThat(accepted.statusDate()).isEqualTo(LocalDate.of(2026, 3, 5));
        assertThat(accepted.payerId()).isEqualTo("CLRHS01");
        assertThat(accepted.facilityId()).as("billing provider NM1*85").isEqualTo("1234567893");
        assertThat(accepted.eventTime()).isEqualTo(OffsetDateTime.of(2026, 3, 5, 11, 0, 0, 0, CST));
        // STC10 carries a second status of the same claim
        assertThat(acknowledgments.get(1).statuses()).containsExactly(
                new ClaimStatusCode("A3", "21", "77"), new ClaimStatusCode("A7", "562", "85"));
        assertThat(acknowledgments.get(2).statuses()).containsExactly(new ClaimStatusCode("A7", "164", "IL"));
    }

    @Test
    void eligibilityBenefitsRejectionsAndAnUnkeyableSubscriber() {
        RecordingSink sink = read("handmade/eligibility-benefits.271");
        List<EligibilityResponse> responses = events(sink, EligibilityResponse.class);

        assertThat(responses).hasSize(2);
        EligibilityResponse active = responses.get(0);
        assertThat(active.encounterId()).as("REF*EJ wins over the trace").isEqualTo("F01-E000123");
        assertThat(active.traceNumber()).isEqualTo("TRN000981");
        assertThat(active.coverageStatus()).isEqualTo(CoverageStatus.ACTIVE);
        assertThat(active.planName()).isEqualTo("BLUE PPO SILVER");
        assertThat(active.planBegin()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(active.planEnd()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(active.serviceDate()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(active.deductibleRemaining()).isEqualByComparingTo("240.00");
        assertThat(active.coinsurancePercent()).isEqualByComparingTo("0.20");
        assertThat(active.outOfPocketRemaining()).isEqualByComparingTo("1850.00");
        assertThat(active.copay()).isEqualByComparingTo("40.00");
        assertThat(active.authorizationRequired()).as("EB11 Y on imaging").isTrue();
        assertThat(active.inNetwork()).isTrue();
        assertThat(active.otherPayerIndicated()).as("EB*R Medicare Part B").isTrue();

        EligibilityResponse rejected = responses.get(1);
        assertThat(rejected.encounterId()).isEqualTo("TRN000982");
        assertThat(rejected.coverageStatus()).isEqualTo(CoverageStatus.UNKNOWN);
        assertThat(rejected.rejections()).containsExactly(new RequestRejection("72", "C", "2100C"));

        DeadLetter unkeyable = sink.onlyDeadLetter();
        assertThat(unkeyable.location()).endsWith("transaction 271 #0001 / HL*5");
        assertThat(unkeyable.reason()).contains("no patient account number (REF*EJ) and no trace number (TRN) in HL*5");
        assertThat(unkeyable.payload()).startsWith("HL*5*2*22*0~").endsWith("EB*6**30~");
    }
}
