package io.admitto.qarules;

import org.junit.jupiter.api.Test;

import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The starting points of the rule specifications are clean, so each specification changes exactly what it is about. */
class ScenarioTest
{
    @Test
    void medicareImagingIsClean()
    {
        assertNoFindings(Scenario::medicareImaging);
    }

    @Test
    void commercialImagingWithAuthorizationIsClean()
    {
        assertNoFindings(Scenario::commercialImaging);
    }

    @Test
    void emergencyVisitIsClean()
    {
        assertNoFindings(Scenario::emergencyVisit);
    }

    @Test
    void selfPayClinicIsClean()
    {
        assertNoFindings(Scenario::selfPayClinic);
    }

    private static void assertNoFindings(Supplier<Scenario> scenario)
    {
        Assessment assessment = scenario.get().assess();
        assertThat(assessment.findings()).isEmpty();
        assertThat(assessment.clean()).isTrue();
        assertThat(assessment.score()).isEqualTo(100);
    }
}
