package io.admitto.api.server;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * Headers that make browsers treat every response safely:
 * <ul>
 * <li>{@code X-Content-Type-Options: nosniff}: a JSON body that echoes input is never sniffed and run as HTML;</li>
 * <li>{@code X-Frame-Options: DENY} and CSP {@code frame-ancestors 'none'}: no page of ours can be framed (clickjacking);</li>
 * <li>{@code Referrer-Policy: no-referrer}: filter values in our URLs do not leak to other sites;</li>
 * <li>a Content-Security-Policy of {@code default-src 'none'} on anything that did not set its own (pages do);</li>
 * <li>{@code Cache-Control: no-store} on API answers, which may hold PHI, unless the resource chose caching.</li>
 * </ul>
 */
final class SecurityHeadersFilter
        implements ContainerResponseFilter
{
    static final String DEFAULT_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response)
    {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("X-Frame-Options", "DENY");
        headers.putSingle("Referrer-Policy", "no-referrer");
        headers.putIfAbsent("Content-Security-Policy", java.util.List.of(DEFAULT_POLICY));
        if (request.getUriInfo().getPath().startsWith("api/") && !headers.containsKey(HttpHeaders.CACHE_CONTROL)) {
            headers.putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }
}
