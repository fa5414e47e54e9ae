package io.admitto.dashboards.page;

import io.admitto.api.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The dashboard pages. Each is static HTML whose own script (under {@code /assets/}) fetches the figures
 * from the API, so no data is ever written into a page and nothing needs escaping. Signed-in users only:
 * an anonymous browser is sent to the login page.
 *
 * <p>Every role may open every page; what a page shows is decided by the API calls behind it. The QA work
 * queue page therefore loads for leadership too, and says that the queue is for QA reviewers when the API
 * refuses it, rather than answering a bare 403 document to a browser.
 */
@RolesAllowed({Role.QA_REVIEWER_NAME, Role.LEADERSHIP_NAME, Role.ANALYST_NAME, Role.ADMIN_NAME})
@Path("/")
public final class DashboardPagesResource
{
    /** Each page's path and what it is for, in the order the demo lists them (docs/dashboards.md). */
    public static final Map<String, String> PAGES = orderedPages();

    private static final MediaType HTML = new MediaType("text", "html", "UTF-8");
    private static final ClasspathAsset REGISTRATION_VOLUME = page("overview.html");
    private static final DashboardPage LEADERSHIP = new DashboardPage("Leadership overview", "leadership", "main", "Skip to the figures");
    private static final DashboardPage QUEUE = new DashboardPage("QA work queue", "queue", "queue-table", "Skip to the queue");
    private static final DashboardPage DENIALS = new DashboardPage("Denials explorer", "denials", "main", "Skip to the denials");
    private static final DashboardPage WAIT_TIMES = new DashboardPage("Wait times", "wait-times", "main", "Skip to the charts");
    private static final DashboardPage SCORECARDS = new DashboardPage("Registrar scorecards", "scorecards", "main", "Skip to the scorecards");

    /** Registrations per hour by department, with the median wait. */
    @GET
    public Response registrationVolume()
    {
        return serve(REGISTRATION_VOLUME);
    }

    /** KPI tiles, accuracy trend, denials by category, spikes, POS collections, wait heatmap. */
    @GET
    @Path("leadership")
    public Response leadership()
    {
        return serve(LEADERSHIP);
    }

    /** The QA reviewers' work queue with the detail panel and decision form. */
    @GET
    @Path("queue")
    public Response queue()
    {
        return serve(QUEUE);
    }

    /** Denials drilled from payer to category to CARC to registrations, caught vs missed by QA. */
    @GET
    @Path("denials")
    public Response denials()
    {
        return serve(DENIALS);
    }

    /** Wait percentiles per department and hour, SLA breaches. */
    @GET
    @Path("wait-times")
    public Response waitTimes()
    {
        return serve(WAIT_TIMES);
    }

    /** Error and accuracy rate per registrar against the target, most frequent findings. */
    @GET
    @Path("scorecards")
    public Response scorecards()
    {
        return serve(SCORECARDS);
    }

    private static Response serve(ClasspathAsset page)
    {
        return withPagePolicy(page.toResponse());
    }

    private static Response serve(DashboardPage page)
    {
        CacheControl noCache = new CacheControl();
        noCache.setNoCache(true);
        return withPagePolicy(Response.ok(page.html(), HTML).cacheControl(noCache));
    }

    private static Response withPagePolicy(Response.ResponseBuilder response)
    {
        return response
                .header(ContentSecurityPolicy.HEADER, ContentSecurityPolicy.POLICY)
                .header("Referrer-Policy", "no-referrer")
                .build();
    }

    private static Map<String, String> orderedPages()
    {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("leadership", "leadership overview: KPIs, denials, POS collections, wait heatmap");
        pages.put("queue", "QA work queue (QA reviewers)");
        pages.put("denials", "denials explorer: payer, category, CARC, registrations");
        pages.put("wait-times", "wait-time percentiles and SLA breaches");
        pages.put("scorecards", "registrar scorecards");
        pages.put("", "registration volume per hour");
        return Collections.unmodifiableMap(pages);
    }

    private static ClasspathAsset page(String name)
    {
        return new ClasspathAsset("io/admitto/dashboards/page/" + name, HTML, false).requirePresent();
    }
}
