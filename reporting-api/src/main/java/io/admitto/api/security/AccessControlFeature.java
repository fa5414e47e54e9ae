package io.admitto.api.security;

import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.Method;

import static java.util.Objects.requireNonNull;

/**
 * Enforces each resource method's {@link AccessRule}: 401 for anonymous callers of non-public methods,
 * 403 for signed-in callers without a listed role, and 403 for every method without an annotation.
 *
 * <p>Jersey's {@code RolesAllowedDynamicFeature} is not used because it lets unannotated methods through
 * and answers anonymous callers with 403, which tells a client nothing about logging in.
 *
 * <p>An anonymous browser navigating to a page (a GET that accepts HTML) is sent to {@value #LOGIN_PAGE}
 * with the page to come back to, instead of seeing a 401 document.
 */
public final class AccessControlFeature
        implements DynamicFeature
{
    public static final String LOGIN_PAGE = "/login";

    private static final Logger log = LoggerFactory.getLogger(AccessControlFeature.class);

    @Override
    public void configure(ResourceInfo resourceInfo, FeatureContext context)
    {
        Class<?> resourceClass = resourceInfo.getResourceClass();
        Method method = resourceInfo.getResourceMethod();
        if (resourceClass == null || method == null) {
            return;
        }
        AccessRule rule = AccessRule.of(resourceClass, method);
        if (rule.kind() == AccessRule.Kind.UNDECLARED) {
            log.warn("{}.{} has no @RolesAllowed, @PermitAll or @DenyAll: every request to it is refused",
                    resourceClass.getName(), method.getName());
        }
        if (!rule.isPublic()) {
            context.register(new AccessFilter(rule));
        }
    }

    @Priority(Priorities.AUTHORIZATION)
    private static final class AccessFilter
            implements ContainerRequestFilter
    {
        private final AccessRule rule;

        AccessFilter(AccessRule rule)
        {
            this.rule = requireNonNull(rule, "rule is null");
        }

        @Override
        public void filter(ContainerRequestContext request)
        {
            SecurityContext security = request.getSecurityContext();
            if (security.getUserPrincipal() == null) {
                request.abortWith(isPageNavigation(request)
                        ? Response.seeOther(UriBuilder.fromPath(LOGIN_PAGE)
                                .queryParam("next", request.getUriInfo().getRequestUri().getRawPath())
                                .build()).build()
                        : SecurityProblems.unauthorized(request, "Log in first: POST /api/auth/login, then send the token as Authorization: Bearer."));
                return;
            }
            boolean allowed = rule.kind() == AccessRule.Kind.ROLES && rule.roles().stream().anyMatch(security::isUserInRole);
            if (!allowed) {
                request.abortWith(SecurityProblems.forbidden(request, "Your role may not use " + request.getMethod() + " "
                        + SecurityProblems.instance(request) + "."));
            }
        }

        private static boolean isPageNavigation(ContainerRequestContext request)
        {
            return HttpMethod.GET.equals(request.getMethod())
                    && request.getAcceptableMediaTypes().stream().anyMatch(type -> type.isCompatible(MediaType.TEXT_HTML_TYPE) && !type.isWildcardType());
        }
    }
}
