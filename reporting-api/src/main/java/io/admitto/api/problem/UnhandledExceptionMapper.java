package io.admitto.api.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * Any other failure is a 500 whose detail carries only an incident id; the exception, which may reveal
 * SQL, file paths or stack frames, goes to the log under the same id so support can find it.
 */
public final class UnhandledExceptionMapper
        implements ExceptionMapper<Throwable>
{
    private static final Logger log = LoggerFactory.getLogger(UnhandledExceptionMapper.class);

    private final UriInfo uriInfo;
    private final Request request;

    public UnhandledExceptionMapper(@Context UriInfo uriInfo, @Context Request request)
    {
        this.uriInfo = requireNonNull(uriInfo, "uriInfo is null");
        this.request = requireNonNull(request, "request is null");
    }

    @Override
    public Response toResponse(Throwable exception)
    {
        String incident = UUID.randomUUID().toString();
        URI instance = RequestPaths.instance(uriInfo);
        log.error("Incident {}: request {} {} failed", incident, request.getMethod(), instance, exception);
        return Problem.ofStatus(
                        Response.Status.INTERNAL_SERVER_ERROR,
                        "The server could not complete the request (incident " + incident + ").",
                        instance)
                .toResponse()
                .build();
    }
}
