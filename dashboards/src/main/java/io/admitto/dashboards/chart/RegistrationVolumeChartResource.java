package io.admitto.dashboards.chart;

import io.admitto.api.kpi.ReportFilterParameters;
import io.admitto.api.security.Role;
import io.admitto.api.sql.AnalyticsQueries;
import io.admitto.api.sql.ReportFilter;
import io.admitto.api.sql.cache.WarehouseAnswer;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.icepear.echarts.render.Engine;

import static java.util.Objects.requireNonNull;

/**
 * {@code GET /api/charts/registration-volume?from&to&facility&department}: the ECharts option for the
 * registration-volume chart, built on the server so the page only fetches and draws it. Takes the same
 * parameters, with the same validation, as the KPI endpoint.
 */
@RolesAllowed({Role.QA_REVIEWER_NAME, Role.LEADERSHIP_NAME, Role.ANALYST_NAME, Role.ADMIN_NAME})
@Path("/api/charts/registration-volume")
public final class RegistrationVolumeChartResource
{
    private final AnalyticsQueries queries;
    private final Engine renderer = new Engine();

    @Inject
    public RegistrationVolumeChartResource(AnalyticsQueries queries)
    {
        this.queries = requireNonNull(queries, "queries is null");
    }

    @GET
    @WarehouseAnswer
    @Produces(MediaType.APPLICATION_JSON)
    public String registrationVolume(
            @QueryParam(ReportFilterParameters.FROM) String from,
            @QueryParam(ReportFilterParameters.TO) String to,
            @QueryParam(ReportFilterParameters.FACILITY) String facility,
            @QueryParam(ReportFilterParameters.DEPARTMENT) String department)
    {
        ReportFilter filter = ReportFilterParameters.parse(from, to, facility, department);
        // Only the option is serialized; echarts-java's HTML templates load ECharts from a CDN.
        return renderer.renderJsonOption(new RegistrationVolumeChart(filter, queries.departmentHours(filter)).toOption());
    }
}
