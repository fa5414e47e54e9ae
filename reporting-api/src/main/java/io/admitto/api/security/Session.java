package io.admitto.api.security;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * A signed-in user's server-side session: what a bearer token or the session cookie stands for.
 *
 * @param csrfToken the value a cookie-authenticated browser must echo in {@value SessionCookie#CSRF_HEADER}
 * on unsafe methods; a cross-site page cannot read it, so it cannot forge such a request
 */
public record Session(User user, Instant expiresAt, String csrfToken)
{
    public Session
    {
        requireNonNull(user, "user is null");
        requireNonNull(expiresAt, "expiresAt is null");
        requireNonNull(csrfToken, "csrfToken is null");
    }
}
