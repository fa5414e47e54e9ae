package io.admitto.qarules.rule;

import io.admitto.qarules.Category;
import io.admitto.qarules.Severity;

import java.util.List;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * What a rule is, for the catalogue and the docs: id, title, category, default severity, why it
 * exists and on what authority, and the denials (X12 CARC) it prevents.
 *
 * @param deterministic the rule decides from the registration alone; false for heuristics (such as a
 *        suspected duplicate record) whose findings a person must confirm
 */
public record RuleDescriptor(
        String id,
        String title,
        Category category,
        Severity severity,
        String rationale,
        String source,
        List<String> carcs,
        boolean deterministic)
{
    private static final Pattern ID = Pattern.compile("[A-Z]{2,4}-[0-9]{3}");

    public RuleDescriptor
    {
        requireNonNull(id, "id is null");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("rule id must look like ABC-001: " + id);
        }
        requireNonNull(title, "title is null");
        requireNonNull(category, "category is null");
        requireNonNull(severity, "severity is null");
        requireNonNull(rationale, "rationale is null");
        requireNonNull(source, "source is null");
        carcs = List.copyOf(carcs);
    }

    public static Builder rule(String id, Category category, Severity severity, String title)
    {
        return new Builder(id, category, severity, title);
    }

    /** Reads like the catalogue entry it produces. */
    public static final class Builder
    {
        private final String id;
        private final Category category;
        private final Severity severity;
        private final String title;
        private String rationale = "";
        private String source = "";
        private List<String> carcs = List.of();
        private boolean deterministic = true;

        private Builder(String id, Category category, Severity severity, String title)
        {
            this.id = id;
            this.category = category;
            this.severity = severity;
            this.title = title;
        }

        public Builder because(String rationale)
        {
            this.rationale = rationale;
            return this;
        }

        public Builder source(String source)
        {
            this.source = source;
            return this;
        }

        public Builder prevents(String... carcs)
        {
            this.carcs = List.of(carcs);
            return this;
        }

        public Builder heuristic()
        {
            this.deterministic = false;
            return this;
        }

        public Rule checkedBy(Rule.Check check)
        {
            return Rule.of(new RuleDescriptor(id, title, category, severity, rationale, source, carcs, deterministic), check);
        }
    }
}
