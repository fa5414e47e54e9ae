package io.admitto.api.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.admitto.api.problem.Problem;
import org.glassfish.grizzly.http.server.ErrorPageGenerator;
import org.glassfish.grizzly.http.server.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URISyntaxException;

import static java.util.Objects.requireNonNull;

/**
 * Errors that happen in Grizzly before Jersey sees the request also become problem documents. Grizzly's
 * own error page is HTML with the exception's stack trace, and a request URI with a malformed
 * percent-escape ({@code /%zz}) fails there as a 500 although it is the client's mistake: it is a 400 here.
 */
final class ProblemErrorPageGenerator
        implements ErrorPageGenerator
{
    private static final Logger log = LoggerFactory.getLogger(ProblemErrorPageGenerator.class);

    private final ObjectMapper mapper;

    ProblemErrorPageGenerator(ObjectMapper mapper)
    {
        this.mapper = requireNonNull(mapper, "mapper is null");
    }

    @Override
    public String generate(Request request, int status, String reasonPhrase, String description, Throwable exception)
    {
        Problem problem;
        if (isMalformedUri(exception)) {
            request.getResponse().setStatus(400, "Bad Request");
            problem = new Problem(Problem.ABOUT_BLANK, "Bad Request", 400,
                    "The request URI is malformed: check its percent-escapes and characters.", null, null);
        }
        else {
            if (exception != null) {
                log.error("Request {} {} failed before reaching the application", request.getMethod(), request.getRequestURI(), exception);
            }
            int errorStatus = status >= 400 && status <= 599 ? status : 500;
            problem = new Problem(Problem.ABOUT_BLANK, reasonPhrase == null ? "Error" : reasonPhrase, errorStatus,
                    errorStatus >= 500 ? "The server could not complete the request." : "The request could not be processed.", null, null);
        }
        // Grizzly sets text/html only when no content type is set yet.
        request.getResponse().setContentType(Problem.APPLICATION_PROBLEM_JSON);
        try {
            return mapper.writeValueAsString(problem);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize a problem document", e);
        }
    }

    private static boolean isMalformedUri(Throwable exception)
    {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof URISyntaxException) {
                return true;
            }
        }
        return false;
    }
}
