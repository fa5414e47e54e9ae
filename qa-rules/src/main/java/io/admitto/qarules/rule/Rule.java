package io.admitto.qarules.rule;

import static java.util.Objects.requireNonNull;

/**
 * A registration quality rule: a descriptor and a check. Checks are pure functions of the
 * {@link RuleContext} (the snapshot, its derived facts and the organisation's configuration); they
 * report problems to the {@link FindingSink} and allocate nothing when the registration passes.
 */
public interface Rule
{
    RuleDescriptor descriptor();

    void check(RuleContext context, FindingSink findings);

    default String id()
    {
        return descriptor().id();
    }

    @FunctionalInterface
    interface Check
    {
        void check(RuleContext context, FindingSink findings);
    }

    static Rule of(RuleDescriptor descriptor, Check check)
    {
        return new CheckedRule(descriptor, check);
    }

    record CheckedRule(RuleDescriptor descriptor, Check check)
            implements Rule
    {
        public CheckedRule
        {
            requireNonNull(descriptor, "descriptor is null");
            requireNonNull(check, "check is null");
        }

        @Override
        public void check(RuleContext context, FindingSink findings)
        {
            check.check(context, findings);
        }

        @Override
        public String toString()
        {
            return descriptor.id();
        }
    }
}
