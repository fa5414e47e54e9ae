package io.admitto.api.testing;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;

import java.security.Principal;

/**
 * Test-only sign-in until the real authentication (issue 6, part 1) is merged: a request names its user
 * and role in {@value #USER_HEADER} and {@value #ROLE_HEADER}; without them it is anonymous. With
 * Jersey's {@code RolesAllowedDynamicFeature} this enforces the resources' {@code @RolesAllowed} as the
 * real filter will.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public final class TestUsers
        implements ContainerRequestFilter
{
    public static final String USER_HEADER = "X-Test-User";
    public static final String ROLE_HEADER = "X-Test-Role";

    @Override
    public void filter(ContainerRequestContext request)
    {
        String user = request.getHeaderString(USER_HEADER);
        String role = request.getHeaderString(ROLE_HEADER);
        if (user == null || role == null) {
            return;
        }
        Principal principal = () -> user;
        request.setSecurityContext(new SecurityContext()
        {
            @Override
            public Principal getUserPrincipal()
            {
                return principal;
            }

            @Override
            public boolean isUserInRole(String wanted)
            {
                return role.equals(wanted);
            }

            @Override
            public boolean isSecure()
            {
                return false;
            }

            @Override
            public String getAuthenticationScheme()
            {
                return "TEST";
            }
        });
    }
}
