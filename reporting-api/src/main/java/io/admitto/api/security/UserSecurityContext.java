package io.admitto.api.security;

import jakarta.ws.rs.core.SecurityContext;

import java.security.Principal;

import static java.util.Objects.requireNonNull;

/** The JAX-RS view of an authenticated request: roles by their wire names, as {@code @RolesAllowed} names them. */
final class UserSecurityContext
        implements SecurityContext
{
    /** The authentication scheme of requests that carry the session cookie. */
    static final String SESSION_COOKIE_AUTH = "SESSION_COOKIE";
    static final String BEARER_AUTH = "Bearer";

    private final Principal principal;
    private final boolean secure;
    private final String scheme;

    UserSecurityContext(Principal principal, boolean secure, String scheme)
    {
        this.principal = requireNonNull(principal, "principal is null");
        this.secure = secure;
        this.scheme = requireNonNull(scheme, "scheme is null");
    }

    @Override
    public Principal getUserPrincipal()
    {
        return principal;
    }

    @Override
    public boolean isUserInRole(String role)
    {
        if (principal instanceof User user) {
            return user.roles().stream().anyMatch(granted -> granted.wireName().equals(role));
        }
        return principal instanceof MetricsScraper && MetricsScraper.ROLE.equals(role);
    }

    @Override
    public boolean isSecure()
    {
        return secure;
    }

    @Override
    public String getAuthenticationScheme()
    {
        return scheme;
    }
}
