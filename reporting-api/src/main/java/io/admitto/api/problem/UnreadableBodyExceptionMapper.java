package io.admitto.api.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;

import static java.util.Objects.requireNonNull;

/**
 * A request body that is not JSON, or not of the expected shape, is a 400 problem. Jackson's message
 * quotes the input and names server classes, so it is not passed on. Any other Jackson failure happened
 * on the server's side and is handled like every unexpected exception.
 */
public final class UnreadableBodyExceptionMapper
        implements jakarta.ws.rs.ext.ExceptionMapper<JsonProcessingException>
{
    static final URI TYPE = URI.create("urn:admitto:problem:unreadable-body");

    private final UriInfo uriInfo;
    private final Request request;

    public UnreadableBodyExceptionMapper(@Context UriInfo uriInfo, @Context Request request)
    {
        this.uriInfo = requireNonNull(uriInfo, "uriInfo is null");
        this.request = requireNonNull(request, "request is null");
    }

    @Override
    public Response toResponse(JsonProcessingException exception)
    {
        if (exception instanceof JsonParseException || exception instanceof MismatchedInputException) {
            return new Problem(TYPE, "Unreadable request body", 400,
                    "The request body is not JSON of the shape this endpoint expects.", RequestPaths.instance(uriInfo), null)
                    .toResponse()
                    .build();
        }
        return new UnhandledExceptionMapper(uriInfo, request).toResponse(exception);
    }
}
