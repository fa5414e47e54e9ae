package io.admitto.qarules.authorization;

import io.admitto.events.CertificationAction;
import io.admitto.events.PlanType;
import io.admitto.qarules.Finding;
import io.admitto.qarules.Scenario;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class AuthorizationRulesTest
{
    private final Scenario scenario = Scenario.commercialImaging();

    private void noAuthorizationAtAll()
    {
        scenario.authorizationRequests.clear();
        scenario.authorizationDecisions.clear();
        scenario.insurances.get(0).authorizationNumber = null;
    }

    @Nested
    class Missing
    {
        @Test
        void requiredByThePayerTableAndAbsentFails()
        {
            noAuthorizationAtAll();
            scenario.eligibility.set(0, Scenario.withAuthorizationRequired(scenario.eligibility.get(0), null));
            assertThat(scenario.findings("AUT-001")).singleElement().extracting(Finding::predictedCarcs).asList().containsExactly("197", "15");
        }

        @Test
        void requiredByThe271AloneFails()
        {
            noAuthorizationAtAll();
            scenario.serviceCode = "71046"; // chest X-ray: not in the payer table
            assertThat(scenario.findings("AUT-001")).hasSize(1);
        }

        @Test
        void notRequiredPasses()
        {
            noAuthorizationAtAll();
            scenario.serviceCode = "71046";
            scenario.eligibility.set(0, Scenario.withAuthorizationRequired(scenario.eligibility.get(0), false));
            assertThat(scenario.findings("AUT-001")).isEmpty();
        }

        @Test
        void authorizationNumberEnteredFromAPhoneCallPasses()
        {
            noAuthorizationAtAll();
            scenario.insurances.get(0).authorizationNumber = "PHONE-778";
            assertThat(scenario.findings("AUT-001")).isEmpty();
        }

        @Test
        void emergencyVisitsAreExempt()
        {
            Scenario emergency = Scenario.emergencyVisit();
            emergency.serviceCode = "70553";
            assertThat(emergency.findings("AUT-001")).isEmpty();
        }

        @Test
        void medicareFeeForServiceNeedsNone()
        {
            Scenario medicare = Scenario.medicareImaging();
            medicare.eligibility.set(0, Scenario.withAuthorizationRequired(medicare.eligibility.get(0), null));
            assertThat(medicare.findings("AUT-001")).isEmpty();
        }
    }

    @Nested
    class Decisions
    {
        @Test
        void deniedFails()
        {
            scenario.authorizationDecisions.set(0, scenario.authorizationDecision(CertificationAction.NOT_CERTIFIED, Scenario.cst("2026-02-23T15:00:00"),
                    null, null, null));
            scenario.insurances.get(0).authorizationNumber = null;
            assertThat(scenario.findings("AUT-002")).singleElement().extracting(Finding::message).asString().contains("A3");
            assertThat(scenario.findings("AUT-003")).as("a denial is not pending").isEmpty();
        }

        @Test
        void requestWithoutDecisionIsPending()
        {
            scenario.authorizationDecisions.clear();
            assertThat(scenario.findings("AUT-003")).hasSize(1);
        }

        @Test
        void pendedDecisionIsPending()
        {
            scenario.authorizationDecisions.set(0, scenario.authorizationDecision(CertificationAction.PENDED, Scenario.cst("2026-02-23T15:00:00"),
                    null, null, null));
            assertThat(scenario.findings("AUT-003")).hasSize(1);
        }

        @Test
        void aLaterCertificationOfTheSameRequestSupersedesThePend()
        {
            scenario.authorizationDecisions.add(0, scenario.authorizationDecision(CertificationAction.PENDED, Scenario.cst("2026-02-21T15:00:00"),
                    null, null, null));
            assertThat(scenario.findings("AUT-003")).isEmpty();
        }

        @Test
        void certificationNotCoveringTheRescheduledDateFails()
        {
            scenario.authorizationDecisions.set(0, scenario.authorizationDecision(CertificationAction.CERTIFIED_IN_TOTAL, Scenario.cst("2026-02-23T15:00:00"),
                    LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 9), 1));
            assertThat(scenario.findings("AUT-004")).singleElement().extracting(Finding::message).asString().contains("2026-03-09");
        }

        @Test
        void modifiedCertificationCoveringTheDatePasses()
        {
            scenario.authorizationDecisions.set(0, scenario.authorizationDecision(CertificationAction.MODIFIED, Scenario.cst("2026-02-23T15:00:00"),
                    LocalDate.of(2026, 3, 7), LocalDate.of(2026, 3, 10), 1));
            assertThat(scenario.findings("AUT-004")).isEmpty();
        }

        @Test
        void fewerUnitsThanScheduledFails()
        {
            scenario.units = 3;
            scenario.authorizationDecisions.set(0, scenario.authorizationDecision(CertificationAction.CERTIFIED_PARTIAL, Scenario.cst("2026-02-23T15:00:00"),
                    LocalDate.of(2026, 3, 10), LocalDate.of(2026, 3, 12), 2));
            assertThat(scenario.findings("AUT-005")).singleElement().extracting(Finding::predictedCarcs).asList().containsExactly("198");
        }

        @Test
        void certifiedNumberMissingFromTheRegistrationIsAWarning()
        {
            scenario.insurances.get(0).authorizationNumber = " ";
            assertThat(scenario.findings("AUT-006")).singleElement().extracting(Finding::severity).isEqualTo(io.admitto.qarules.Severity.WARNING);
        }
    }

    @Nested
    class Referral
    {
        @Test
        void hmoWithoutReferralFails()
        {
            scenario.insurances.get(0).payerId = "NSH01";
            scenario.insurances.get(0).planType = PlanType.COMMERCIAL_HMO;
            scenario.insurances.get(0).memberId = "NS12345678901";
            scenario.financialClass = "CH";
            assertThat(scenario.findings("REF-001")).singleElement().extracting(Finding::predictedCarcs).asList().containsExactly("288", "197");
            scenario.insurances.get(0).referralNumber = "RF1234567";
            assertThat(scenario.findings("REF-001")).isEmpty();
        }

        @Test
        void hmoEmergencyNeedsNoReferral()
        {
            Scenario emergency = Scenario.emergencyVisit();
            emergency.insurances.get(0).payerId = "NSH01";
            emergency.insurances.get(0).planType = PlanType.COMMERCIAL_HMO;
            assertThat(emergency.findings("REF-001")).isEmpty();
        }

        @Test
        void ppoNeedsNoReferral()
        {
            assertThat(scenario.findings("REF-001")).isEmpty();
        }
    }
}
