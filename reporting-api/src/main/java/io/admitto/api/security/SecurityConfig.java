package io.admitto.api.security;

import java.time.Duration;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * How the API authenticates. The default lets nobody in: a server must be given local users (a users file,
 * or the demo users) and/or an OIDC provider.
 *
 * @param localUsers who may log in with a password at {@code POST /api/auth/login}
 * @param oidc the OIDC provider whose bearer JWTs are accepted, if any
 * @param sessionLifetime how long a login's token and cookie are valid
 * @param secureCookies mark the session cookie {@code Secure}; required when the server is behind a TLS proxy
 * @param metricsScrapeToken a bearer token that may read {@code /api/metrics} only (for Prometheus), if any
 */
public record SecurityConfig(
        LocalUsers localUsers,
        Optional<OidcConfig> oidc,
        Duration sessionLifetime,
        boolean secureCookies,
        Optional<String> metricsScrapeToken)
{
    public static final Duration DEFAULT_SESSION_LIFETIME = Duration.ofHours(8);
    private static final int MIN_SCRAPE_TOKEN_LENGTH = 32;

    public SecurityConfig
    {
        requireNonNull(localUsers, "localUsers is null");
        requireNonNull(oidc, "oidc is null");
        requireNonNull(sessionLifetime, "sessionLifetime is null");
        requireNonNull(metricsScrapeToken, "metricsScrapeToken is null");
        metricsScrapeToken.ifPresent(token -> {
            if (token.length() < MIN_SCRAPE_TOKEN_LENGTH) {
                throw new IllegalArgumentException("the metrics scrape token must have at least " + MIN_SCRAPE_TOKEN_LENGTH + " characters");
            }
        });
    }

    /** Nobody can log in: the safe default until users or OIDC are configured. */
    public static SecurityConfig noLogins()
    {
        return new SecurityConfig(LocalUsers.none(), Optional.empty(), DEFAULT_SESSION_LIFETIME, false, Optional.empty());
    }

    /** The demo's published logins (see {@link DemoUsers}); for loopback servers over synthetic data only. */
    public static SecurityConfig demo()
    {
        return noLogins().withLocalUsers(DemoUsers.localUsers());
    }

    public boolean allowsAnyLogin()
    {
        return !localUsers.isEmpty() || oidc.isPresent();
    }

    public SecurityConfig withLocalUsers(LocalUsers localUsers)
    {
        return new SecurityConfig(localUsers, oidc, sessionLifetime, secureCookies, metricsScrapeToken);
    }

    public SecurityConfig withOidc(OidcConfig oidc)
    {
        return new SecurityConfig(localUsers, Optional.of(oidc), sessionLifetime, secureCookies, metricsScrapeToken);
    }

    public SecurityConfig withSessionLifetime(Duration sessionLifetime)
    {
        return new SecurityConfig(localUsers, oidc, sessionLifetime, secureCookies, metricsScrapeToken);
    }

    public SecurityConfig withSecureCookies(boolean secureCookies)
    {
        return new SecurityConfig(localUsers, oidc, sessionLifetime, secureCookies, metricsScrapeToken);
    }

    public SecurityConfig withMetricsScrapeToken(String metricsScrapeToken)
    {
        return new SecurityConfig(localUsers, oidc, sessionLifetime, secureCookies, Optional.of(metricsScrapeToken));
    }
}
