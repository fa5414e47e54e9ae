package io.admitto.qarules;

import io.admitto.events.Insurance;
import io.admitto.events.RegistrationEvent;
import io.admitto.qarules.catalogue.RuleCatalogue;
import io.admitto.qarules.config.ConfigException;
import io.admitto.qarules.config.OrganizationConfig;
import io.admitto.qarules.config.RuleSetting;
import io.admitto.qarules.rule.FindingSink;
import io.admitto.qarules.rule.Rule;
import io.admitto.qarules.rule.RuleContext;
import io.admitto.qarules.rule.RuleDescriptor;
import io.admitto.qarules.snapshot.RegistrationSnapshot;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Runs the enabled rules of a catalogue over a snapshot, under one organisation's configuration, and
 * scores the result. Immutable and thread-safe; build one per configuration and reuse it.
 */
public final class RegistrationAssessor
{
    private final OrganizationConfig config;
    private final BoundRule[] rules;

    /** A rule with the organisation's severity and weight applied. */
    private record BoundRule(Rule rule, Severity severity, int weight) {}

    public RegistrationAssessor(RuleCatalogue catalogue, OrganizationConfig config)
    {
        requireNonNull(catalogue, "catalogue is null");
        this.config = requireNonNull(config, "config is null");
        for (String ruleId : config.rules().keySet()) {
            if (!catalogue.contains(ruleId)) {
                throw new ConfigException("rules." + ruleId, "no such rule in the catalogue");
            }
        }
        List<BoundRule> bound = new ArrayList<>();
        for (Rule rule : catalogue.rules()) {
            RuleSetting setting = config.rule(rule.id());
            if (Boolean.FALSE.equals(setting.enabled())) {
                continue;
            }
            Severity severity = RuleCatalogue.effectiveSeverity(rule.descriptor(), config);
            int weight = setting.weight() != null ? setting.weight() : config.scoring().weight(severity);
            bound.add(new BoundRule(rule, severity, weight));
        }
        this.rules = bound.toArray(new BoundRule[0]);
    }

    /** The standard catalogue under {@code config}. */
    public static RegistrationAssessor standard(OrganizationConfig config)
    {
        return new RegistrationAssessor(RuleCatalogue.standard(), config);
    }

    public OrganizationConfig config()
    {
        return config;
    }

    /**
     * Assesses the registration as of the snapshot's instant.
     *
     * @throws IllegalArgumentException when the snapshot has no registration event yet
     */
    public Assessment assess(RegistrationSnapshot snapshot)
    {
        requireNonNull(snapshot, "snapshot is null");
        if (snapshot.registration() == null) {
            throw new IllegalArgumentException("encounter " + snapshot.encounterId() + " has no registration to assess yet");
        }
        RuleContext context = new RuleContext(snapshot, config);
        Collector collector = new Collector();
        for (BoundRule bound : rules) {
            collector.current = bound;
            bound.rule().check(context, collector);
        }
        RegistrationEvent registration = snapshot.registration();
        Insurance primary = context.primary();
        String payerId = primary == null || !context.insured(primary) ? Assessment.SELF_PAY : primary.payerId();
        int score = Math.max(0, 100 - collector.deducted);
        List<Finding> findings = collector.findings == null ? List.of() : collector.findings;
        return new Assessment(snapshot.encounterId(), registration.facilityId(), snapshot.registrarId(), registration.department(), payerId,
                context.serviceDate(), snapshot.asOf(), score, config.scoring().grade(score), collector.critical + collector.errors == 0,
                collector.critical, collector.errors, collector.warnings, findings);
    }

    /** Collects one assessment's findings; allocates only when a rule reports. */
    private static final class Collector
            implements FindingSink
    {
        BoundRule current;
        List<Finding> findings;
        int deducted;
        int critical;
        int errors;
        int warnings;

        @Override
        public void report(String fieldPath, List<String> valuesSeen, String message, String remediation)
        {
            report(fieldPath, valuesSeen, message, remediation, current.rule().descriptor().carcs());
        }

        @Override
        public void report(String fieldPath, List<String> valuesSeen, String message, String remediation, List<String> predictedCarcs)
        {
            RuleDescriptor descriptor = current.rule().descriptor();
            if (findings == null) {
                findings = new ArrayList<>(4);
            }
            findings.add(new Finding(descriptor.id(), descriptor.category(), current.severity(), fieldPath, valuesSeen, message, remediation,
                    predictedCarcs, descriptor.source()));
            deducted += current.weight();
            switch (current.severity()) {
                case CRITICAL -> critical++;
                case ERROR -> errors++;
                case WARNING -> warnings++;
            }
        }
    }
}
