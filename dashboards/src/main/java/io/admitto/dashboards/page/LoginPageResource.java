package io.admitto.dashboards.page;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /login}: where anonymous browsers are sent. Static HTML; its script posts the credentials to
 * {@code /api/auth/login}, which sets the session cookie, and goes back to the {@code next} page.
 */
@Path("/login")
@PermitAll
public final class LoginPageResource
{
    private static final ClasspathAsset PAGE = new ClasspathAsset(
            "io/admitto/dashboards/page/login.html", new MediaType("text", "html", "UTF-8"), false);

    @GET
    public Response login()
    {
        return PAGE.toResponse()
                .header(ContentSecurityPolicy.HEADER, ContentSecurityPolicy.POLICY)
                .header("Referrer-Policy", "no-referrer")
                .build();
    }
}
