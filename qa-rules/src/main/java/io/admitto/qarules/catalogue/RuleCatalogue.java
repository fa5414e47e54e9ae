package io.admitto.qarules.catalogue;

import io.admitto.qarules.Category;
import io.admitto.qarules.Severity;
import io.admitto.qarules.authorization.AuthorizationRules;
import io.admitto.qarules.clinical.ClinicalRules;
import io.admitto.qarules.compliance.ComplianceRules;
import io.admitto.qarules.compliance.EmtalaRules;
import io.admitto.qarules.config.OrganizationConfig;
import io.admitto.qarules.config.RuleSetting;
import io.admitto.qarules.coverage.CoverageRules;
import io.admitto.qarules.eligibility.EligibilityRules;
import io.admitto.qarules.financial.FinancialRules;
import io.admitto.qarules.identity.IdentityRules;
import io.admitto.qarules.rule.Rule;
import io.admitto.qarules.rule.RuleDescriptor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The rules in catalogue order (by category, then id), with the text forms the launcher and the
 * docs need: {@link #lines(OrganizationConfig)} for {@code ./admitto rules} and {@link #markdown()} for
 * {@code docs/rules.md}.
 */
public final class RuleCatalogue
{
    private final List<Rule> rules;
    private final Map<String, Rule> byId;

    public RuleCatalogue(List<Rule> rules)
    {
        this.rules = List.copyOf(requireNonNull(rules, "rules is null"));
        Map<String, Rule> index = new LinkedHashMap<>();
        for (Rule rule : this.rules) {
            if (index.put(rule.id(), rule) != null) {
                throw new IllegalArgumentException("duplicate rule id " + rule.id());
            }
        }
        this.byId = index;
    }

    /** Every rule this module ships. */
    public static RuleCatalogue standard()
    {
        List<Rule> rules = new ArrayList<>();
        rules.addAll(IdentityRules.rules());
        rules.addAll(CoverageRules.rules());
        rules.addAll(EligibilityRules.rules());
        rules.addAll(AuthorizationRules.rules());
        rules.addAll(ClinicalRules.rules());
        rules.addAll(EmtalaRules.rules());
        rules.addAll(ComplianceRules.rules());
        rules.addAll(FinancialRules.rules());
        rules.sort(java.util.Comparator.comparing((Rule rule) -> rule.descriptor().category()).thenComparing(Rule::id));
        return new RuleCatalogue(rules);
    }

    public List<Rule> rules()
    {
        return rules;
    }

    public List<RuleDescriptor> descriptors()
    {
        List<RuleDescriptor> descriptors = new ArrayList<>(rules.size());
        for (Rule rule : rules) {
            descriptors.add(rule.descriptor());
        }
        return descriptors;
    }

    public boolean contains(String ruleId)
    {
        return byId.containsKey(ruleId);
    }

    public RuleDescriptor descriptor(String ruleId)
    {
        Rule rule = byId.get(ruleId);
        if (rule == null) {
            throw new IllegalArgumentException("no such rule: " + ruleId);
        }
        return rule.descriptor();
    }

    /** The severity {@code ruleId} has under {@code config}. */
    public static Severity effectiveSeverity(RuleDescriptor descriptor, OrganizationConfig config)
    {
        RuleSetting setting = config.rule(descriptor.id());
        return setting.severity() != null ? setting.severity() : descriptor.severity();
    }

    /**
     * The active catalogue under {@code config}, one enabled rule a line: {@code id<TAB>severity<TAB>title}
     * (what {@code ./admitto rules} prints).
     */
    public List<String> lines(OrganizationConfig config)
    {
        List<String> lines = new ArrayList<>(rules.size());
        for (Rule rule : rules) {
            RuleSetting setting = config.rule(rule.id());
            if (Boolean.FALSE.equals(setting.enabled())) {
                continue;
            }
            RuleDescriptor descriptor = rule.descriptor();
            lines.add(descriptor.id() + '\t' + effectiveSeverity(descriptor, config).label() + '\t' + descriptor.title());
        }
        return lines;
    }

    /** {@code docs/rules.md}: generated from the descriptors; a test fails when the checked-in file differs. */
    public String markdown()
    {
        StringBuilder out = new StringBuilder();
        out.append("# Registration quality rules\n\n")
                .append("<!-- Generated from the qa-rules module (RuleCatalogue.markdown()); do not edit by hand.\n")
                .append("     Regenerate: mvn -pl qa-rules test -Dtest=RulesDocTest -Dadmitto.docs.write=true -->\n\n")
                .append(rules.size()).append(" rules. Severity is the default; an organisation can change it, switch a rule off or give it its own ")
                .append("score weight in its configuration (see \"Configuration\" below). A registration is **clean** (HFMA) when it has no ")
                .append("`error` or `critical` finding; warnings never make it unclean. Rules marked *heuristic* need a person to confirm the finding; ")
                .append("all others decide from the registration alone. CARCs are the X12 claim adjustment reason codes the rule helps prevent ")
                .append("(codes marked \"verify\" in `../shared/domain.md` are cited with the rule's source).\n\n")
                .append("| id | severity | category | title | CARCs |\n|---|---|---|---|---|\n");
        for (Rule rule : rules) {
            RuleDescriptor d = rule.descriptor();
            out.append("| [").append(d.id()).append("](#").append(d.id().toLowerCase(java.util.Locale.ROOT)).append(") | ").append(d.severity().label())
                    .append(" | ").append(d.category().title()).append(" | ").append(d.title()).append(d.deterministic() ? "" : " *(heuristic)*")
                    .append(" | ").append(d.carcs().isEmpty() ? "–" : String.join(", ", d.carcs())).append(" |\n");
        }
        Category current = null;
        for (Rule rule : rules) {
            RuleDescriptor d = rule.descriptor();
            if (d.category() != current) {
                current = d.category();
                out.append("\n## ").append(current.title()).append("\n");
            }
            out.append("\n### ").append(d.id()).append("\n\n")
                    .append("**").append(d.title()).append("** — ").append(d.severity().label()).append(d.deterministic() ? "" : ", heuristic").append("\n\n")
                    .append(d.rationale()).append("\n\n")
                    .append("- Source: ").append(d.source()).append("\n")
                    .append("- Prevents CARCs: ").append(d.carcs().isEmpty() ? "none (no payer consequence; compliance or operations)" : String.join(", ", d.carcs())).append("\n");
        }
        out.append("\n").append(ConfigurationDoc.MARKDOWN);
        return out.toString();
    }
}
