package io.admitto.api.security;

import java.net.URI;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The enterprise option: bearer JWTs issued by an OpenID Connect provider (Entra ID, Okta, Keycloak, ...).
 *
 * @param issuer must equal the token's {@code iss}
 * @param audience must be one of the token's {@code aud} (the API's client id or resource URI)
 * @param jwksUri where the provider publishes its signing keys; fetched on first use and cached
 * @param roleClaim the claim holding the user's groups or roles, a string or array; a dotted path reaches into
 * objects ({@code realm_access.roles} for Keycloak)
 * @param roleMapping claim value to Admitto role; values not listed grant nothing
 * @param userNameClaim the claim naming the user in the audit log ({@code sub} is used when it is absent)
 */
public record OidcConfig(URI issuer, String audience, URI jwksUri, String roleClaim, Map<String, Role> roleMapping, String userNameClaim)
{
    public static final String DEFAULT_ROLE_CLAIM = "roles";
    public static final String DEFAULT_USER_NAME_CLAIM = "preferred_username";

    public OidcConfig
    {
        requireNonNull(issuer, "issuer is null");
        requireNonNull(audience, "audience is null");
        if (audience.isBlank()) {
            throw new IllegalArgumentException("OIDC audience is blank");
        }
        requireNonNull(jwksUri, "jwksUri is null");
        if (!"https".equals(jwksUri.getScheme()) && !isLoopback(jwksUri)) {
            throw new IllegalArgumentException("OIDC JWKS URL must be https (http only on loopback): " + jwksUri);
        }
        requireNonNull(roleClaim, "roleClaim is null");
        roleMapping = Map.copyOf(roleMapping);
        requireNonNull(userNameClaim, "userNameClaim is null");
    }

    /** Role claim values equal to the roles' wire names ({@code qa_reviewer}, ...). */
    public static Map<String, Role> wireNameMapping()
    {
        Map<String, Role> mapping = new java.util.HashMap<>();
        for (Role role : Role.values()) {
            mapping.put(role.wireName(), role);
        }
        return mapping;
    }

    private static boolean isLoopback(URI uri)
    {
        String host = uri.getHost();
        return "http".equals(uri.getScheme()) && host != null
                && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"));
    }
}
