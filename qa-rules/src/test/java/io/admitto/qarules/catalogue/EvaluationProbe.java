package io.admitto.qarules.catalogue;

import io.admitto.ingest.generator.DefectRates;
import io.admitto.ingest.generator.GeneratorConfig;
import io.admitto.qarules.Assessment;
import io.admitto.qarules.GeneratedHospital;
import io.admitto.qarules.RegistrationAssessor;
import io.admitto.qarules.config.OrganizationConfigLoader;

import java.util.List;

/** Prints the evaluation table for a seed: {@code java ... EvaluationProbe SEED DAYS [clean]}. A development tool, not a test. */
public final class EvaluationProbe
{
    private EvaluationProbe() {}

    public static void main(String[] args)
    {
        long seed = Long.parseLong(args[0]);
        int days = Integer.parseInt(args[1]);
        GeneratorConfig config = GeneratorConfig.defaults(seed).withDays(days);
        if (args.length > 2) {
            config = config.withDefectRates(DefectRates.none());
        }
        GeneratedHospital hospital = GeneratedHospital.generate(config);
        RegistrationAssessor assessor = RegistrationAssessor.standard(OrganizationConfigLoader.loadDefault());
        List<Assessment> assessments = hospital.assess(assessor);
        Evaluation evaluation = Evaluation.evaluate(RuleCatalogue.standard(), assessments, hospital.defects, DefectRuleMapping.generatorDefects());
        evaluation.lines().forEach(System.out::println);
        if (args.length > 3) {
            String rule = args[3];
            assessments.stream().flatMap(a -> a.findings().stream().filter(f -> f.ruleId().equals(rule)).map(f -> a.encounterId() + " " + f))
                    .limit(10).forEach(System.out::println);
        }
    }
}
