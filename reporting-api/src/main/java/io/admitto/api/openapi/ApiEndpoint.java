package io.admitto.api.openapi;

import io.admitto.api.security.AccessRule;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One HTTP method on one path of the running application, as Jersey's resource model has it.
 *
 * @param path the path template, {@code /api/queue/{encounterId}}
 * @param operationId the Java class and method that serve it, {@code AuditResource.verify}
 * @param parameters path, query and header parameters, in declaration order
 * @param requestBodyType the Java type of the request body, or null when there is none
 * @param access who may call it
 */
public record ApiEndpoint(
        String method,
        String path,
        String operationId,
        List<Parameter> parameters,
        String requestBodyType,
        List<String> consumes,
        List<String> produces,
        AccessRule access)
{
    /** A request parameter; {@code in} is {@code path}, {@code query}, {@code header} or {@code cookie}. */
    public record Parameter(String name, String in, boolean required, String defaultValue) {}

    public ApiEndpoint
    {
        requireNonNull(method, "method is null");
        requireNonNull(path, "path is null");
        requireNonNull(operationId, "operationId is null");
        parameters = List.copyOf(parameters);
        consumes = List.copyOf(consumes);
        produces = List.copyOf(produces);
        requireNonNull(access, "access is null");
    }

    public boolean hasRequestBody()
    {
        return requestBodyType != null;
    }

    @Override
    public String toString()
    {
        return method + " " + path;
    }
}
