package io.admitto.qarules.compliance;

import io.admitto.qarules.Assessment;
import io.admitto.qarules.Finding;
import io.admitto.qarules.Scenario;
import io.admitto.qarules.Severity;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class EmtalaRulesTest
{
    private final Scenario scenario = Scenario.emergencyVisit();

    @Test
    void paymentAtDischargePasses()
    {
        assertThat(scenario.findings("EMT-001")).isEmpty();
    }

    @Test
    void paymentBeforeTheScreeningExamIsCritical()
    {
        scenario.payments.add(scenario.payment(new BigDecimal("150.00"), Scenario.cdt("2026-03-10T22:32:00")));
        Assessment assessment = scenario.assess();
        assertThat(assessment.findings()).filteredOn(finding -> finding.ruleId().equals("EMT-001")).singleElement().satisfies(finding -> {
            assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(finding.predictedCarcs()).isEmpty();
            assertThat(finding.source()).contains("42 CFR 489.24(d)(4)");
        });
        assertThat(assessment.clean()).isFalse();
        assertThat(assessment.criticalCount()).isEqualTo(1);
    }

    @Test
    void paymentAtTheSameInstantAsTheScreeningExamIsNotBeforeIt()
    {
        scenario.payments.add(scenario.payment(new BigDecimal("150.00"), scenario.screeningAt));
        assertThat(scenario.findings("EMT-001")).isEmpty();
    }

    @Test
    void paymentWhileNoScreeningExamIsRecordedYetIsCritical()
    {
        scenario.payments.add(scenario.payment(new BigDecimal("150.00"), Scenario.cdt("2026-03-10T22:32:00")));
        scenario.asOf = Scenario.cdt("2026-03-10T22:40:00").toInstant();
        assertThat(scenario.findings("EMT-001")).singleElement().extracting(Finding::message).asString().contains("no screening exam is recorded");
    }

    @Test
    void comparesInstantsNotLocalTimesAcrossOffsets()
    {
        // a payment stamped 22:45 at -06:00 is 23:45 at -05:00: after the 22:50 (-05:00) screening exam, whatever the local clock reads
        scenario.payments.add(scenario.payment(new BigDecimal("150.00"), java.time.OffsetDateTime.parse("2026-03-10T22:45:00-06:00")));
        assertThat(scenario.findings("EMT-001")).isEmpty();
    }

    @Test
    void financialFormBeforeScreeningIsCritical()
    {
        scenario.financialResponsibilityAt = Scenario.cdt("2026-03-10T22:28:00");
        assertThat(scenario.findings("EMT-002")).singleElement().extracting(Finding::severity).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void financialFormAfterScreeningPasses()
    {
        scenario.financialResponsibilityAt = Scenario.cdt("2026-03-10T23:30:00");
        assertThat(scenario.findings("EMT-002")).isEmpty();
    }

    @Test
    void abnBeforeScreeningIsCritical()
    {
        scenario.abnSignedAt = Scenario.cdt("2026-03-10T22:28:00");
        assertThat(scenario.findings("EMT-003")).hasSize(1);
    }

    @Test
    void authorizationRequestBeforeScreeningIsCritical()
    {
        scenario.authorizationRequests.add(scenario.authorizationRequest(Scenario.cdt("2026-03-10T22:35:00")));
        assertThat(scenario.findings("EMT-004")).hasSize(1);
    }

    @Test
    void outpatientPaymentsAtCheckInAreNotEmtalaMatters()
    {
        Scenario clinic = Scenario.selfPayClinic();
        clinic.payments.add(clinic.payment(new BigDecimal("20.00"), Scenario.cdt("2026-03-10T08:31:00")));
        assertThat(clinic.findings("EMT-001")).isEmpty();
    }
}
