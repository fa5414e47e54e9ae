package io.admitto.dashboards.page;

import io.admitto.api.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /}: the overview page. It is static HTML; its script fetches the figures and the chart
 * option from the API, so no data is ever written into the page and nothing needs escaping. Signed-in
 * users only: an anonymous browser is sent to the login page.
 */
@RolesAllowed({Role.QA_REVIEWER_NAME, Role.LEADERSHIP_NAME, Role.ANALYST_NAME, Role.ADMIN_NAME})
@Path("/")
public final class OverviewPageResource
{
    private static final ClasspathAsset PAGE = new ClasspathAsset(
            "io/admitto/dashboards/page/overview.html", new MediaType("text", "html", "UTF-8"), false);

    @GET
    public Response overview()
    {
        return PAGE.toResponse()
                .header(ContentSecurityPolicy.HEADER, ContentSecurityPolicy.POLICY)
                .header("Referrer-Policy", "no-referrer")
                .build();
    }
}
