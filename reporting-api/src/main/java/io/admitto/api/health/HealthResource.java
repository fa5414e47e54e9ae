package io.admitto.api.health;

import io.admitto.api.server.ReportingServerConfig;
import io.admitto.api.sql.AnalyticsQueries;
import io.admitto.tables.Tables;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * {@code GET /api/health}: 200 and {@code UP} when the engine can list the warehouse's tables, 503 and
 * {@code DOWN} when it cannot. A table without data is still healthy: the streaming job may not have
 * committed its first files yet.
 */
@PermitAll
@Path("/api/health")
public final class HealthResource
{
    private static final Logger log = LoggerFactory.getLogger(HealthResource.class);

    private final AnalyticsQueries queries;
    private final String warehouse;

    @Inject
    public HealthResource(AnalyticsQueries queries, ReportingServerConfig config)
    {
        this.queries = requireNonNull(queries, "queries is null");
        this.warehouse = config.warehouse().toString();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response health()
    {
        try {
            List<Health.TableStatus> tables = Tables.all().stream()
                    .map(table -> new Health.TableStatus(table.name(), queries.hasData(table)))
                    .toList();
            return Response.ok(new Health(Health.UP, queries.engineName(), warehouse, tables)).build();
        }
        catch (RuntimeException e) {
            log.warn("Health check failed", e);
            return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                    .entity(new Health(Health.DOWN, queries.engineName(), warehouse, List.of()))
                    .build();
        }
    }
}
