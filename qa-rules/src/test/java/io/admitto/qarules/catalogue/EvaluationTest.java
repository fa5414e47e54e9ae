package io.admitto.qarules.catalogue;

import io.admitto.ingest.generator.DefectRates;
import io.admitto.ingest.generator.GeneratorConfig;
import io.admitto.qarules.Assessment;
import io.admitto.qarules.Finding;
import io.admitto.qarules.GeneratedHospital;
import io.admitto.qarules.RegistrationAssessor;
import io.admitto.qarules.Scenario;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules against the hospital generator's ground truth: every deterministic rule that some
 * injected defect must trigger reaches precision and recall of at least 0.99, and a run without
 * defects gets no error or critical finding. (Seeds 101 and 202 are this test's; the report's table
 * uses other seeds.)
 */
class EvaluationTest
{
    private static final RegistrationAssessor ASSESSOR = RegistrationAssessor.standard(Scenario.DEFAULT_CONFIG);

    @ParameterizedTest
    @ValueSource(longs = {101, 202})
    void deterministicRulesFindTheInjectedDefects(long seed)
    {
        GeneratedHospital hospital = GeneratedHospital.generate(GeneratorConfig.defaults(seed).withDays(7));
        List<Assessment> assessments = hospital.assess(ASSESSOR);
        Evaluation evaluation = Evaluation.evaluate(RuleCatalogue.standard(), assessments, hospital.defects, DefectRuleMapping.generatorDefects());

        assertThat(evaluation.defective()).as("the run has defects to find").isGreaterThan(300);
        assertThat(evaluation.failures(0.99, 0.99)).as(String.join("\n", evaluation.lines())).isEmpty();
        assertThat(evaluation.rules()).filteredOn(PrecisionRecall::gated).hasSizeGreaterThanOrEqualTo(18)
                .allSatisfy(rule -> assertThat(rule.expected()).as(rule.ruleId() + " was exercised").isPositive());
    }

    @ParameterizedTest
    @ValueSource(longs = {101, 202})
    void cleanRegistrationsGetNoErrors(long seed)
    {
        GeneratedHospital hospital = GeneratedHospital.generate(GeneratorConfig.defaults(seed).withDays(7).withDefectRates(DefectRates.none()));
        List<Assessment> assessments = hospital.assess(ASSESSOR);
        assertThat(assessments).hasSizeGreaterThan(2000);
        List<Finding> errors = assessments.stream().flatMap(assessment -> assessment.findings().stream())
                .filter(finding -> finding.severity().isError()).toList();
        assertThat(errors).isEmpty();
    }
}
