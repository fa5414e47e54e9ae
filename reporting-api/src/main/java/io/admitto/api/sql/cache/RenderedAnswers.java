package io.admitto.api.sql.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.admitto.api.security.Role;
import jakarta.annotation.Priority;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.EnumSet;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Sends a {@link WarehouseAnswer} method's rendered JSON again while the warehouse is unchanged, without
 * running the method or serialising its answer: a dashboard's default view asked by every leader is then
 * a lookup. The key is the request URI, the caller's roles and the version of every table
 * ({@link CachingSqlEngine#warehouseVersion()}); the bytes are kept only for {@code 200} answers. The
 * filter runs after authentication and authorization, so a kept answer reaches only callers who may ask.
 * Each answer carries {@value #HEADER}: {@code hit} or {@code miss}.
 */
public final class RenderedAnswers
        implements DynamicFeature
{
    public static final String HEADER = "Admitto-Answer-Cache";
    private static final String KEY_PROPERTY = RenderedAnswers.class.getName() + ".key";

    private final CachingSqlEngine engine;
    private final Cache<Key, byte[]> rendered;

    public RenderedAnswers(CachingSqlEngine engine, long maxBytes)
    {
        this.engine = requireNonNull(engine, "engine is null");
        this.rendered = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .<Key, byte[]>weigher((key, bytes) -> bytes.length)
                .build();
    }

    @Override
    public void configure(ResourceInfo resource, FeatureContext context)
    {
        if (resource.getResourceMethod().isAnnotationPresent(WarehouseAnswer.class)) {
            if (!resource.getResourceMethod().isAnnotationPresent(GET.class)) {
                throw new IllegalStateException("@WarehouseAnswer on a method that is not GET: " + resource.getResourceMethod());
            }
            context.register(new Filter());
        }
    }

    private record Key(String uri, Set<Role> roles, long warehouseVersion) {}

    @Priority(Priorities.USER)
    private final class Filter
            implements ContainerRequestFilter, ContainerResponseFilter, WriterInterceptor
    {
        @Override
        public void filter(ContainerRequestContext request)
        {
            Key key = new Key(request.getUriInfo().getRequestUri().getRawPath() + "?" + request.getUriInfo().getRequestUri().getRawQuery(),
                    roles(request.getSecurityContext()), engine.warehouseVersion());
            byte[] answer = rendered.getIfPresent(key);
            if (answer != null) {
                request.abortWith(Response.ok(answer, MediaType.APPLICATION_JSON_TYPE).header(HEADER, "hit").build());
                return;
            }
            request.setProperty(KEY_PROPERTY, key);
        }

        @Override
        public void filter(ContainerRequestContext request, ContainerResponseContext response)
        {
            if (request.getProperty(KEY_PROPERTY) == null) {
                return;
            }
            if (response.getStatus() == Response.Status.OK.getStatusCode() && response.hasEntity()) {
                response.getHeaders().putSingle(HEADER, "miss");
            }
            else {
                // problems and empty answers are not kept
                request.removeProperty(KEY_PROPERTY);
            }
        }

        @Override
        public void aroundWriteTo(WriterInterceptorContext context)
                throws IOException
        {
            Object key = context.getProperty(KEY_PROPERTY);
            if (!(key instanceof Key answerKey)) {
                context.proceed();
                return;
            }
            OutputStream original = context.getOutputStream();
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(8192);
            context.setOutputStream(buffer);
            try {
                context.proceed();
            }
            finally {
                context.setOutputStream(original);
            }
            byte[] answer = buffer.toByteArray();
            original.write(answer);
            rendered.put(answerKey, answer);
        }

        private static Set<Role> roles(SecurityContext security)
        {
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (Role role : Role.values()) {
                if (security.isUserInRole(role.wireName())) {
                    roles.add(role);
                }
            }
            return roles;
        }
    }
}
