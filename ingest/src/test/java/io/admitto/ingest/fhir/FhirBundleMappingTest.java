package io.admitto.ingest.fhir;

import io.admitto.events.Address;
import io.admitto.events.AuthorizationDecision;
import io.admitto.events.CertificationAction;
import io.admitto.events.ClaimAdjustment;
import io.admitto.events.ClaimRemittance;
import io.admitto.events.CoverageStatus;
import io.admitto.events.DeadLetter;
import io.admitto.events.Diagnosis;
import io.admitto.events.EligibilityResponse;
import io.admitto.events.EventJson;
import io.admitto.events.EventType;
import io.admitto.events.Insurance;
import io.admitto.events.PatientClass;
import io.admitto.events.PersonName;
import io.admitto.events.PlanType;
import io.admitto.events.RegistrationEvent;
import io.admitto.ingest.source.RecordingSink;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-made Bundle ({@code samples/fhir}), mapped resource by resource and field by field. */
class FhirBundleMappingTest {
    private static final ZoneOffset CST = ZoneOffset.ofHours(-6);
    private static RecordingSink sink;

    @BeforeAll
    static void readBundle() {
        sink = FhirFixtures.read("registration-and-payer-bundle.json");
    }

    private static <T> T only(Class<T> type) {
        List<T> found = sink.events().stream().filter(type::isInstance).map(type::cast).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    @Test
    void encounterBecomesAFullRegistrationWithItsPatientCoveragesAndAppointment() {
        RegistrationEvent registration = only(RegistrationEvent.class);

        assertThat(registration.eventType()).isEqualTo(EventType.REGISTRATION_REGISTERED);
        assertThat(registration.encounterId()).as("identifier of type VN, not the first one").isEqualTo("F01-E000123");
        assertThat(registration.eventTime()).isEqualTo(OffsetDateTime.of(2026, 3, 2, 8, 24, 0, 0, CST));
        assertThat(registration.facilityId()).as("serviceProvider's identifier").isEqualTo("F01");
        assertThat(registration.patientClass()).isEqualTo(PatientClass.OUTPATIENT);
        assertThat(registration.department()).isEqualTo("IMG");
        assertThat(registration.source().messageId()).isEqualTo("Encounter/enc-123");

        // the subject is a urn:uuid reference, resolved through the entry's fullUrl
        assertThat(registration.patient().mrn()).isEqualTo("MRN0042");
        assertThat(registration.patient().name()).isEqualTo(new PersonName("RIVERA", "ANA", "M"));
        assertThat(registration.patient().birthDate()).isEqualTo(LocalDate.of(1958, 11, 30));
        assertThat(registration.patient().sex()).isEqualTo("F");
        assertThat(registration.patient().ssn()).isEqualTo("123-45-6789");
        assertThat(registration.patient().phone()).as("the phone, not the e-mail").isEqualTo("217-555-0142");
        assertThat(registration.patient().address()).isEqualTo(new Address("12 Elm St", "Apt 2", "Springfield", "IL", "62701", "US"));

        assertThat(registration.scheduledService().code()).isEqualTo("70553");
        assertThat(registration.scheduledService().codeSystem()).isEqualTo("CPT");
        assertThat(registration.scheduledService().scheduledFor()).isEqualTo(OffsetDateTime.of(2026, 3, 2, 8, 45, 0, 0, CST));
        assertThat(registration.scheduledService().scheduledAt()).isEqualTo(OffsetDateTime.of(2026, 2, 20, 10, 2, 0, 0, CST));
        assertThat(registration.diagnoses()).containsExactly(new Diagnosis("G43.909", "ICD-10-CM", 1));

        assertThat(registration.insurances()).extracting(Insurance::priority).containsExactly(1, 2);
        Insurance primary = registration.insurances().get(0);
        assertThat(primary.payerId()).isEqualTo("BCX");
        assertThat(primary.payerName()).isEqualTo("Blue Cross");
        assertThat(primary.memberId()).isEqualTo("XBC123456789");
        assertThat(primary.groupNumber()).isEqualTo("GRP-7781");
        assertThat(primary.planId()).isEqualTo("PPO-SILVER");
        assertThat(primary.planName()).isEqualTo("Blue PPO Silver");
        assertThat(primary.planType()).as("SOPT 512").isEqualTo(PlanType.COMMERCIAL_PPO);
        assertThat(primary.coverageStart()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(primary.coverageEnd()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(primary.subscriber().relationship()).isEqualTo("self");
        assertThat(primary.subscriber().birthDate()).isEqualTo(LocalDate.of(1958, 11, 30));
        Insurance secondary = registration.insurances().get(1);
        assertThat(secondary.planType()).as("SOPT 1").isEqualTo(PlanType.MEDICARE_FFS);
        assertThat(secondary.payerName()).isEqualTo("Medicare Part B");
    }

    @Test
    void eligibilityResponseReadsInNetworkBenefitsOnly() {
        EligibilityResponse response = only(EligibilityResponse.class);

        assertThat(response.encounterId()).as("the request's identifier").isEqualTo("F01-E000123");
        assertThat(response.coverageStatus()).isEqualTo(CoverageStatus.ACTIVE);
        assertThat(response.payerId()).isEqualTo("BCX");
        assertThat(response.memberId()).isEqualTo("XBC123456789");
        assertThat(response.serviceDate()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(response.planName()).isEqualTo("Blue PPO Silver");
        assertThat(response.planBegin()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(response.planEnd()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(response.copay()).as("in-network 40, not out-of-network 90").isEqualByComparingTo("40");
        assertThat(response.deductibleRemaining()).as("1000 allowed − 760 used").isEqualByComparingTo("240");
        assertThat(response.coinsurancePercent()).isEqualByComparingTo("0.20");
        assertThat(response.authorizationRequired()).isTrue();
        assertThat(response.inNetwork()).isTrue();
        assertThat(response.eventTime()).isEqualTo(OffsetDateTime.of(2026, 2, 28, 14, 0, 0, 0, CST));
    }

    @Test
    void pasClaimResponsesBecomeAuthorizationDecisionsWithTheX12ActionCode() {
        List<AuthorizationDecision> decisions = sink.events().stream()
                .filter(AuthorizationDecision.class::isInstance).map(AuthorizationDecision.class::cast).toList();

        assertThat(decisions).extracting(AuthorizationDecision::action)
                .containsExactly(CertificationAction.CERTIFIED_IN_TOTAL, CertificationAction.NOT_CERTIFIED);
        AuthorizationDecision certified = decisions.get(0);
        assertThat(certified.encounterId()).as("the requesting Claim's Encounter visit number").isEqualTo("F01-E000123");
        assertThat(certified.trackingNumber()).as("the requesting Claim's identifier").isEqualTo("AUTH000455");
        assertThat(certified.authorizationNumber()).isEqualTo("PA7781234");
        assertThat(certified.certifiedFrom()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(certified.certifiedTo()).isEqualTo(LocalDate.of(2026, 3, 31));
        AuthorizationDecision denied = decisions.get(1);
        assertThat(denied.encounterId()).as("logical request identifier").isEqualTo("AUTH000456");
        assertThat(denied.reasonCode()).isEqualTo("0U");
        assertThat(denied.facilityId()).as("no requestor").isEqualTo(FhirSettings.UNKNOWN_FACILITY);
    }

    @Test
    void carinExplanationOfBenefitBecomesARemittanceWithCarcAdjustments() {
        ClaimRemittance remittance = only(ClaimRemittance.class);

        assertThat(remittance.encounterId()).as("identifier type pat").isEqualTo("F01-E000123");
        assertThat(remittance.payerClaimNumber()).as("identifier type uc").isEqualTo("2026089000123");
        assertThat(remittance.billedAmount()).isEqualByComparingTo("2450");
        assertThat(remittance.paidAmount()).isEqualByComparingTo("1600");
        assertThat(remittance.patientResponsibility()).isEqualByComparingTo("240");
        assertThat(remittance.claimStatus()).isNull();
        assertThat(remittance.paymentDate()).isEqualTo(LocalDate.of(2026, 3, 30));
        assertThat(remittance.serviceDate()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(remittance.serviceLines()).singleElement().satisfies(line -> {
            assertThat(line.procedureCode()).isEqualTo("70553");
            assertThat(line.adjustments()).usingRecursiveFieldByFieldElementComparatorOnFields("groupCode", "reasonCode")
                    .containsExactly(new ClaimAdjustment("PR", "1", BigDecimal.ZERO, null), new ClaimAdjustment("CO", "45", BigDecimal.ZERO, null));
            assertThat(line.adjustments().get(1).amount()).isEqualByComparingTo("610");
        });
    }

    @Test
    void unmappableResourcesAreDeadLetteredWithTheirBundleEntry() {
        assertThat(sink.deadLetters()).extracting(DeadLetter::location)
                .containsExactly("Bundle entry 8 (Encounter/enc-999)", "Bundle entry 15 (Observation/obs-1)");
        DeadLetter orphan = sink.deadLetters().get(0);
        assertThat(orphan.format()).isEqualTo("fhir");
        assertThat(orphan.reason()).isEqualTo("Encounter/enc-999 refers to Patient/not-here, which is not in this file:"
                + " a registration needs the patient's demographics");
        assertThat(orphan.payload()).contains("\"id\":\"enc-999\"");
        assertThat(sink.deadLetters().get(1).reason()).isEqualTo("resource type Observation is not one Admitto maps");
    }

    @Test
    void contextResourcesYieldNoEventsOfTheirOwnAndIdsAreStable() {
        // Patient, 2 Organizations, 2 Coverages, Condition, CoverageEligibilityRequest, Claim: context only;
        // the Appointment is the Encounter's, so it is not a pre-registration of its own
        assertThat(sink.events()).hasSize(5);
        RecordingSink again = FhirFixtures.read("registration-and-payer-bundle.json");
        assertThat(again.events()).extracting(event -> event.eventId())
                .containsExactlyElementsOf(sink.events().stream().map(event -> event.eventId()).toList());
        EventJson json = new EventJson();
        assertThat(sink.events()).allSatisfy(event -> assertThat(json.fromJson(json.toJsonBytes(event))).isEqualTo(event));
    }
}
