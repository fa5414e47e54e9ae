package io.admitto.qarules.catalogue;

import io.admitto.qarules.Assessment;
import io.admitto.qarules.Finding;
import io.admitto.qarules.rule.RuleDescriptor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Per-rule precision and recall of assessments against the defects injected into them (what
 * {@code ./admitto evaluate} prints). Pure: it takes assessments and ground truth and computes; the
 * caller runs the generator and the assessor.
 *
 * @param encounters assessed encounters
 * @param defective of those, encounters with an injected defect
 * @param rules one line per catalogue rule, in catalogue order
 * @param defects per defect key ({@code DEFECT} or {@code DEFECT/detail}): encounters and how many any explaining rule caught
 * @param cleanWithErrors encounters without an injected defect that still got an error or critical finding
 */
public record Evaluation(long encounters, long defective, List<PrecisionRecall> rules, Map<String, long[]> defects, long cleanWithErrors)
{
    public Evaluation
    {
        rules = List.copyOf(rules);
        defects = Map.copyOf(defects);
    }

    public static Evaluation evaluate(RuleCatalogue catalogue, Iterable<Assessment> assessments, Iterable<InjectedDefect> injected, DefectRuleMapping mapping)
    {
        requireNonNull(catalogue, "catalogue is null");
        requireNonNull(mapping, "mapping is null");
        Map<String, InjectedDefect> byEncounter = new HashMap<>();
        for (InjectedDefect defect : injected) {
            byEncounter.put(defect.encounterId(), defect);
        }
        Map<String, long[]> counts = new LinkedHashMap<>();
        for (RuleDescriptor descriptor : catalogue.descriptors()) {
            counts.put(descriptor.id(), new long[4]); // fired, true positives, expected, detected
        }
        Map<String, long[]> defects = new LinkedHashMap<>();
        long encounters = 0;
        long defective = 0;
        long cleanWithErrors = 0;
        for (Assessment assessment : assessments) {
            encounters++;
            InjectedDefect defect = byEncounter.get(assessment.encounterId());
            DefectRuleMapping.Expectation expectation = defect == null ? mapping.expectation(null, null) : mapping.expectation(defect.defect(), defect.detail());
            Set<String> fired = new HashSet<>();
            for (Finding finding : assessment.findings()) {
                fired.add(finding.ruleId());
            }
            for (String ruleId : fired) {
                long[] count = counts.get(ruleId);
                if (count == null) {
                    continue;
                }
                count[0]++;
                if (expectation.explains(ruleId)) {
                    count[1]++;
                }
            }
            for (String ruleId : expectation.mustFire()) {
                long[] count = counts.get(ruleId);
                if (count != null) {
                    count[2]++;
                    if (fired.contains(ruleId)) {
                        count[3]++;
                    }
                }
            }
            if (defect == null) {
                if (!assessment.clean()) {
                    cleanWithErrors++;
                }
                continue;
            }
            defective++;
            // variants the mapping knows are reported apart; free-text details (a duplicate's MRN) group under the defect
            String key = defect.detail() != null && mapping.entries().containsKey(defect.defect() + "/" + defect.detail())
                    ? defect.defect() + "/" + defect.detail() : defect.defect();
            long[] detection = defects.computeIfAbsent(key, ignored -> new long[2]);
            detection[0]++;
            for (String ruleId : fired) {
                if (expectation.explains(ruleId)) {
                    detection[1]++;
                    break;
                }
            }
        }
        Set<String> mapped = new HashSet<>();
        for (DefectRuleMapping.Expectation expectation : mapping.entries().values()) {
            mapped.addAll(expectation.mustFire());
        }
        List<PrecisionRecall> rules = new ArrayList<>();
        for (RuleDescriptor descriptor : catalogue.descriptors()) {
            long[] count = counts.get(descriptor.id());
            rules.add(new PrecisionRecall(descriptor.id(), descriptor.deterministic(), mapped.contains(descriptor.id()), count[0], count[1], count[2], count[3]));
        }
        return new Evaluation(encounters, defective, rules, defects, cleanWithErrors);
    }

    /** Gated rules (deterministic, mapped to a defect) below either threshold; empty when the run passes. */
    public List<PrecisionRecall> failures(double minimumPrecision, double minimumRecall)
    {
        List<PrecisionRecall> failures = new ArrayList<>();
        for (PrecisionRecall rule : rules) {
            if (rule.gated() && (rule.precision() < minimumPrecision || rule.recall() < minimumRecall)) {
                failures.add(rule);
            }
        }
        return failures;
    }

    /** Micro-averaged over gated rules: their true positives over their firings. */
    public double overallPrecision()
    {
        long fired = 0;
        long truePositives = 0;
        for (PrecisionRecall rule : rules) {
            if (rule.gated()) {
                fired += rule.fired();
                truePositives += rule.truePositives();
            }
        }
        return fired == 0 ? 1 : (double) truePositives / fired;
    }

    /** Micro-averaged over gated rules: detected over expected. */
    public double overallRecall()
    {
        long expected = 0;
        long detected = 0;
        for (PrecisionRecall rule : rules) {
            if (rule.gated()) {
                expected += rule.expected();
                detected += rule.detected();
            }
        }
        return expected == 0 ? 1 : (double) detected / expected;
    }

    /** A table for a terminal: one rule a line, tab-separated, then the defect detection rates and the overall figures. */
    public List<String> lines()
    {
        List<String> lines = new ArrayList<>();
        lines.add("rule\tgated\tfired\tTP\tFP\texpected\tdetected\tprecision\trecall");
        for (PrecisionRecall rule : rules) {
            lines.add(rule.ruleId() + '\t' + (rule.gated() ? "yes" : rule.deterministic() ? "no" : "heuristic") + '\t' + rule.fired() + '\t'
                    + rule.truePositives() + '\t' + rule.falsePositives() + '\t' + rule.expected() + '\t' + rule.detected() + '\t'
                    + format(rule.precision()) + '\t' + (rule.mapped() ? format(rule.recall()) : "-"));
        }
        lines.add("");
        lines.add("defect\tencounters\tdetected\tdetection rate");
        defects.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> lines.add(entry.getKey() + '\t' + entry.getValue()[0] + '\t'
                + entry.getValue()[1] + '\t' + format(entry.getValue()[0] == 0 ? 1 : (double) entry.getValue()[1] / entry.getValue()[0])));
        lines.add("");
        lines.add("encounters\t" + encounters + "\tdefective\t" + defective + "\tclean with errors\t" + cleanWithErrors);
        lines.add("overall (gated rules)\tprecision\t" + format(overallPrecision()) + "\trecall\t" + format(overallRecall()));
        return lines;
    }

    private static String format(double value)
    {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
