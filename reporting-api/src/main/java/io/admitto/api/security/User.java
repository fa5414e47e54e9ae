package io.admitto.api.security;

import jakarta.ws.rs.core.SecurityContext;

import java.security.Principal;
import java.util.EnumSet;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * The signed-in user of a request, as {@link SecurityContext#getUserPrincipal()} returns it.
 *
 * @param name the login name (local users) or the token's user-name claim (OIDC); what the audit log records
 * @param roles at least one: a user with no Admitto role is not let in at all
 * @param authentication how the user proved who they are
 */
public record User(String name, Set<Role> roles, Authentication authentication)
        implements Principal
{
    public enum Authentication
    {
        /** A local user's password, exchanged for a server-side session (bearer token or cookie). */
        PASSWORD,
        /** A bearer JWT issued by the configured OpenID Connect provider. */
        OIDC
    }

    public User
    {
        requireNonNull(name, "name is null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name is blank");
        }
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("User " + name + " has no role");
        }
        roles = Set.copyOf(EnumSet.copyOf(roles));
        requireNonNull(authentication, "authentication is null");
    }

    @Override
    public String getName()
    {
        return name;
    }

    public boolean hasRole(Role role)
    {
        return roles.contains(role);
    }

    /** The user of a request that passed an {@code @RolesAllowed} check. */
    public static User of(SecurityContext securityContext)
    {
        if (securityContext.getUserPrincipal() instanceof User user) {
            return user;
        }
        throw new IllegalStateException("The request has no signed-in user: is the resource method missing @RolesAllowed?");
    }
}
