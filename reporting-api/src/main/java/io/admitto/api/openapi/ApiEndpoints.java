package io.admitto.api.openapi;

import io.admitto.api.security.AccessRule;
import jakarta.ws.rs.core.MediaType;
import org.glassfish.jersey.server.model.Parameter;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.glassfish.jersey.server.model.ResourceModel;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Lists every endpoint of a running application from Jersey's resource model, so that documentation and
 * the authorization tests cover whatever is registered, including endpoints added by other modules.
 * Jersey's generated OPTIONS and HEAD handlers are left out; sub-resource locators are not followed (the
 * API has none).
 */
public final class ApiEndpoints
{
    private static final Pattern TEMPLATE_REGEX = Pattern.compile("\\{\\s*(\\w[\\w.-]*)\\s*:[^}]*}");
    private static final Map<Parameter.Source, String> LOCATIONS = Map.of(
            Parameter.Source.PATH, "path",
            Parameter.Source.QUERY, "query",
            Parameter.Source.HEADER, "header",
            Parameter.Source.COOKIE, "cookie");
    private static final List<String> METHOD_ORDER = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

    private ApiEndpoints() {}

    public static List<ApiEndpoint> of(ResourceModel model)
    {
        List<ApiEndpoint> endpoints = new ArrayList<>();
        for (Resource resource : model.getRootResources()) {
            collect(resource, "", endpoints);
        }
        endpoints.sort(Comparator.comparing(ApiEndpoint::path)
                .thenComparing(endpoint -> METHOD_ORDER.contains(endpoint.method()) ? METHOD_ORDER.indexOf(endpoint.method()) : METHOD_ORDER.size()));
        return List.copyOf(endpoints);
    }

    private static void collect(Resource resource, String parentPath, List<ApiEndpoint> endpoints)
    {
        String path = join(parentPath, resource.getPath());
        for (ResourceMethod method : resource.getResourceMethods()) {
            if (!method.isExtended() && method.getInvocable().getHandlingMethod() != null) {
                endpoints.add(endpoint(path, method));
            }
        }
        for (Resource child : resource.getChildResources()) {
            collect(child, path, endpoints);
        }
    }

    private static ApiEndpoint endpoint(String path, ResourceMethod method)
    {
        Class<?> handlerClass = method.getInvocable().getHandler().getHandlerClass();
        Method javaMethod = method.getInvocable().getHandlingMethod();
        List<ApiEndpoint.Parameter> parameters = new ArrayList<>();
        String body = null;
        for (Parameter parameter : method.getInvocable().getParameters()) {
            if (parameter.getSource() == Parameter.Source.ENTITY) {
                body = parameter.getRawType().getSimpleName();
            }
            String location = LOCATIONS.get(parameter.getSource());
            if (location != null) {
                parameters.add(new ApiEndpoint.Parameter(parameter.getSourceName(), location,
                        parameter.getSource() == Parameter.Source.PATH, parameter.getDefaultValue()));
            }
        }
        return new ApiEndpoint(
                method.getHttpMethod().toUpperCase(Locale.ROOT),
                path,
                handlerClass.getSimpleName() + "." + javaMethod.getName(),
                parameters,
                body,
                mediaTypes(method.getConsumedTypes()),
                mediaTypes(method.getProducedTypes()),
                AccessRule.of(handlerClass, javaMethod));
    }

    private static List<String> mediaTypes(List<MediaType> types)
    {
        return types.stream().map(MediaType::toString).toList();
    }

    private static String join(String parent, String child)
    {
        String combined = (parent + "/" + (child == null ? "" : child)).replaceAll("/+", "/");
        combined = TEMPLATE_REGEX.matcher(combined).replaceAll("{$1}");
        if (combined.length() > 1 && combined.endsWith("/")) {
            combined = combined.substring(0, combined.length() - 1);
        }
        return combined.isEmpty() ? "/" : combined;
    }
}
