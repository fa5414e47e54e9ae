package io.admitto.api.security;

import java.security.Principal;

/**
 * A monitoring system holding the configured scrape token. It is not a user and has no {@link Role}: its
 * one pseudo-role {@value #ROLE} opens {@code /api/metrics} and nothing else.
 */
public record MetricsScraper()
        implements Principal
{
    public static final String ROLE = "metrics_scraper";

    @Override
    public String getName()
    {
        return "metrics-scraper";
    }
}
