package io.admitto.api.security;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Finds who is calling and puts them in the request's {@link jakarta.ws.rs.core.SecurityContext}; whether
 * they may call the endpoint is {@link AccessControlFeature}'s decision. In order:
 * <ol>
 * <li>{@code Authorization: Bearer <token>}: the metrics scrape token, an OIDC JWT (when OIDC is configured)
 * or a session token from {@code POST /api/auth/login}. A bearer token that is not valid is refused with
 * 401 at once rather than treated as anonymous, so a client learns its token expired.</li>
 * <li>the session cookie: a browser. Unsafe methods must echo the session's CSRF token in
 * {@value SessionCookie#CSRF_HEADER} (403 otherwise). A stale cookie counts as no cookie, so the login
 * page still works.</li>
 * <li>otherwise the request is anonymous.</li>
 * </ol>
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public final class AuthenticationFilter
        implements ContainerRequestFilter
{
    private static final String BEARER_PREFIX = "bearer ";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final SessionStore sessions;
    private final Optional<OidcTokenVerifier> oidc;
    private final Optional<byte[]> metricsScrapeToken;

    public AuthenticationFilter(SessionStore sessions, Optional<OidcTokenVerifier> oidc, Optional<String> metricsScrapeToken)
    {
        this.sessions = requireNonNull(sessions, "sessions is null");
        this.oidc = requireNonNull(oidc, "oidc is null");
        this.metricsScrapeToken = metricsScrapeToken.map(token -> token.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void filter(ContainerRequestContext request)
    {
        boolean secure = request.getSecurityContext().isSecure();
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            if (!authorization.toLowerCase(Locale.ROOT).startsWith(BEARER_PREFIX)) {
                request.abortWith(SecurityProblems.unauthorized(request, "Only Bearer credentials are accepted."));
                return;
            }
            String token = authorization.substring(BEARER_PREFIX.length()).strip();
            if (isMetricsScrapeToken(token)) {
                request.setSecurityContext(new UserSecurityContext(new MetricsScraper(), secure, UserSecurityContext.BEARER_AUTH));
                return;
            }
            if (oidc.isPresent() && OidcTokenVerifier.looksLikeJwt(token)) {
                try {
                    User user = oidc.get().verify(token);
                    request.setSecurityContext(new UserSecurityContext(user, secure, UserSecurityContext.BEARER_AUTH));
                }
                catch (OidcTokenVerifier.InvalidTokenException e) {
                    request.abortWith(SecurityProblems.unauthorized(request, e.getMessage()));
                }
                return;
            }
            Optional<Session> session = sessions.find(token);
            if (session.isEmpty()) {
                request.abortWith(SecurityProblems.unauthorized(request, "The bearer token is unknown or expired: log in again."));
                return;
            }
            request.setSecurityContext(new UserSecurityContext(session.get().user(), secure, UserSecurityContext.BEARER_AUTH));
            return;
        }
        Cookie cookie = request.getCookies().get(SessionCookie.NAME);
        if (cookie == null || cookie.getValue().isEmpty()) {
            return;
        }
        Optional<Session> session = sessions.find(cookie.getValue());
        if (session.isEmpty()) {
            return;
        }
        if (!SAFE_METHODS.contains(request.getMethod()) && !csrfTokenMatches(request, session.get())) {
            request.abortWith(SecurityProblems.forbidden(request,
                    "A request authenticated by the session cookie must carry the session's CSRF token in " + SessionCookie.CSRF_HEADER + "."));
            return;
        }
        request.setSecurityContext(new UserSecurityContext(session.get().user(), secure, UserSecurityContext.SESSION_COOKIE_AUTH));
    }

    private boolean isMetricsScrapeToken(String token)
    {
        return metricsScrapeToken.isPresent()
                && MessageDigest.isEqual(metricsScrapeToken.get(), token.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean csrfTokenMatches(ContainerRequestContext request, Session session)
    {
        String sent = request.getHeaderString(SessionCookie.CSRF_HEADER);
        return sent != null && MessageDigest.isEqual(
                sent.getBytes(StandardCharsets.UTF_8),
                session.csrfToken().getBytes(StandardCharsets.UTF_8));
    }
}
