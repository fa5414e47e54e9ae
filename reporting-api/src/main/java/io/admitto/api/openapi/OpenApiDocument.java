package io.admitto.api.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.admitto.api.problem.Problem;
import io.admitto.api.security.AccessRule;
import io.admitto.api.security.SessionCookie;

import java.util.List;

/**
 * The OpenAPI 3.0 description of the endpoints, assembled from the resource model rather than from
 * annotations of a documentation library: paths, methods, parameters, media types, the problem responses
 * and who may call each operation ({@code security} and {@code x-admitto-access}). Bodies are described by
 * their media type; their fields are in docs/api.md.
 */
public final class OpenApiDocument
{
    public static final String API_VERSION = "0.1";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private OpenApiDocument() {}

    public static JsonNode of(List<ApiEndpoint> endpoints)
    {
        ObjectNode document = JSON.createObjectNode();
        document.put("openapi", "3.0.3");
        document.putObject("info")
                .put("title", "Admitto reporting API")
                .put("version", API_VERSION)
                .put("description", "Patient-access KPIs, the QA work queue and its review decisions. Log in with POST /api/auth/login "
                        + "and send the token as Authorization: Bearer, or use the session cookie with the X-CSRF-Token header on "
                        + "unsafe methods. Errors are application/problem+json (RFC 9457). See docs/security.md and docs/api.md.");
        ObjectNode components = document.putObject("components");
        ObjectNode schemes = components.putObject("securitySchemes");
        schemes.putObject("bearer").put("type", "http").put("scheme", "bearer")
                .put("description", "A session token from POST /api/auth/login, or a JWT of the configured OIDC provider.");
        schemes.putObject("sessionCookie").put("type", "apiKey").put("in", "cookie").put("name", SessionCookie.NAME)
                .put("description", "Set by POST /api/auth/login; unsafe methods must also send " + SessionCookie.CSRF_HEADER + ".");
        ObjectNode problem = components.putObject("schemas").putObject("Problem").put("type", "object");
        problem.putArray("required").add("type").add("title").add("status").add("detail");
        ObjectNode problemFields = problem.putObject("properties");
        problemFields.putObject("type").put("type", "string").put("format", "uri");
        problemFields.putObject("title").put("type", "string");
        problemFields.putObject("status").put("type", "integer");
        problemFields.putObject("detail").put("type", "string");
        problemFields.putObject("instance").put("type", "string").put("format", "uri-reference");
        problemFields.putObject("parameter").put("type", "string").put("description", "The rejected request parameter, for 400s.");

        ObjectNode paths = document.putObject("paths");
        for (ApiEndpoint endpoint : endpoints) {
            ObjectNode path = paths.has(endpoint.path()) ? (ObjectNode) paths.get(endpoint.path()) : paths.putObject(endpoint.path());
            path.set(endpoint.method().toLowerCase(java.util.Locale.ROOT), operation(endpoint));
        }
        return document;
    }

    public static String json(List<ApiEndpoint> endpoints)
    {
        try {
            return JSON.writeValueAsString(of(endpoints)) + "\n";
        }
        catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the OpenAPI document", e);
        }
    }

    private static ObjectNode operation(ApiEndpoint endpoint)
    {
        ObjectNode operation = JSON.createObjectNode();
        operation.put("operationId", endpoint.operationId());
        if (!endpoint.parameters().isEmpty()) {
            ArrayNode parameters = operation.putArray("parameters");
            for (ApiEndpoint.Parameter parameter : endpoint.parameters()) {
                ObjectNode schema = parameters.addObject()
                        .put("name", parameter.name())
                        .put("in", parameter.in())
                        .put("required", parameter.required())
                        .putObject("schema").put("type", "string");
                if (parameter.defaultValue() != null) {
                    schema.put("default", parameter.defaultValue());
                }
            }
        }
        if (endpoint.hasRequestBody()) {
            ObjectNode content = operation.putObject("requestBody").put("required", true).putObject("content");
            for (String type : endpoint.consumes().isEmpty() ? List.of("application/json") : endpoint.consumes()) {
                content.putObject(type).putObject("schema").put("type", "object").put("title", endpoint.requestBodyType());
            }
        }
        ObjectNode responses = operation.putObject("responses");
        ObjectNode success = responses.putObject("2XX").put("description", "Success");
        ObjectNode successContent = success.putObject("content");
        for (String type : endpoint.produces().isEmpty() ? List.of("*/*") : endpoint.produces()) {
            successContent.putObject(type);
        }
        if (!endpoint.parameters().isEmpty() || endpoint.hasRequestBody()) {
            problemResponse(responses, "400", "A parameter or the body is invalid; the problem names it.");
        }
        AccessRule access = endpoint.access();
        ObjectNode accessNode = operation.putObject("x-admitto-access").put("kind", access.kind().name().toLowerCase(java.util.Locale.ROOT));
        ArrayNode roles = accessNode.putArray("roles");
        access.roles().forEach(roles::add);
        if (access.isPublic()) {
            operation.putArray("security");
        }
        else {
            ArrayNode security = operation.putArray("security");
            security.addObject().putArray("bearer");
            security.addObject().putArray("sessionCookie");
            problemResponse(responses, "401", "Not logged in, or the token is invalid or expired.");
            problemResponse(responses, "403", "The caller's role may not use this operation, or the CSRF token is missing.");
        }
        problemResponse(responses, "default", "Any other error.");
        return operation;
    }

    private static void problemResponse(ObjectNode responses, String status, String description)
    {
        responses.putObject(status).put("description", description)
                .putObject("content").putObject(Problem.APPLICATION_PROBLEM_JSON).putObject("schema").put("$ref", "#/components/schemas/Problem");
    }
}
