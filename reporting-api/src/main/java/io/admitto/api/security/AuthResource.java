package io.admitto.api.security;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.admitto.api.problem.InvalidParameterException;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code /api/auth}: log in with a local user's password, log out, and who am I.
 *
 * <p>A login answers with a bearer token (for API clients) and sets the same session as an HttpOnly,
 * SameSite=Strict cookie (for the dashboards). The body also carries the session's CSRF token, which a
 * page using the cookie sends back in {@value SessionCookie#CSRF_HEADER} on unsafe methods. The login
 * itself accepts only {@code application/json}, which a cross-site form cannot send.
 */
@Path("/api/auth")
public final class AuthResource
{
    private static final Logger log = LoggerFactory.getLogger(AuthResource.class);
    private static final int MAX_CREDENTIAL_LENGTH = 256;

    private final SecurityConfig config;
    private final SessionStore sessions;
    private final LoginThrottle throttle;
    private final Clock clock;

    /** The body of {@code POST /api/auth/login}. */
    public record LoginRequest(String username, String password) {}

    /**
     * The signed-in user.
     *
     * @param token the bearer token (login only)
     * @param expiresAt when the session ends (password sessions only)
     * @param csrfToken echo it in {@value SessionCookie#CSRF_HEADER} when using the cookie (password sessions only)
     */
    public record SignedIn(
            String user,
            List<String> roles,
            String authentication,
            @JsonInclude(JsonInclude.Include.NON_NULL) String token,
            @JsonInclude(JsonInclude.Include.NON_NULL) String tokenType,
            @JsonInclude(JsonInclude.Include.NON_NULL) Instant expiresAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) String csrfToken) {}

    @Inject
    public AuthResource(SecurityConfig config, SessionStore sessions, LoginThrottle throttle, Clock clock)
    {
        this.config = requireNonNull(config, "config is null");
        this.sessions = requireNonNull(sessions, "sessions is null");
        this.throttle = requireNonNull(throttle, "throttle is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @POST
    @Path("login")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response login(LoginRequest login, @Context UriInfo uriInfo)
    {
        String username = required(login == null ? null : login.username(), "username");
        String password = required(login.password(), "password");
        URI instance = URI.create(uriInfo.getRequestUri().getRawPath());
        Optional<Duration> locked = throttle.lockRemaining(username);
        if (locked.isPresent()) {
            return SecurityProblems.tooManyAttempts(instance, locked.get());
        }
        Optional<User> user = config.localUsers().authenticate(username, password.toCharArray());
        if (user.isEmpty()) {
            throttle.failed(username);
            log.warn("Failed login for user name {}", username);
            return io.admitto.api.problem.Problem.ofStatus(Response.Status.UNAUTHORIZED, "The user name or password is wrong.", instance)
                    .toResponse()
                    .header(HttpHeaders.WWW_AUTHENTICATE, SecurityProblems.CHALLENGE)
                    .build();
        }
        throttle.succeeded(username);
        SessionStore.IssuedSession issued = sessions.open(user.get());
        log.info("User {} logged in", user.get().name());
        Session session = issued.session();
        return Response.ok(new SignedIn(session.user().name(), roleNames(session.user()), "password", issued.token(), "Bearer",
                        session.expiresAt(), session.csrfToken()))
                .cookie(SessionCookie.issue(issued.token(), session.expiresAt(), clock.instant(), config.secureCookies()))
                .build();
    }

    /** Ends the session of the bearer token or cookie that authenticated the request, and clears the cookie. */
    @POST
    @Path("logout")
    @RolesAllowed({Role.QA_REVIEWER_NAME, Role.LEADERSHIP_NAME, Role.ANALYST_NAME, Role.ADMIN_NAME})
    public Response logout(@Context HttpHeaders headers)
    {
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.length() > "Bearer ".length()) {
            sessions.close(authorization.substring("Bearer ".length()).strip());
        }
        Cookie cookie = headers.getCookies().get(SessionCookie.NAME);
        if (cookie != null) {
            sessions.close(cookie.getValue());
        }
        return Response.noContent().cookie(SessionCookie.expire(config.secureCookies())).build();
    }

    @GET
    @Path("me")
    @RolesAllowed({Role.QA_REVIEWER_NAME, Role.LEADERSHIP_NAME, Role.ANALYST_NAME, Role.ADMIN_NAME})
    @Produces(MediaType.APPLICATION_JSON)
    public SignedIn me(@Context SecurityContext security, @Context HttpHeaders headers)
    {
        User user = User.of(security);
        Optional<Session> session = Optional.empty();
        if (UserSecurityContext.SESSION_COOKIE_AUTH.equals(security.getAuthenticationScheme())) {
            session = sessions.find(headers.getCookies().get(SessionCookie.NAME).getValue());
        }
        return new SignedIn(user.name(), roleNames(user), user.authentication().name().toLowerCase(java.util.Locale.ROOT), null, null,
                session.map(Session::expiresAt).orElse(null), session.map(Session::csrfToken).orElse(null));
    }

    private static List<String> roleNames(User user)
    {
        return user.roles().stream().map(Role::wireName).sorted().toList();
    }

    private static String required(String value, String field)
    {
        if (value == null || value.isEmpty()) {
            throw new InvalidParameterException(field, "The login body must be JSON {\"username\": ..., \"password\": ...}; " + field + " is missing.");
        }
        if (value.length() > MAX_CREDENTIAL_LENGTH) {
            throw new InvalidParameterException(field, field + " is longer than " + MAX_CREDENTIAL_LENGTH + " characters.");
        }
        return value;
    }
}
