package io.admitto.qarules;

import io.admitto.qarules.config.OrganizationConfig;
import io.admitto.qarules.config.OrganizationConfigLoader;
import io.admitto.qarules.scoring.Grade;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Scoring, the HFMA clean flag and the organisation's overrides, seen through whole assessments. */
class RegistrationAssessorTest
{
    @Test
    void eachFindingDeductsItsSeverityWeight()
    {
        Scenario scenario = Scenario.medicareImaging();
        scenario.phone = null;                  // error: 15
        scenario.preRegisteredAt = null;        // warning: 3
        Assessment assessment = scenario.assess();
        assertThat(assessment.score()).isEqualTo(82);
        assertThat(assessment.grade()).isEqualTo(Grade.C);
        assertThat(assessment.errorCount()).isEqualTo(1);
        assertThat(assessment.warningCount()).isEqualTo(1);
        assertThat(assessment.clean()).as("an error makes it unclean").isFalse();
    }

    @Test
    void warningsAloneLeaveARegistrationClean()
    {
        Scenario scenario = Scenario.medicareImaging();
        scenario.preRegisteredAt = null;
        Assessment assessment = scenario.assess();
        assertThat(assessment.clean()).isTrue();
        assertThat(assessment.errors()).isZero();
        assertThat(assessment.grade()).isEqualTo(Grade.A);
    }

    @Test
    void scoreIsFlooredAtZero()
    {
        Scenario scenario = Scenario.emergencyVisit();
        scenario.payments.add(scenario.payment(new BigDecimal("10"), Scenario.cdt("2026-03-10T22:31:00")));
        scenario.financialResponsibilityAt = Scenario.cdt("2026-03-10T22:29:00");
        scenario.abnSignedAt = Scenario.cdt("2026-03-10T22:29:00");
        Assessment assessment = scenario.assess();
        assertThat(assessment.criticalCount()).isEqualTo(3);
        assertThat(assessment.score()).isZero();
        assertThat(assessment.grade()).isEqualTo(Grade.F);
    }

    @Test
    void organisationCanDowngradeDisableAndReweightRules()
    {
        OrganizationConfig config = OrganizationConfigLoader.parse(Scenario.defaultConfigJson().replace("\"rules\": {}",
                "\"rules\": {\"ID-009\": {\"severity\": \"warning\", \"weight\": 7}, \"TML-001\": {\"enabled\": false}}"));
        Scenario scenario = Scenario.medicareImaging();
        scenario.phone = null;
        scenario.preRegisteredAt = null;
        Assessment assessment = scenario.assess(config);
        assertThat(assessment.findings()).extracting(Finding::ruleId).containsExactly("ID-009");
        assertThat(assessment.findings().get(0).severity()).isEqualTo(Severity.WARNING);
        assertThat(assessment.score()).isEqualTo(93);
        assertThat(assessment.clean()).isTrue();
    }

    @Test
    void assessmentCarriesWhatRatesAreGroupedBy()
    {
        Assessment assessment = Scenario.medicareImaging().assess();
        assertThat(assessment.registrarId()).isEqualTo("R017");
        assertThat(assessment.department()).isEqualTo("IMG");
        assertThat(assessment.payerId()).isEqualTo("MCR");
        assertThat(assessment.serviceDate()).hasToString("2026-03-10");
        assertThat(Scenario.selfPayClinic().assess().payerId()).isEqualTo(Assessment.SELF_PAY);
    }

    @Test
    void replayingTheSameSnapshotGivesTheSameAssessment()
    {
        Scenario scenario = Scenario.medicareImaging();
        scenario.phone = null;
        assertThat(scenario.assess()).isEqualTo(scenario.assess());
    }

    @Test
    void snapshotWithoutRegistrationCannotBeAssessed()
    {
        assertThatThrownBy(() -> RegistrationAssessor.standard(Scenario.DEFAULT_CONFIG).assess(io.admitto.qarules.snapshot.RegistrationSnapshot.empty("E1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no registration");
    }

    @Test
    void findingExplainsItselfToTheRegistrar()
    {
        Scenario scenario = Scenario.medicareImaging();
        scenario.insurances.get(0).memberId = "1EG4TE5MK7";
        Finding finding = scenario.findings("SUB-002").get(0);
        assertThat(finding.category()).isEqualTo(Category.SUBSCRIBER);
        assertThat(finding.fieldPath()).isEqualTo("insurances[0].memberId");
        assertThat(finding.valuesSeen()).contains("insurances[0].memberId = 1EG4TE5MK7");
        assertThat(finding.message()).contains("1EG4TE5MK7").contains("Original Medicare");
        assertThat(finding.remediation()).isNotBlank();
        assertThat(finding.source()).contains("MBI");
    }
}
