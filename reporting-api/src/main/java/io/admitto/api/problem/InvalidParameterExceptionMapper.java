package io.admitto.api.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;

import java.net.URI;

import static java.util.Objects.requireNonNull;

/** Rejected parameters become 400 problems naming the parameter. */
public final class InvalidParameterExceptionMapper
        implements ExceptionMapper<InvalidParameterException>
{
    static final URI TYPE = URI.create("urn:admitto:problem:invalid-parameter");

    private final UriInfo uriInfo;

    public InvalidParameterExceptionMapper(@Context UriInfo uriInfo)
    {
        this.uriInfo = requireNonNull(uriInfo, "uriInfo is null");
    }

    @Override
    public Response toResponse(InvalidParameterException exception)
    {
        return new Problem(
                TYPE,
                "Invalid request parameter",
                Response.Status.BAD_REQUEST.getStatusCode(),
                exception.getMessage(),
                RequestPaths.instance(uriInfo),
                exception.parameter())
                .toResponse()
                .build();
    }
}
