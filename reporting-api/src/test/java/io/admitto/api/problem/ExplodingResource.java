package io.admitto.api.problem;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A contributed resource that fails the way a bug would, with a message that must not reach clients. */
@PermitAll
@Path("/test/explode")
public final class ExplodingResource
{
    static final String SECRET = "jdbc:duckdb password=hunter2 at /srv/warehouse";

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String explode()
    {
        throw new IllegalStateException(SECRET);
    }
}
