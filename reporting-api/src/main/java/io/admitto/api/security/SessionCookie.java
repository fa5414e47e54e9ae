package io.admitto.api.security;

import jakarta.ws.rs.core.NewCookie;

import java.time.Duration;
import java.time.Instant;

/**
 * The browser's form of a session token: {@code HttpOnly} (scripts cannot read it), {@code SameSite=Strict}
 * (other sites' pages do not send it) and {@code Secure} when the server is reached over TLS. Unsafe methods
 * authenticated by it must also carry the session's CSRF token in {@value #CSRF_HEADER}.
 */
public final class SessionCookie
{
    public static final String NAME = "admitto_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";

    private SessionCookie() {}

    static NewCookie issue(String token, Instant expiresAt, Instant now, boolean secure)
    {
        return cookie(token, (int) Math.max(0, Duration.between(now, expiresAt).toSeconds()), secure);
    }

    static NewCookie expire(boolean secure)
    {
        return cookie("", 0, secure);
    }

    private static NewCookie cookie(String value, int maxAgeSeconds, boolean secure)
    {
        return new NewCookie.Builder(NAME)
                .value(value)
                .path("/")
                .maxAge(maxAgeSeconds)
                .httpOnly(true)
                .secure(secure)
                .sameSite(NewCookie.SameSite.STRICT)
                .build();
    }
}
