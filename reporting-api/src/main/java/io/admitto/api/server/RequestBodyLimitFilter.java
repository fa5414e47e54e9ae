package io.admitto.api.server;

import io.admitto.api.problem.Problem;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

/**
 * Refuses request bodies over {@value #MAX_BODY_BYTES} bytes with 413, before any resource reads them: by
 * the declared Content-Length at once, and for chunked bodies as soon as the limit is passed while reading.
 * The API's bodies are logins and review decisions, a few hundred bytes.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
final class RequestBodyLimitFilter
        implements ContainerRequestFilter
{
    static final int MAX_BODY_BYTES = 64 * 1024;

    @Override
    public void filter(ContainerRequestContext request)
    {
        if (request.getLength() > MAX_BODY_BYTES) {
            request.abortWith(tooLarge(URI.create(request.getUriInfo().getRequestUri().getRawPath())));
            return;
        }
        if (request.hasEntity()) {
            request.setEntityStream(new BoundedInputStream(request.getEntityStream(), URI.create(request.getUriInfo().getRequestUri().getRawPath())));
        }
    }

    static Response tooLarge(URI instance)
    {
        return Problem.ofStatus(Response.Status.REQUEST_ENTITY_TOO_LARGE,
                        "The request body is larger than " + MAX_BODY_BYTES + " bytes.", instance)
                .toResponse()
                .build();
    }

    private static final class BoundedInputStream
            extends FilterInputStream
    {
        private final URI instance;
        private long remaining = MAX_BODY_BYTES;

        BoundedInputStream(InputStream input, URI instance)
        {
            super(input);
            this.instance = instance;
        }

        @Override
        public int read()
                throws IOException
        {
            int value = super.read();
            if (value >= 0) {
                consumed(1);
            }
            return value;
        }

        @Override
        public int read(byte[] buffer, int offset, int length)
                throws IOException
        {
            int count = super.read(buffer, offset, length);
            if (count > 0) {
                consumed(count);
            }
            return count;
        }

        private void consumed(int count)
        {
            remaining -= count;
            if (remaining < 0) {
                throw new WebApplicationException(tooLarge(instance));
            }
        }
    }
}
