package io.admitto.qarules.eligibility;

import io.admitto.events.CoverageStatus;
import io.admitto.events.CoverageVerification;
import io.admitto.events.PlanType;
import io.admitto.events.RequestRejection;
import io.admitto.qarules.Finding;
import io.admitto.qarules.Scenario;
import io.admitto.qarules.Scenario.InsuranceDraft;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EligibilityRulesTest
{
    private final Scenario scenario = Scenario.medicareImaging();

    private void replace271(OffsetDateTime at, CoverageStatus status, List<RequestRejection> rejections, String memberId)
    {
        scenario.eligibility.set(0, scenario.eligibility("MCR", memberId, at, status, rejections, LocalDate.of(2023, 12, 1), null, null, false));
    }

    @Nested
    class NotVerified
    {
        @Test
        void no271AndNoRecordedVerificationFails()
        {
            scenario.eligibility.clear();
            scenario.insurances.get(0).verification = null;
            assertThat(scenario.findings("ELG-001")).singleElement().extracting(Finding::fieldPath).isEqualTo("insurances[0].verification");
        }

        @Test
        void verificationRecordedByPhoneWithout271Passes()
        {
            scenario.eligibility.clear();
            assertThat(scenario.findings("ELG-001")).isEmpty();
        }

        @Test
        void unverifiedStatusWithout271Fails()
        {
            scenario.eligibility.clear();
            scenario.insurances.get(0).verification = new CoverageVerification("unverified", null, null);
            assertThat(scenario.findings("ELG-001")).hasSize(1);
        }

        @Test
        void aSecondaryCoverageNeedsVerificationToo()
        {
            InsuranceDraft secondary = InsuranceDraft.of("BPR01", PlanType.COMMERCIAL_PPO, "BPX123456789", 2);
            secondary.verification = null;
            scenario.insurances.add(secondary);
            assertThat(scenario.findings("ELG-001")).singleElement().extracting(Finding::fieldPath).isEqualTo("insurances[1].verification");
        }

        @Test
        void notYetAtTheDeskIsNotAFinding()
        {
            scenario.eligibility.clear();
            scenario.insurances.get(0).verification = null;
            scenario.asOf = Scenario.cst("2026-03-05T09:00:00").toInstant();
            assertThat(scenario.findings("ELG-001")).isEmpty();
        }

        @Test
        void selfPayNeedsNoVerification()
        {
            assertThat(Scenario.selfPayClinic().findings("ELG-001")).isEmpty();
        }
    }

    @Nested
    class Freshness
    {
        @Test
        void a271OlderThanThirtyDaysIsAWarning()
        {
            replace271(Scenario.cst("2026-02-07T10:00:00"), CoverageStatus.ACTIVE, List.of(), "1EG4TE5MK73");
            assertThat(scenario.findings("ELG-002")).singleElement().extracting(Finding::message).asString().contains("31 days");
        }

        @Test
        void exactlyThirtyDaysPasses()
        {
            replace271(Scenario.cst("2026-02-08T10:00:00"), CoverageStatus.ACTIVE, List.of(), "1EG4TE5MK73");
            assertThat(scenario.findings("ELG-002")).isEmpty();
        }
    }

    @Nested
    class Status
    {
        @Test
        void inactiveCoverageFails()
        {
            replace271(Scenario.cst("2026-03-04T10:50:00"), CoverageStatus.INACTIVE, List.of(), "1EG4TE5MK73");
            assertThat(scenario.findings("ELG-003")).singleElement().extracting(Finding::predictedCarcs).asList().contains("27");
        }

        @Test
        void invalidMemberIdRejectPredictsCarc31()
        {
            replace271(Scenario.cst("2026-03-04T10:50:00"), CoverageStatus.UNKNOWN, List.of(new RequestRejection("72", "C", "2100C")), "1EG4TE5MK73");
            assertThat(scenario.findings("ELG-004")).singleElement().satisfies(finding -> {
                assertThat(finding.predictedCarcs()).containsExactly("31");
                assertThat(finding.message()).contains("invalid or missing member ID");
            });
        }

        @Test
        void birthDateRejectPredictsCarc140()
        {
            replace271(Scenario.cst("2026-03-04T10:50:00"), CoverageStatus.UNKNOWN, List.of(new RequestRejection("71", "C", "2100C")), "1EG4TE5MK73");
            assertThat(scenario.findings("ELG-004")).singleElement().extracting(Finding::predictedCarcs).asList().containsExactly("140", "16");
        }

        @Test
        void aLaterActive271ResolvesAnEarlierReject()
        {
            replace271(Scenario.cst("2026-03-04T10:50:00"), CoverageStatus.UNKNOWN, List.of(new RequestRejection("72", "C", "2100C")), "1EG4TE5MK74");
            scenario.eligibility.add(scenario.activeEligibility("MCR", "1EG4TE5MK73", Scenario.cst("2026-03-04T11:30:00")));
            assertThat(scenario.findings("ELG-004")).isEmpty();
        }

        @Test
        void verifiedStatusOverAnInactive271Fails()
        {
            replace271(Scenario.cst("2026-03-04T10:50:00"), CoverageStatus.INACTIVE, List.of(), "1EG4TE5MK73");
            assertThat(scenario.findings("ELG-005")).hasSize(1);
            scenario.insurances.get(0).verification = new CoverageVerification("failed", Scenario.cst("2026-03-04T10:50:00"), "P003");
            assertThat(scenario.findings("ELG-005")).isEmpty();
        }

        @Test
        void eligibilityForAnotherMemberIdFails()
        {
            replace271(Scenario.cst("2026-03-04T10:50:00"), CoverageStatus.ACTIVE, List.of(), "1EG4TE5MK99");
            assertThat(scenario.findings("ELG-006")).singleElement().extracting(Finding::valuesSeen).asList()
                    .contains("eligibility.memberId = 1EG4TE5MK99");
        }

        @Test
        void memberIdComparisonIgnoresCase()
        {
            replace271(Scenario.cst("2026-03-04T10:50:00"), CoverageStatus.ACTIVE, List.of(), "1eg4te5mk73");
            assertThat(scenario.findings("ELG-006")).isEmpty();
        }
    }

    @Nested
    class Timing
    {
        @Test
        void scheduledServiceVerifiedAfterItStartedIsAWarning()
        {
            replace271(Scenario.cdt("2026-03-10T09:30:00"), CoverageStatus.ACTIVE, List.of(), "1EG4TE5MK73");
            assertThat(scenario.findings("ELG-007")).hasSize(1);
        }

        @Test
        void emergencyVerificationAfterTreatmentIsExpected()
        {
            Scenario emergency = Scenario.emergencyVisit();
            emergency.eligibility.set(0, emergency.activeEligibility("BPR01", "BPX123456789", Scenario.cdt("2026-03-11T00:30:00")));
            assertThat(emergency.findings("ELG-007")).isEmpty();
        }
    }
}
