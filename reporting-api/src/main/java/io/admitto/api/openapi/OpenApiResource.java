package io.admitto.api.openapi;

import io.admitto.api.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.glassfish.jersey.server.ExtendedResourceContext;

/** {@code GET /api/openapi.json}: the OpenAPI document of every endpoint this server serves, for signed-in users. */
@Path("/api/openapi.json")
@RolesAllowed({Role.QA_REVIEWER_NAME, Role.LEADERSHIP_NAME, Role.ANALYST_NAME, Role.ADMIN_NAME})
public final class OpenApiResource
{
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String document(@Context ExtendedResourceContext resources)
    {
        return OpenApiDocument.json(ApiEndpoints.of(resources.getResourceModel()));
    }
}
