package io.admitto.qarules.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * A payer's member-ID format. Checked on every insured registration, so each thread keeps one
 * {@link Matcher} and resets it instead of allocating a new one per check; the matchers belong to this
 * instance (one configuration), not to a static.
 */
public final class MemberIdPattern
{
    private final Pattern pattern;
    private final ThreadLocal<Matcher> matchers;

    public MemberIdPattern(Pattern pattern)
    {
        this.pattern = requireNonNull(pattern, "pattern is null");
        this.matchers = ThreadLocal.withInitial(() -> pattern.matcher(""));
    }

    public Pattern pattern()
    {
        return pattern;
    }

    public boolean matches(String memberId)
    {
        return memberId != null && matchers.get().reset(memberId).matches();
    }

    @Override
    public boolean equals(Object other)
    {
        return other instanceof MemberIdPattern that && pattern.pattern().equals(that.pattern.pattern()) && pattern.flags() == that.pattern.flags();
    }

    @Override
    public int hashCode()
    {
        return pattern.pattern().hashCode();
    }

    @Override
    public String toString()
    {
        return pattern.pattern();
    }
}
