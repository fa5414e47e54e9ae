package io.admitto.dashboards.page;

import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.InputStream;

import static java.util.Objects.requireNonNull;

/**
 * A file served from the classpath.
 *
 * @param resource absolute classpath resource name, without a leading slash
 * @param immutable whether the content only changes with its name (a versioned library), so browsers may
 * keep it; our own files are revalidated on every load so a new release shows at once
 */
record ClasspathAsset(String resource, MediaType mediaType, boolean immutable)
{
    private static final int ONE_WEEK_SECONDS = 7 * 24 * 60 * 60;

    ClasspathAsset
    {
        requireNonNull(resource, "resource is null");
        requireNonNull(mediaType, "mediaType is null");
        if (resource.startsWith("/")) {
            throw new IllegalArgumentException("Classpath resource names have no leading slash: " + resource);
        }
    }

    /** Checks, at startup rather than on the first request, that the file is on the classpath. */
    ClasspathAsset requirePresent()
    {
        if (ClasspathAsset.class.getClassLoader().getResource(resource) == null) {
            throw new IllegalStateException("Missing from the classpath: " + resource);
        }
        return this;
    }

    Response.ResponseBuilder toResponse()
    {
        InputStream content = ClasspathAsset.class.getClassLoader().getResourceAsStream(resource);
        if (content == null) {
            throw new IllegalStateException("Missing from the classpath: " + resource);
        }
        CacheControl cacheControl = new CacheControl();
        if (immutable) {
            cacheControl.setMaxAge(ONE_WEEK_SECONDS);
        }
        else {
            cacheControl.setNoCache(true);
        }
        // Jersey closes the stream once it is written.
        return Response.ok(content, mediaType).cacheControl(cacheControl);
    }
}
