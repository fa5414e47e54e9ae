package io.admitto.api.security;

import io.admitto.api.problem.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Duration;

/** The problem documents of refused requests: 401 with a {@code WWW-Authenticate} challenge, 403, 429. */
final class SecurityProblems
{
    static final String CHALLENGE = "Bearer realm=\"admitto\"";

    private SecurityProblems() {}

    static Response unauthorized(ContainerRequestContext request, String detail)
    {
        return Problem.ofStatus(Response.Status.UNAUTHORIZED, detail, instance(request))
                .toResponse()
                .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE)
                .build();
    }

    static Response forbidden(ContainerRequestContext request, String detail)
    {
        return Problem.ofStatus(Response.Status.FORBIDDEN, detail, instance(request)).toResponse().build();
    }

    static Response tooManyAttempts(URI instance, Duration retryAfter)
    {
        long seconds = Math.max(1, retryAfter.toSeconds());
        return Problem.ofStatus(Response.Status.TOO_MANY_REQUESTS,
                        "Too many failed logins for this user name; try again in " + seconds + " s.", instance)
                .toResponse()
                .header(HttpHeaders.RETRY_AFTER, seconds)
                .build();
    }

    static URI instance(ContainerRequestContext request)
    {
        return URI.create(request.getUriInfo().getRequestUri().getRawPath());
    }
}
