package io.admitto.qarules.config;

import io.admitto.qarules.Severity;

/**
 * The organisation's override of one rule: switch it off, change its severity or its score weight.
 * Null fields keep the catalogue's default.
 */
public record RuleSetting(Boolean enabled, Severity severity, Integer weight)
{
    public static final RuleSetting DEFAULT = new RuleSetting(null, null, null);
}
