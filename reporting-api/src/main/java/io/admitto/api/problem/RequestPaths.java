package io.admitto.api.problem;

import jakarta.ws.rs.core.UriInfo;

import java.net.URI;

/** The {@code instance} of a problem: the request's path, without host or query string. */
final class RequestPaths
{
    private RequestPaths() {}

    static URI instance(UriInfo uriInfo)
    {
        return URI.create(uriInfo.getRequestUri().getRawPath());
    }
}
