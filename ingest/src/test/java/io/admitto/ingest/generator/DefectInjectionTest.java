package io.admitto.ingest.generator;

import io.admitto.events.AuthorizationDecision;
import io.admitto.events.ClaimAcknowledgment;
import io.admitto.events.ClaimRemittance;
import io.admitto.events.CoverageStatus;
import io.admitto.events.EligibilityResponse;
import io.admitto.events.EventType;
import io.admitto.events.Insurance;
import io.admitto.events.PatientAcknowledgments;
import io.admitto.events.PatientClass;
import io.admitto.events.PlanType;
import io.admitto.events.RegistrationEvent;
import io.admitto.events.RequestRejection;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each defect, injected wherever it can occur (rate 1), is visible in the events the way the
 * {@link Defect} documentation says, on the registration side and on the payer side.
 */
class DefectInjectionTest
{
    @TempDir
    Path directory;

    @ParameterizedTest
    @EnumSource(Defect.class)
    void injectedDefectShowsInTheEvents(Defect defect)
    {
        GeneratorConfig config = GeneratorConfig.defaults(defect.ordinal() + 100L).withDays(5).withFacilities(1)
                .withDailyEncountersPerFacility(220).withDefectRates(DefectRates.only(defect, 1.0));
        RecordedRun run = RecordedRun.generate(config, directory);
        Registrations registrations = new Registrations(run);

        List<GroundTruth.InjectedDefect> injected = run.truth.defects();
        assertThat(injected).as("encounters with %s", defect).hasSizeGreaterThan(5);
        assertThat(injected).allSatisfy(entry -> assertThat(entry.defect()).isEqualTo(defect));
        for (GroundTruth.InjectedDefect entry : injected) {
            String encounter = entry.encounterId();
            RegistrationEvent registration = run.registration(encounter).orElseThrow();
            assertThat(entry.department()).isEqualTo(registration.department());
            assertThat(entry.registrarId()).isEqualTo(registration.registrarId());
            Insurance insurance = registrations.insurance(registration).orElse(null);
            PatientAcknowledgments forms = registration.acknowledgments();
            LocalDate serviceDate = registration.scheduledService().scheduledFor().toLocalDate();
            String as = encounter + " " + entry.detail();
            switch (defect) {
                case WRONG_MEMBER_ID -> {
                    EligibilityResponse response = registrations.eligibility(encounter).orElseThrow();
                    assertThat(response.rejections()).extracting(RequestRejection::reasonCode).containsExactly("72");
                    assertThat(response.coverageStatus()).isEqualTo(CoverageStatus.UNKNOWN);
                    assertThat(insurance.verification().status()).isEqualTo("failed");
                    List<ClaimAcknowledgment> acknowledgments = registrations.acknowledgments(encounter);
                    if (Registrations.memberIdPattern(insurance.planType()).matcher(insurance.memberId()).matches()) {
                        assertThat(acknowledgments).as(as).noneMatch(ClaimAcknowledgment::rejected);
                        assertThat(registrations.denialReasons(encounter)).as(as).containsAnyOf("31", "140").hasSize(1);
                        ClaimRemittance remittance = registrations.remittances(encounter).get(0);
                        assertThat(remittance.claimStatus()).isEqualTo(registrations.denialReasons(encounter).contains("31") ? "4" : "1");
                    }
                    else {
                        // the clearinghouse's format edit rejects it; the corrected claim goes through and is paid
                        assertThat(acknowledgments).as(as).hasSize(2);
                        assertThat(acknowledgments.get(0).rejected()).isTrue();
                        assertThat(acknowledgments.get(0).statuses().get(0).categoryCode()).isEqualTo("A3");
                        assertThat(acknowledgments.get(1).rejected()).isFalse();
                        assertThat(acknowledgments.get(1).eventTime()).isAfter(acknowledgments.get(0).eventTime());
                        assertThat(registrations.remittances(encounter).get(0).eventTime()).isAfter(acknowledgments.get(1).eventTime());
                    }
                }
                case COVERAGE_TERMINATED -> {
                    assertThat(insurance.coverageEnd()).isBefore(serviceDate);
                    EligibilityResponse response = registrations.eligibility(encounter).orElseThrow();
                    assertThat(response.coverageStatus()).isEqualTo(CoverageStatus.INACTIVE);
                    assertThat(response.planEnd()).isBefore(serviceDate);
                    assertThat(registrations.denialReasons(encounter)).containsExactly("27");
                }
                case NO_ELIGIBILITY_CHECK -> {
                    assertThat(run.of(encounter, EventType.ELIGIBILITY_INQUIRY)).isEmpty();
                    assertThat(run.of(encounter, EventType.ELIGIBILITY_RESPONSE)).isEmpty();
                    assertThat(insurance.verification()).isNull();
                    assertThat(List.of("27", "31")).containsAll(registrations.denialReasons(encounter));
                }
                case MISSING_AUTHORIZATION -> {
                    assertThat(run.of(encounter, EventType.AUTHORIZATION_REQUEST)).isEmpty();
                    assertThat(insurance.authorizationNumber()).isNull();
                    registrations.eligibility(encounter).ifPresent(response -> assertThat(response.authorizationRequired()).isTrue());
                    assertThat(registrations.denialReasons(encounter)).hasSize(1).containsAnyOf("197", "15");
                }
                case MISSING_MSPQ -> {
                    assertThat(Registrations.isMedicare(insurance.planType())).isTrue();
                    assertThat(forms.mspQuestionnaireAt()).isNull();
                    if (!registrations.denialReasons(encounter).isEmpty()) {
                        assertThat(registrations.denialReasons(encounter)).containsExactly("22");
                        assertThat(registrations.remarks(encounter)).contains("MA04");
                    }
                }
                case EMTALA_VIOLATION -> {
                    assertThat(registration.patientClass()).isEqualTo(PatientClass.EMERGENCY);
                    OffsetDateTime screening = run.timeOf(encounter, EventType.FLOW_MEDICAL_SCREENING_COMPLETED);
                    assertThat(run.timeOf(encounter, EventType.PAYMENT_COLLECTED)).isBefore(screening);
                    assertThat(forms.financialResponsibilityAt()).isBefore(screening);
                }
                case MISSING_GFE -> {
                    assertThat(registration.insurances()).isEmpty();
                    LocalDate booked = registration.scheduledService().scheduledAt().toLocalDate();
                    LocalDate deadline = Registrations.estimateDeadline(booked, serviceDate);
                    assertThat(deadline).as("an estimate was required").isNotNull();
                    if (forms.goodFaithEstimateAt() != null) {
                        assertThat(forms.goodFaithEstimateAt().toLocalDate()).as(as).isAfter(deadline);
                    }
                }
                case BAD_DEMOGRAPHICS -> {
                    switch (entry.detail()) {
                        case "malformed SSN" -> assertThat(registration.patient().ssn()).doesNotMatch(Registrations.VALID_SSN);
                        case "missing phone" -> assertThat(registration.patient().phone()).isNull();
                        case "mistyped birth date" -> {
                            if (insurance != null) {
                                if (insurance.subscriber().relationship().equals("self")) {
                                    assertThat(insurance.subscriber().birthDate()).isNotEqualTo(registration.patient().birthDate());
                                }
                                registrations.eligibility(encounter).ifPresent(response ->
                                        assertThat(response.rejections()).extracting(RequestRejection::reasonCode).containsExactly("71"));
                                boolean rejected = registrations.acknowledgments(encounter).stream().anyMatch(ClaimAcknowledgment::rejected);
                                if (!rejected) {
                                    assertThat(registrations.denialReasons(encounter)).containsExactly("16");
                                    assertThat(registrations.remarks(encounter)).contains("N329");
                                }
                            }
                        }
                        default -> throw new AssertionError("unexpected detail " + entry.detail());
                    }
                }
                case DUPLICATE_PATIENT -> assertThat(run.registrations()).anySatisfy(other -> {
                    assertThat(other.patient().name()).isEqualTo(registration.patient().name());
                    assertThat(other.patient().birthDate()).isEqualTo(registration.patient().birthDate());
                    assertThat(other.patient().mrn()).isNotEqualTo(registration.patient().mrn());
                });
                case WRONG_PLAN -> {
                    assertThat(insurance.planType()).isIn(PlanType.MEDICARE_FFS, PlanType.MEDICAID);
                    assertThat(registrations.eligibility(encounter).orElseThrow().otherPayerIndicated()).isTrue();
                    assertThat(registrations.denialReasons(encounter)).containsExactly("109");
                }
                case MISSING_CONSENT -> assertThat(Stream.of(forms.generalConsentAt(), forms.assignmentOfBenefitsAt(), forms.privacyNoticeAt())
                        .filter(Objects::isNull)).hasSize(1);
                case MISSING_PHYSICIAN_ORDER -> {
                    assertThat(registration.patientClass()).isEqualTo(PatientClass.OUTPATIENT);
                    assertThat(registration.department()).isIn("IMG", "SURG");
                    assertThat(registration.orderingProvider()).isNull();
                    if (!registrations.denialReasons(encounter).isEmpty()) {
                        assertThat(registrations.denialReasons(encounter)).containsExactly("16");
                        assertThat(registrations.remarks(encounter)).contains("N264");
                    }
                }
                case MISSING_REFERRAL -> {
                    assertThat(insurance.planType()).isEqualTo(PlanType.COMMERCIAL_HMO);
                    assertThat(insurance.referralNumber()).isNull();
                    assertThat(registrations.denialReasons(encounter)).hasSize(1).containsAnyOf("288", "197");
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Defect.class, names = {"EMTALA_VIOLATION", "MISSING_REFERRAL", "MISSING_AUTHORIZATION"})
    void aRateOfOneReachesEveryEncounterWhereTheDefectCanOccur(Defect defect)
    {
        GeneratorConfig config = GeneratorConfig.defaults(5).withDays(3).withFacilities(1).withDailyEncountersPerFacility(200)
                .withDefectRates(DefectRates.only(defect, 1.0));
        RecordedRun run = RecordedRun.generate(config, directory);
        for (RegistrationEvent registration : run.registrations()) {
            String encounter = registration.encounterId();
            Insurance insurance = registration.insurances().stream().findFirst().orElse(null);
            boolean applicable = switch (defect) {
                case EMTALA_VIOLATION -> registration.patientClass() == PatientClass.EMERGENCY
                        && run.first(encounter, EventType.PAYMENT_COLLECTED).isPresent();
                case MISSING_REFERRAL -> insurance != null && insurance.planType() == PlanType.COMMERCIAL_HMO
                        && registration.patientClass() != PatientClass.EMERGENCY;
                default -> run.of(encounter, EventType.AUTHORIZATION_DECISION).stream().map(AuthorizationDecision.class::cast).findAny().isPresent();
            };
            if (applicable && defect != Defect.MISSING_AUTHORIZATION) {
                assertThat(run.defects).as(encounter).containsKey(encounter);
            }
            if (defect == Defect.MISSING_AUTHORIZATION) {
                // with the defect everywhere, no authorization is ever requested
                assertThat(applicable).as(encounter).isFalse();
            }
        }
        assertThat(run.defects).isNotEmpty();
    }
}
