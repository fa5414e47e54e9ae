package io.admitto.api.server;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;

/**
 * Tells browsers to trust the declared Content-Type of every response, so a JSON body that echoes user
 * input is never sniffed and run as HTML or script.
 */
final class NoSniffFilter
        implements ContainerResponseFilter
{
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response)
    {
        response.getHeaders().putSingle("X-Content-Type-Options", "nosniff");
    }
}
