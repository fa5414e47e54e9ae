package io.admitto.api.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;

import static java.util.Objects.requireNonNull;

/**
 * An RFC 9457 problem detail, the body of every error response.
 *
 * @param type identifies the kind of problem; {@code about:blank} when the HTTP status says it all
 * @param title short, fixed summary of the problem type
 * @param detail what went wrong with this request, in words a client developer can act on
 * @param instance the request path the problem occurred on; absent only when the request line itself
 * could not be parsed
 * @param parameter extension member: the query parameter that was rejected, for validation problems
 */
public record Problem(
        URI type,
        String title,
        int status,
        String detail,
        @JsonInclude(JsonInclude.Include.NON_NULL) URI instance,
        @JsonInclude(JsonInclude.Include.NON_NULL) String parameter)
{
    public static final String APPLICATION_PROBLEM_JSON = "application/problem+json";
    public static final MediaType APPLICATION_PROBLEM_JSON_TYPE = MediaType.valueOf(APPLICATION_PROBLEM_JSON);

    /** Problems fully described by their HTTP status. */
    public static final URI ABOUT_BLANK = URI.create("about:blank");

    public Problem
    {
        requireNonNull(type, "type is null");
        requireNonNull(title, "title is null");
        requireNonNull(detail, "detail is null");
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("Not an error status: " + status);
        }
    }

    /** A problem whose type is its HTTP status, titled with the status' reason phrase. */
    public static Problem ofStatus(Response.StatusType status, String detail, URI instance)
    {
        return new Problem(ABOUT_BLANK, status.getReasonPhrase(), status.getStatusCode(), detail, instance, null);
    }

    public Response.ResponseBuilder toResponse()
    {
        return Response.status(status).type(APPLICATION_PROBLEM_JSON_TYPE).entity(this);
    }
}
