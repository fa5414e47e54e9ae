package io.admitto.dashboards.page;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /assets/{name}}: the page's scripts, styles and icon. Only the names listed here are served,
 * so a request can never reach other classpath files.
 */
@Singleton
@PermitAll
@Path("/assets/{name}")
public final class AssetsResource
{
    private static final String OWN = "io/admitto/dashboards/page/assets/";
    private static final MediaType JAVASCRIPT = new MediaType("text", "javascript", "UTF-8");
    private static final MediaType CSS = new MediaType("text", "css", "UTF-8");
    private static final MediaType SVG = MediaType.valueOf("image/svg+xml");

    /** Our own files: one script a page, the shared module and styles. */
    private static final List<String> OWN_ASSETS = List.of(
            "favicon.svg",
            "overview.css",
            "overview.js",
            "login.js",
            "dashboards.css",
            "common.js",
            "leadership.js",
            "queue.js",
            "denials.js",
            "wait-times.js",
            "scorecards.js");

    private final Map<String, ClasspathAsset> assets;

    public AssetsResource()
    {
        Map<String, ClasspathAsset> assets = new HashMap<>();
        assets.put("echarts.min.js", new ClasspathAsset(EchartsWebjar.minifiedScript(), JAVASCRIPT, true).requirePresent());
        for (String name : OWN_ASSETS) {
            assets.put(name, new ClasspathAsset(OWN + name, mediaType(name), false).requirePresent());
        }
        this.assets = Map.copyOf(assets);
    }

    @GET
    public Response asset(@PathParam("name") String name)
    {
        ClasspathAsset asset = assets.get(name);
        if (asset == null) {
            throw new NotFoundException();
        }
        return asset.toResponse().build();
    }

    private static MediaType mediaType(String name)
    {
        if (name.endsWith(".js")) {
            return JAVASCRIPT;
        }
        if (name.endsWith(".css")) {
            return CSS;
        }
        if (name.endsWith(".svg")) {
            return SVG;
        }
        throw new IllegalArgumentException("No media type for asset " + name);
    }
}
