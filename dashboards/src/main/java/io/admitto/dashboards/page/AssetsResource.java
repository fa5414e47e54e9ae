package io.admitto.dashboards.page;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

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

    private final Map<String, ClasspathAsset> assets;

    public AssetsResource()
    {
        this.assets = Map.of(
                "echarts.min.js", new ClasspathAsset(EchartsWebjar.minifiedScript(), JAVASCRIPT, true).requirePresent(),
                "overview.js", new ClasspathAsset(OWN + "overview.js", JAVASCRIPT, false).requirePresent(),
                "overview.css", new ClasspathAsset(OWN + "overview.css", CSS, false).requirePresent(),
                "favicon.svg", new ClasspathAsset(OWN + "favicon.svg", MediaType.valueOf("image/svg+xml"), false).requirePresent());
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
}
