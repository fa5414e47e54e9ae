package io.admitto.ingest.generator;

import io.admitto.events.ClaimAcknowledgment;
import io.admitto.events.CoverageStatus;
import io.admitto.events.EligibilityResponse;
import io.admitto.events.EventType;
import io.admitto.events.Insurance;
import io.admitto.events.PatientAcknowledgments;
import io.admitto.events.PatientClass;
import io.admitto.events.PersonName;
import io.admitto.events.PlanType;
import io.admitto.events.PointOfServicePayment;
import io.admitto.events.RegistrationEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With every defect rate at zero, registrations pass every check a QA rule could make, and the payer
 * pays every claim except for the back-end denials the ground truth lists.
 */
class CleanRegistrationsTest
{
    @TempDir
    static Path directory;

    private static RecordedRun run;
    private static Registrations registrations;

    @BeforeAll
    static void generate()
    {
        run = RecordedRun.generate(GeneratorConfig.defaults(11).withDays(7).withFacilities(2).withDailyEncountersPerFacility(200)
                .withDefectRates(DefectRates.none()), directory);
        registrations = new Registrations(run);
    }

    @Test
    void noDefectIsRecorded()
    {
        assertThat(run.truth.defects()).isEmpty();
        assertThat(run.truth.kpis().registrars()).allSatisfy(registrar -> assertThat(registrar.defectiveEncounters()).isZero());
    }

    @Test
    void coverageIsWellFormedVerifiedAndActive()
    {
        for (RegistrationEvent registration : run.registrations()) {
            String encounter = registration.encounterId();
            LocalDate serviceDate = registration.scheduledService().scheduledFor().toLocalDate();
            for (Insurance insurance : registration.insurances()) {
                assertThat(insurance.memberId()).as(encounter).matches(Registrations.memberIdPattern(insurance.planType()));
                assertThat(insurance.coverageStart()).isBeforeOrEqualTo(serviceDate);
                assertThat(insurance.coverageEnd()).isNull();
                assertThat(insurance.verification().status()).isEqualTo("verified");
                assertThat(insurance.verification().verifiedAt()).isBefore(registration.eventTime());
                EligibilityResponse response = registrations.eligibility(encounter).orElseThrow();
                assertThat(response.coverageStatus()).isEqualTo(CoverageStatus.ACTIVE);
                assertThat(response.rejections()).isEmpty();
                assertThat(response.otherPayerIndicated()).isFalse();
                assertThat(response.memberId()).isEqualTo(insurance.memberId());
                if (insurance.subscriber().relationship().equals("self")) {
                    assertThat(insurance.subscriber().name()).isEqualTo(registration.patient().name());
                    assertThat(insurance.subscriber().birthDate()).isEqualTo(registration.patient().birthDate());
                }
                if (Boolean.TRUE.equals(response.authorizationRequired())) {
                    assertThat(insurance.authorizationNumber()).as(encounter).isNotNull();
                }
                if (insurance.planType() == PlanType.COMMERCIAL_HMO && registration.patientClass() != PatientClass.EMERGENCY) {
                    assertThat(insurance.referralNumber()).as(encounter).isNotNull();
                }
            }
        }
    }

    @Test
    void formsAndOrdersAreComplete()
    {
        for (RegistrationEvent registration : run.registrations()) {
            PatientAcknowledgments forms = registration.acknowledgments();
            assertThat(forms.generalConsentAt()).isNotNull();
            assertThat(forms.assignmentOfBenefitsAt()).isNotNull();
            assertThat(forms.privacyNoticeAt()).isNotNull();
            assertThat(registration.patient().phone()).isNotNull();
            if (registration.patient().ssn() != null) {
                assertThat(registration.patient().ssn()).matches(Registrations.VALID_SSN);
            }
            boolean medicare = registration.insurances().stream().anyMatch(insurance -> Registrations.isMedicare(insurance.planType()));
            assertThat(forms.mspQuestionnaireAt() != null).as(registration.encounterId()).isEqualTo(medicare);
            if (registration.patientClass() == PatientClass.OUTPATIENT) {
                assertThat(registration.orderingProvider()).isNotNull();
                assertThat(registration.orderingProvider().orderOnFileAt()).isBeforeOrEqualTo(registration.eventTime());
                assertThat(npiIsValid(registration.orderingProvider().npi())).isTrue();
            }
        }
    }

    @Test
    void selfPayBookingsGetATimelyGoodFaithEstimate()
    {
        int checked = 0;
        for (RegistrationEvent registration : run.registrations()) {
            if (!registration.insurances().isEmpty() || registration.scheduledService().scheduledAt() == null) {
                continue;
            }
            LocalDate booked = registration.scheduledService().scheduledAt().toLocalDate();
            LocalDate deadline = Registrations.estimateDeadline(booked, registration.scheduledService().scheduledFor().toLocalDate());
            if (deadline != null) {
                checked++;
                assertThat(registration.acknowledgments().goodFaithEstimateAt()).isNotNull();
                assertThat(registration.acknowledgments().goodFaithEstimateAt().toLocalDate()).isBeforeOrEqualTo(deadline);
                assertThat(registration.acknowledgments().goodFaithEstimateAmount()).isPositive();
            }
        }
        assertThat(checked).isPositive();
    }

    @Test
    void emergencyPatientsNeverPayOrSignFinancialFormsBeforeTheScreeningExam()
    {
        int paid = 0;
        for (RegistrationEvent registration : run.registrations()) {
            if (registration.patientClass() != PatientClass.EMERGENCY) {
                continue;
            }
            OffsetDateTime screening = run.timeOf(registration.encounterId(), EventType.FLOW_MEDICAL_SCREENING_COMPLETED);
            for (PointOfServicePayment payment : run.of(registration.encounterId(), EventType.PAYMENT_COLLECTED).stream()
                    .map(PointOfServicePayment.class::cast).toList()) {
                paid++;
                assertThat(payment.eventTime()).isAfter(screening);
            }
            for (RegistrationEvent event : run.byEncounter.get(registration.encounterId()).stream()
                    .filter(RegistrationEvent.class::isInstance).map(RegistrationEvent.class::cast).toList()) {
                OffsetDateTime form = event.acknowledgments().financialResponsibilityAt();
                assertThat(form == null || form.isAfter(screening)).isTrue();
            }
        }
        assertThat(paid).isPositive();
    }

    @Test
    void noTwoRecordsShareANameAndBirthDate()
    {
        Map<String, Set<String>> mrnsByIdentity = new HashMap<>();
        for (RegistrationEvent registration : run.all(RegistrationEvent.class)) {
            PersonName name = registration.patient().name();
            String identity = name.family() + "|" + name.given() + "|" + registration.patient().birthDate();
            mrnsByIdentity.computeIfAbsent(identity, ignored -> new java.util.HashSet<>()).add(registration.patient().mrn());
        }
        assertThat(mrnsByIdentity.values()).allSatisfy(mrns -> assertThat(mrns).hasSize(1));
        // returning patients keep their record
        assertThat(run.registrations().stream().map(registration -> registration.patient().mrn()).distinct().count())
                .isLessThan(run.registrations().size());
    }

    @Test
    void claimsArePaidExceptForTheListedBackEndDenials()
    {
        Map<String, String> backEnd = run.truth.backEndDenials().stream()
                .collect(Collectors.toMap(GroundTruth.BackEndDenial::encounterId, GroundTruth.BackEndDenial::reasonCode));
        assertThat(backEnd).isNotEmpty();
        for (String encounter : run.byEncounter.keySet()) {
            assertThat(registrations.acknowledgments(encounter)).noneMatch(ClaimAcknowledgment::rejected);
            Set<String> denials = registrations.denialReasons(encounter);
            String reason = backEnd.get(encounter);
            if (reason == null || reason.equals("18")) {
                assertThat(denials).as(encounter).isEmpty();
            }
            else {
                assertThat(denials).as(encounter).containsExactly(reason);
            }
            if ("18".equals(reason)) {
                // the duplicate submission is denied after the original was paid
                assertThat(registrations.remittances(encounter)).hasSize(2);
                assertThat(registrations.remittances(encounter).get(1).adjustments()).extracting(adjustment -> adjustment.reasonCode())
                        .containsExactly("18");
            }
        }
        long claims = run.byEncounter.keySet().stream().filter(encounter -> !registrations.remittances(encounter).isEmpty()).count();
        // a small back-end rate, not a registration problem
        assertThat((double) backEnd.size() / claims).isBetween(0.005, 0.06);
    }

    @Test
    void estimatesAtTheDeskMatchWhatThePayerLeavesThePatient()
    {
        List<PointOfServicePayment> payments = run.all(PointOfServicePayment.class);
        assertThat(payments).isNotEmpty();
        for (PointOfServicePayment payment : payments) {
            assertThat(payment.amount()).isPositive().isLessThanOrEqualTo(payment.expectedPatientResponsibility());
            registrations.remittances(payment.encounterId()).stream().findFirst()
                    .filter(remittance -> registrations.denialReasons(payment.encounterId()).isEmpty())
                    .ifPresent(remittance -> assertThat(remittance.patientResponsibility())
                            .isEqualByComparingTo(payment.expectedPatientResponsibility()));
        }
    }

    private static boolean npiIsValid(String npi)
    {
        // Luhn over "80840" + the ten digits
        String digits = "80840" + npi;
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                digit = digit > 9 ? digit - 9 : digit;
            }
            sum += digit;
        }
        return npi.length() == 10 && sum % 10 == 0;
    }
}
