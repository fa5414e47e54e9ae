package io.admitto.launcher;

import io.admitto.ingest.generator.GeneratorConfig;
import io.admitto.ingest.generator.GroundTruth;
import io.admitto.ingest.generator.HospitalGenerator;
import io.admitto.qarules.Assessment;
import io.admitto.qarules.RegistrationAssessor;
import io.admitto.qarules.catalogue.DefectRuleMapping;
import io.admitto.qarules.catalogue.Evaluation;
import io.admitto.qarules.catalogue.InjectedDefect;
import io.admitto.qarules.catalogue.PrecisionRecall;
import io.admitto.qarules.catalogue.RuleCatalogue;
import io.admitto.qarules.config.OrganizationConfig;
import io.admitto.qarules.snapshot.EncounterSnapshots;
import io.admitto.qarules.snapshot.RegistrationSnapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code admitto evaluate}: how well the rules find what the generator injected. Every registered
 * encounter of a generated run is assessed and each rule's precision and recall printed against the
 * ground truth; the command fails when a deterministic rule falls below the thresholds.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Generate a health system, assess every registration and print each rule's precision and recall "
                + "against the injected defects. Exits 1 when a deterministic rule falls below --min-precision or --min-recall.")
final class EvaluateCommand implements Callable<Integer> {
    @Mixin
    GeneratorOptions generator;

    @Mixin
    OrganizationConfigOption configuration;

    @Option(names = "--min-precision", defaultValue = "0", description = "Least precision of every deterministic rule (default: ${DEFAULT-VALUE}).")
    double minPrecision;

    @Option(names = "--min-recall", defaultValue = "0", description = "Least recall of every deterministic rule (default: ${DEFAULT-VALUE}).")
    double minRecall;

    @Override
    public Integer call() throws Exception {
        if (minPrecision < 0 || minPrecision > 1 || minRecall < 0 || minRecall > 1) {
            throw new IllegalArgumentException("--min-precision and --min-recall are between 0 and 1");
        }
        Console console = new Console(System.out);
        GeneratorConfig generatorConfig = generator.toConfig();
        OrganizationConfig organization = configuration.load();

        EncounterSnapshots encounters = new EncounterSnapshots();
        GroundTruth truth = new HospitalGenerator(generatorConfig).generate(encounters::accept);
        RegistrationAssessor assessor = RegistrationAssessor.standard(organization);
        List<Assessment> assessments = new ArrayList<>();
        for (RegistrationSnapshot snapshot : encounters.registered()) {
            assessments.add(assessor.assess(snapshot));
        }
        List<InjectedDefect> injected = truth.defects().stream()
                .map(defect -> new InjectedDefect(defect.encounterId(), defect.defect().name(), defect.detail()))
                .toList();

        Evaluation evaluation = Evaluation.evaluate(RuleCatalogue.standard(), assessments, injected, DefectRuleMapping.generatorDefects());
        evaluation.lines().forEach(console::info);

        List<PrecisionRecall> failures = evaluation.failures(minPrecision, minRecall);
        for (PrecisionRecall failure : failures) {
            console.info(String.format(Locale.ROOT, "BELOW THRESHOLD\t%s\tprecision %.4f (min %.4f)\trecall %.4f (min %.4f)",
                    failure.ruleId(), failure.precision(), minPrecision, failure.recall(), minRecall));
        }
        return failures.isEmpty() ? 0 : 1;
    }
}
