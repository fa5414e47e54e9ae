package io.admitto.qarules.coverage;

import io.admitto.events.CoverageStatus;
import io.admitto.events.PersonName;
import io.admitto.events.PlanType;
import io.admitto.qarules.Finding;
import io.admitto.qarules.Scenario;
import io.admitto.qarules.Scenario.InsuranceDraft;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CoverageRulesTest
{
    private final Scenario scenario = Scenario.medicareImaging();

    private InsuranceDraft primary()
    {
        return scenario.insurances.get(0);
    }

    @Nested
    class MemberId
    {
        @Test
        void missingAndEmptyMemberIdsAreToldApart()
        {
            primary().memberId = null;
            assertThat(scenario.findings("SUB-001")).singleElement().extracting(Finding::message).asString().contains("missing");
            primary().memberId = "";
            assertThat(scenario.findings("SUB-001")).singleElement().extracting(Finding::message).asString().contains("empty");
            assertThat(scenario.findings("SUB-002")).as("format is not checked on a blank ID").isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"1EG4TE5MK7", "1EG4TE5MK73X", "0EG4TE5MK73", "1SG4TE5MK73", "1EG4TE5MK7O", "1EG-4TE-5MK73"})
        void malformedMedicareBeneficiaryIdentifiersFail(String mbi)
        {
            primary().memberId = mbi;
            assertThat(scenario.findings("SUB-002")).singleElement()
                    .satisfies(finding -> assertThat(finding.predictedCarcs()).containsExactly("31", "140"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"1EG4TE5MK73", "9AA0A00AA00", "5C99CC9YY11"})
        void wellFormedMbisPass(String mbi)
        {
            primary().memberId = mbi;
            assertThat(scenario.findings("SUB-002")).isEmpty();
        }

        @Test
        void eachCoverageIsCheckedAgainstItsOwnPayer()
        {
            scenario.insurances.add(InsuranceDraft.of("BPR01", PlanType.COMMERCIAL_PPO, "1EG4TE5MK73", 2));
            assertThat(scenario.findings("SUB-002")).singleElement().extracting(Finding::fieldPath).isEqualTo("insurances[1].memberId");
        }

        @Test
        void hmoDependentSuffixIsPartOfTheFormat()
        {
            primary().payerId = "NSH01";
            primary().planType = PlanType.COMMERCIAL_HMO;
            primary().memberId = "NS12345678903";
            assertThat(scenario.findings("SUB-002")).isEmpty();
            primary().memberId = "NS12345678900";
            assertThat(scenario.findings("SUB-002")).hasSize(1);
        }
    }

    @Nested
    class Subscriber
    {
        @Test
        void selfSubscriberWithAnotherBirthDateFails()
        {
            scenario.birthDate = LocalDate.of(1950, 12, 4);
            assertThat(scenario.findings("SUB-003")).singleElement().extracting(Finding::fieldPath).isEqualTo("insurances[0].subscriber.birthDate");
        }

        @Test
        void selfSubscriberNameComparisonIgnoresCaseAndSpacing()
        {
            primary().subscriberName = new PersonName("Rivera ", "ana", null);
            assertThat(scenario.findings("SUB-003")).isEmpty();
            primary().subscriberName = new PersonName("RIVERS", "ANA", null);
            assertThat(scenario.findings("SUB-003")).hasSize(1);
        }

        @Test
        void dependentsAreNotComparedWithThePatient()
        {
            primary().relationship = "spouse";
            primary().subscriberName = new PersonName("RIVERA", "LUIS", null);
            primary().subscriberBirthDate = LocalDate.of(1948, 1, 1);
            assertThat(scenario.findings("SUB-003")).isEmpty();
            assertThat(scenario.findings("SUB-005")).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "parent", "SELF"})
        void unknownRelationshipsFail(String relationship)
        {
            primary().relationship = relationship;
            assertThat(scenario.findings("SUB-004")).hasSize(1);
        }

        @Test
        void childWhoseSubscriberIsYoungerFails()
        {
            primary().relationship = "child";
            primary().subscriberName = new PersonName("RIVERA", "LUIS", null);
            primary().subscriberBirthDate = LocalDate.of(1990, 1, 1);
            assertThat(scenario.findings("SUB-005")).singleElement().extracting(Finding::predictedCarcs).asList().containsExactly("32");
        }

        @Test
        void childOfAnOlderParentPasses()
        {
            scenario.birthDate = LocalDate.of(2015, 5, 5);
            primary().relationship = "child";
            primary().subscriberName = new PersonName("RIVERA", "LUIS", null);
            primary().subscriberBirthDate = LocalDate.of(1985, 1, 1);
            assertThat(scenario.findings("SUB-005")).isEmpty();
        }

        @Test
        void minorSpouseAsPolicyHolderFails()
        {
            primary().relationship = "spouse";
            primary().subscriberBirthDate = LocalDate.of(2010, 1, 1);
            assertThat(scenario.findings("SUB-005")).hasSize(1);
        }

        @Test
        void subscriberWithoutBirthDateFails()
        {
            primary().subscriberBirthDate = null;
            assertThat(scenario.findings("SUB-006")).singleElement().extracting(Finding::message).asString().contains("birth date");
        }
    }

    @Nested
    class Plan
    {
        @Test
        void financialClassOfAnotherPlanFails()
        {
            scenario.financialClass = "CP";
            assertThat(scenario.findings("PLN-001")).singleElement().extracting(Finding::message).asString().contains("expected MC");
        }

        @Test
        void selfPayClassWithoutCoveragePassesAndInsuredClassFails()
        {
            Scenario selfPay = Scenario.selfPayClinic();
            assertThat(selfPay.findings("PLN-001")).isEmpty();
            selfPay.financialClass = "MC";
            assertThat(selfPay.findings("PLN-001")).hasSize(1);
        }

        @Test
        void missingFinancialClassFails()
        {
            scenario.financialClass = null;
            assertThat(scenario.findings("PLN-001")).singleElement().extracting(Finding::message).asString().contains("missing");
        }

        @Test
        void medicareFeeForServiceWhoseEligibilityNamesAnotherPayerIsTheWrongPlan()
        {
            scenario.eligibility.set(0, scenario.eligibility("MCR", "1EG4TE5MK73", Scenario.cst("2026-03-04T10:50:00"), CoverageStatus.ACTIVE, List.of(),
                    LocalDate.of(2023, 12, 1), null, null, true));
            assertThat(scenario.findings("PLN-002")).singleElement().extracting(Finding::message).asString().contains("Medicare Advantage");
            assertThat(scenario.findings("COB-001")).as("for a fee-for-service plan EB01 R is a wrong plan, not COB").isEmpty();
        }

        @Test
        void unknownPayerIsAWarning()
        {
            primary().payerId = "ZZZ";
            assertThat(scenario.findings("PLN-003")).singleElement().extracting(Finding::severity).isEqualTo(io.admitto.qarules.Severity.WARNING);
        }

        @Test
        void repeatedPrioritiesFail()
        {
            scenario.insurances.add(InsuranceDraft.of("BPR01", PlanType.COMMERCIAL_PPO, "BPX123456789", 1));
            assertThat(scenario.findings("PLN-004")).singleElement().extracting(Finding::message).asString().contains("(1,1)");
        }

        @Test
        void primaryAndSecondaryPass()
        {
            scenario.insurances.add(InsuranceDraft.of("BPR01", PlanType.COMMERCIAL_PPO, "BPX123456789", 2));
            assertThat(scenario.findings("PLN-004")).isEmpty();
        }

        @Test
        void medicaidAheadOfACommercialPlanFails()
        {
            scenario.insurances.set(0, InsuranceDraft.of("MCD", PlanType.MEDICAID, "1234567890", 1));
            scenario.insurances.add(InsuranceDraft.of("BPR01", PlanType.COMMERCIAL_PPO, "BPX123456789", 2));
            assertThat(scenario.findings("PLN-005")).singleElement().extracting(Finding::predictedCarcs).asList().containsExactly("22");
        }

        @Test
        void medicaidAsSecondaryPasses()
        {
            scenario.insurances.add(InsuranceDraft.of("MCD", PlanType.MEDICAID, "1234567890", 2));
            assertThat(scenario.findings("PLN-005")).isEmpty();
        }
    }

    @Nested
    class Dates
    {
        @Test
        void serviceBeforeCoverageStartFails()
        {
            primary().coverageStart = LocalDate.of(2026, 4, 1);
            assertThat(scenario.findings("COV-001")).singleElement().extracting(Finding::predictedCarcs).asList().containsExactly("26");
        }

        @Test
        void coverageStartingOnTheServiceDatePasses()
        {
            primary().coverageStart = LocalDate.of(2026, 3, 10);
            assertThat(scenario.findings("COV-001")).isEmpty();
        }

        @Test
        void coverageEndedTheDayBeforeFailsAndEndingThatDayPasses()
        {
            primary().coverageEnd = LocalDate.of(2026, 3, 9);
            assertThat(scenario.findings("COV-002")).singleElement().extracting(Finding::predictedCarcs).asList().containsExactly("27");
            primary().coverageEnd = LocalDate.of(2026, 3, 10);
            assertThat(scenario.findings("COV-002")).isEmpty();
        }

        @Test
        void activeEligibilityWhosePlanEndsBeforeTheServiceFails()
        {
            scenario.eligibility.set(0, scenario.eligibility("MCR", "1EG4TE5MK73", Scenario.cst("2026-02-20T10:50:00"), CoverageStatus.ACTIVE, List.of(),
                    LocalDate.of(2023, 12, 1), LocalDate.of(2026, 2, 28), null, false));
            assertThat(scenario.findings("COV-003")).singleElement().extracting(Finding::predictedCarcs).asList().containsExactly("27");
        }

        @Test
        void inactiveEligibilityIsLeftToTheEligibilityRule()
        {
            scenario.eligibility.set(0, scenario.eligibility("MCR", "1EG4TE5MK73", Scenario.cst("2026-03-04T10:50:00"), CoverageStatus.INACTIVE, List.of(),
                    LocalDate.of(2023, 12, 1), LocalDate.of(2026, 2, 28), null, false));
            assertThat(scenario.findings("COV-003")).isEmpty();
            assertThat(scenario.findings("ELG-003")).hasSize(1);
        }
    }

    @Nested
    class CoordinationOfBenefits
    {
        @Test
        void commercialPlanReportingAnotherPayerWithOnlyOneCoverageFails()
        {
            Scenario commercial = Scenario.commercialImaging();
            commercial.eligibility.set(0, Scenario.withAuthorizationRequired(commercial.eligibility("BPR01", "BPX123456789",
                    Scenario.cst("2026-03-04T10:50:00"), CoverageStatus.ACTIVE, List.of(), LocalDate.of(2023, 12, 1), null, null, true), true));
            assertThat(commercial.findings("COB-001")).singleElement().extracting(Finding::predictedCarcs).asList().containsExactly("22");
            assertThat(commercial.findings("PLN-002")).isEmpty();
        }

        @Test
        void secondCoverageOnFileResolvesIt()
        {
            Scenario commercial = Scenario.commercialImaging();
            commercial.eligibility.set(0, commercial.eligibility("BPR01", "BPX123456789", Scenario.cst("2026-03-04T10:50:00"), CoverageStatus.ACTIVE,
                    List.of(), LocalDate.of(2023, 12, 1), null, null, true));
            commercial.insurances.add(InsuranceDraft.of("MCR", PlanType.MEDICARE_FFS, "1EG4TE5MK73", 2));
            assertThat(commercial.findings("COB-001")).isEmpty();
        }
    }
}
