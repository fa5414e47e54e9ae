package io.admitto.qarules.compliance;

import io.admitto.events.Diagnosis;
import io.admitto.events.PatientClass;
import io.admitto.events.PlanType;
import io.admitto.qarules.Finding;
import io.admitto.qarules.Scenario;
import io.admitto.qarules.config.BusinessCalendar;
import io.admitto.qarules.config.OrganizationConfig;
import io.admitto.qarules.config.OrganizationConfigLoader;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ComplianceRulesTest
{
    @Nested
    class GoodFaithEstimate
    {
        private final Scenario scenario = Scenario.selfPayClinic();

        @Test
        void deadlinesFollowTheBusinessDaysAhead()
        {
            BusinessCalendar weekdays = new BusinessCalendar(Set.of());
            // Monday booking for Thursday: 3 business days ahead, estimate due Tuesday
            assertThat(ComplianceRules.goodFaithEstimateDeadline(weekdays, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 5))).isEqualTo(LocalDate.of(2026, 3, 3));
            // Monday booking for Wednesday: only 2 ahead, none required
            assertThat(ComplianceRules.goodFaithEstimateDeadline(weekdays, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 4))).isNull();
            // Friday booking two weeks out: 10 business days ahead, due 3 business days later (Wednesday)
            assertThat(ComplianceRules.goodFaithEstimateDeadline(weekdays, LocalDate.of(2026, 2, 20), LocalDate.of(2026, 3, 6))).isEqualTo(LocalDate.of(2026, 2, 25));
        }

        @Test
        void holidaysAreNotBusinessDays()
        {
            BusinessCalendar withPresidentsDay = new BusinessCalendar(Set.of(LocalDate.of(2026, 2, 16)));
            // Friday Feb 13 booking for Thursday Feb 19: Mon is a holiday, so only Tue-Thu = 3 ahead; due Tuesday, not Monday
            assertThat(ComplianceRules.goodFaithEstimateDeadline(withPresidentsDay, LocalDate.of(2026, 2, 13), LocalDate.of(2026, 2, 19)))
                    .isEqualTo(LocalDate.of(2026, 2, 17));
            // Friday Feb 13 booking for Wednesday Feb 18: Tue-Wed = 2 ahead, none required
            assertThat(ComplianceRules.goodFaithEstimateDeadline(withPresidentsDay, LocalDate.of(2026, 2, 13), LocalDate.of(2026, 2, 18))).isNull();
        }

        @Test
        void missingEstimateFailsOnceTheDeadlineHasPassed()
        {
            scenario.goodFaithEstimateAt = null;
            scenario.goodFaithEstimateAmount = null;
            assertThat(scenario.findings("NSA-001")).singleElement().extracting(Finding::message).asString().contains("due by 2026-02-25");
        }

        @Test
        void missingEstimateBeforeTheDeadlineIsNotYetAFinding()
        {
            scenario.goodFaithEstimateAt = null;
            scenario.asOf = Scenario.cst("2026-02-25T23:00:00").toInstant();
            scenario.preRegisteredAt = Scenario.cst("2026-02-20T12:00:00");
            scenario.registeredAt = null;
            assertThat(scenario.findings("NSA-001")).isEmpty();
        }

        @Test
        void lateEstimateFails()
        {
            scenario.goodFaithEstimateAt = Scenario.cst("2026-02-26T09:00:00");
            assertThat(scenario.findings("NSA-001")).singleElement().extracting(Finding::message).asString().contains("after the deadline 2026-02-25");
        }

        @Test
        void theDeadlineIsTheFacilitysLocalDay()
        {
            // 23:30 in Chicago on the deadline day is already the next day in UTC: still timely
            scenario.goodFaithEstimateAt = Scenario.cst("2026-02-25T23:30:00");
            assertThat(scenario.findings("NSA-001")).isEmpty();
        }

        @Test
        void bookedLessThanThreeBusinessDaysAheadNeedsNoEstimate()
        {
            scenario.goodFaithEstimateAt = null;
            scenario.scheduledAt = Scenario.cst("2026-03-06T10:00:00"); // Friday for Tuesday: Mon, Tue = 2
            scenario.preRegisteredAt = null;
            assertThat(scenario.findings("NSA-001")).isEmpty();
        }

        @Test
        void insuredPatientsAreNotSubject()
        {
            assertThat(Scenario.medicareImaging().findings("NSA-001")).isEmpty();
        }

        @Test
        void estimateWithoutAmountIsAWarning()
        {
            scenario.goodFaithEstimateAmount = null;
            assertThat(scenario.findings("NSA-002")).hasSize(1);
        }
    }

    @Nested
    class MedicareSecondaryPayer
    {
        private final Scenario scenario = Scenario.medicareImaging();

        @Test
        void medicareWithoutQuestionnaireFails()
        {
            scenario.mspQuestionnaireAt = null;
            assertThat(scenario.findings("MSP-001")).singleElement().extracting(Finding::predictedCarcs).asList().containsExactly("22");
        }

        @Test
        void medicareAdvantageNeedsItUnderTheDefaultConfiguration()
        {
            scenario.insurances.get(0).planType = PlanType.MEDICARE_ADVANTAGE;
            scenario.mspQuestionnaireAt = null;
            assertThat(scenario.findings("MSP-001")).hasSize(1);
        }

        @Test
        void commercialPrimaryNeedsNone()
        {
            assertThat(Scenario.commercialImaging().findings("MSP-001")).isEmpty();
        }

        @Test
        void recurringSeriesQuestionnaireExpiresAfterNinetyDays()
        {
            scenario.patientClass = PatientClass.RECURRING;
            scenario.mspQuestionnaireAt = Scenario.cst("2025-12-09T10:00:00"); // 91 days before 2026-03-10
            assertThat(scenario.findings("MSP-002")).singleElement().extracting(Finding::message).asString().contains("91 days");
            scenario.mspQuestionnaireAt = Scenario.cst("2025-12-10T10:00:00");
            assertThat(scenario.findings("MSP-002")).isEmpty();
        }

        @Test
        void recurringIntervalIsConfigurable()
        {
            scenario.patientClass = PatientClass.RECURRING;
            scenario.mspQuestionnaireAt = Scenario.cst("2026-02-01T10:00:00");
            String json = Scenario.defaultConfigJson().replace("\"recurringReverifyDays\": 90", "\"recurringReverifyDays\": 30");
            OrganizationConfig config = OrganizationConfigLoader.parse(json);
            assertThat(scenario.assess(config).findings()).extracting(Finding::ruleId).contains("MSP-002");
        }
    }

    @Nested
    class AdvanceBeneficiaryNotice
    {
        private final Scenario scenario = Scenario.medicareImaging();

        @Test
        void medicareWithoutCoveredDiagnosisAndWithoutAbnFails()
        {
            scenario.diagnoses = new ArrayList<>(List.of(new Diagnosis("I10", "ICD-10-CM", 1)));
            assertThat(scenario.findings("ABN-001")).singleElement().extracting(Finding::predictedCarcs).asList().containsExactly("50");
        }

        @Test
        void signedAbnBeforeTheServicePasses()
        {
            scenario.diagnoses = new ArrayList<>(List.of(new Diagnosis("I10", "ICD-10-CM", 1)));
            scenario.abnSignedAt = Scenario.cdt("2026-03-10T08:44:00");
            assertThat(scenario.findings("ABN-001")).isEmpty();
            assertThat(scenario.findings("ABN-002")).isEmpty();
        }

        @Test
        void abnSignedAfterTheServiceStartedFails()
        {
            scenario.abnSignedAt = Scenario.cdt("2026-03-10T09:15:00");
            assertThat(scenario.findings("ABN-002")).hasSize(1);
        }

        @Test
        void commercialPlansGetNoAbnFinding()
        {
            Scenario commercial = Scenario.commercialImaging();
            commercial.diagnoses = new ArrayList<>(List.of(new Diagnosis("I10", "ICD-10-CM", 1)));
            assertThat(commercial.findings("ABN-001")).isEmpty();
            assertThat(commercial.findings("MNC-002")).hasSize(1);
        }
    }

    @Nested
    class Consent
    {
        private final Scenario scenario = Scenario.medicareImaging();

        @Test
        void eachFormIsItsOwnFinding()
        {
            scenario.generalConsentAt = null;
            scenario.privacyNoticeAt = null;
            assertThat(scenario.assess().findings()).extracting(Finding::ruleId).contains("CON-001", "CON-003").doesNotContain("CON-002");
        }

        @Test
        void assignmentOfBenefitsIsRequiredForSelfPayToo()
        {
            Scenario selfPay = Scenario.selfPayClinic();
            selfPay.assignmentOfBenefitsAt = null;
            assertThat(selfPay.findings("CON-002")).hasSize(1);
        }

        @Test
        void formsAreNotExpectedAtPreRegistration()
        {
            scenario.generalConsentAt = null;
            scenario.registeredAt = null;
            scenario.asOf = Scenario.cst("2026-03-05T09:00:00").toInstant();
            assertThat(scenario.findings("CON-001")).isEmpty();
        }
    }
}
