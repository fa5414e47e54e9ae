package io.admitto.api.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;

import static java.util.Objects.requireNonNull;

/**
 * Turns the HTTP errors that JAX-RS raises itself (no matching resource, method not allowed, unacceptable
 * media type, ...) into problem documents instead of Jersey's empty or HTML bodies. Their messages are
 * Jersey's and may describe internals, so the detail is written here from the status alone.
 */
public final class WebApplicationExceptionMapper
        implements ExceptionMapper<WebApplicationException>
{
    private static final Logger log = LoggerFactory.getLogger(WebApplicationExceptionMapper.class);

    private final UriInfo uriInfo;
    private final Request request;

    public WebApplicationExceptionMapper(@Context UriInfo uriInfo, @Context Request request)
    {
        this.uriInfo = requireNonNull(uriInfo, "uriInfo is null");
        this.request = requireNonNull(request, "request is null");
    }

    @Override
    public Response toResponse(WebApplicationException exception)
    {
        Response original = exception.getResponse();
        if (original.getEntity() instanceof Problem) {
            // Already written for the client by our own code.
            return original;
        }
        Response.StatusType status = original.getStatusInfo();
        URI instance = RequestPaths.instance(uriInfo);
        if (status.getFamily() == Response.Status.Family.SERVER_ERROR) {
            log.error("Request {} {} failed", request.getMethod(), instance, exception);
        }
        Response.ResponseBuilder response = Problem.ofStatus(status, detail(status, instance), instance).toResponse();
        // 405 must say which methods are allowed.
        String allow = original.getHeaderString(HttpHeaders.ALLOW);
        if (allow != null) {
            response.header(HttpHeaders.ALLOW, allow);
        }
        return response.build();
    }

    private String detail(Response.StatusType status, URI instance)
    {
        return switch (status.getStatusCode()) {
            case 404 -> "No resource at " + instance + ".";
            case 405 -> "Method " + request.getMethod() + " is not supported by " + instance + ".";
            case 406 -> "None of the media types in the Accept header can be produced by " + instance + ".";
            case 415 -> "The request's Content-Type is not supported by " + instance + ".";
            case 413 -> "The request body is too large.";
            default -> status.getFamily() == Response.Status.Family.SERVER_ERROR
                    ? "The server could not complete the request."
                    : "The request could not be processed.";
        };
    }
}
