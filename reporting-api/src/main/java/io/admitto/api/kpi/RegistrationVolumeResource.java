package io.admitto.api.kpi;

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

import static java.util.Objects.requireNonNull;

/** {@code GET /api/kpi/registration-volume?from&to&facility&department}. */
@RolesAllowed({Role.QA_REVIEWER_NAME, Role.LEADERSHIP_NAME, Role.ANALYST_NAME, Role.ADMIN_NAME})
@Path("/api/kpi/registration-volume")
public final class RegistrationVolumeResource
{
    private final AnalyticsQueries queries;

    @Inject
    public RegistrationVolumeResource(AnalyticsQueries queries)
    {
        this.queries = requireNonNull(queries, "queries is null");
    }

    @GET
    @WarehouseAnswer
    @Produces(MediaType.APPLICATION_JSON)
    public RegistrationVolume registrationVolume(
            @QueryParam(ReportFilterParameters.FROM) String from,
            @QueryParam(ReportFilterParameters.TO) String to,
            @QueryParam(ReportFilterParameters.FACILITY) String facility,
            @QueryParam(ReportFilterParameters.DEPARTMENT) String department)
    {
        ReportFilter filter = ReportFilterParameters.parse(from, to, facility, department);
        return RegistrationVolume.of(filter, queries.departmentHours(filter));
    }
}
