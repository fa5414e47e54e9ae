package io.admitto.api.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Answers a {@link ProblemException} with its problem document and headers. */
public final class ProblemExceptionMapper
        implements ExceptionMapper<ProblemException>
{
    @Override
    public Response toResponse(ProblemException exception)
    {
        Response.ResponseBuilder response = exception.problem().toResponse();
        exception.headers().forEach(response::header);
        return response.build();
    }
}
