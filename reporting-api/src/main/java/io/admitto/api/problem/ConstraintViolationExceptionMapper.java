package io.admitto.api.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.Comparator;
import java.util.Iterator;

import static java.util.Objects.requireNonNull;

/**
 * Bean Validation failures on request parameters and bodies become the same 400 problem as
 * {@link InvalidParameterException}: the first violated parameter (by name, so the answer is stable) and
 * what it must be. The rejected value is not echoed; it may be long or hostile.
 */
public final class ConstraintViolationExceptionMapper
        implements jakarta.ws.rs.ext.ExceptionMapper<ConstraintViolationException>
{
    private final UriInfo uriInfo;

    public ConstraintViolationExceptionMapper(@Context UriInfo uriInfo)
    {
        this.uriInfo = requireNonNull(uriInfo, "uriInfo is null");
    }

    @Override
    public Response toResponse(ConstraintViolationException exception)
    {
        ConstraintViolation<?> first = exception.getConstraintViolations().stream()
                .min(Comparator.comparing(violation -> parameterName(violation.getPropertyPath())))
                .orElse(null);
        String parameter = first == null ? "request" : parameterName(first.getPropertyPath());
        String detail = first == null ? "The request is invalid." : parameter + " " + first.getMessage() + ".";
        return new Problem(
                InvalidParameterExceptionMapper.TYPE,
                "Invalid request parameter",
                Response.Status.BAD_REQUEST.getStatusCode(),
                detail,
                RequestPaths.instance(uriInfo),
                parameter)
                .toResponse()
                .build();
    }

    /** The last named node of {@code method.bean.field}: the field, which is named like its parameter. */
    private static String parameterName(Path path)
    {
        String name = "request";
        Iterator<Path.Node> nodes = path.iterator();
        while (nodes.hasNext()) {
            Path.Node node = nodes.next();
            // container elements are named like "<list element>": the parameter is the list's name
            if (node.getName() != null && !node.getName().startsWith("<")) {
                name = node.getName();
            }
        }
        return name;
    }
}
