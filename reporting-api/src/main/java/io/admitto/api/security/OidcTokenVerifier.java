package io.admitto.api.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import java.net.MalformedURLException;
import java.text.ParseException;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Checks an OIDC bearer JWT with Nimbus JOSE+JWT: signature by a key of the provider's JWKS (asymmetric
 * algorithms only, so a token signed with the public key as an HMAC secret is refused), issuer, audience,
 * expiry and not-before (one minute of clock skew), then maps the role claim to Admitto roles.
 */
public final class OidcTokenVerifier
{
    private static final Set<JWSAlgorithm> ACCEPTED_ALGORITHMS = Set.of(
            JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512,
            JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512);

    private final OidcConfig config;
    private final ConfigurableJWTProcessor<com.nimbusds.jose.proc.SecurityContext> processor;

    /** Why a token was refused; the message is safe to show to the client. */
    public static final class InvalidTokenException
            extends Exception
    {
        InvalidTokenException(String message, Throwable cause)
        {
            super(message, cause);
        }
    }

    public OidcTokenVerifier(OidcConfig config)
    {
        this.config = requireNonNull(config, "config is null");
        JWKSource<com.nimbusds.jose.proc.SecurityContext> keys;
        try {
            keys = JWKSourceBuilder.create(config.jwksUri().toURL()).retrying(true).build();
        }
        catch (MalformedURLException e) {
            throw new IllegalArgumentException("Invalid JWKS URL: " + config.jwksUri(), e);
        }
        DefaultJWTProcessor<com.nimbusds.jose.proc.SecurityContext> jwtProcessor = new DefaultJWTProcessor<>();
        jwtProcessor.setJWSKeySelector(new JWSVerificationKeySelector<>(ACCEPTED_ALGORITHMS, keys));
        jwtProcessor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                Set.of(config.audience()),
                new JWTClaimsSet.Builder().issuer(config.issuer().toString()).build(),
                Set.of("sub", "exp"),
                Set.of()));
        this.processor = jwtProcessor;
    }

    /** Whether a bearer token has the form of a JWT (three dot-separated parts) rather than an opaque session token. */
    public static boolean looksLikeJwt(String token)
    {
        return token.chars().filter(character -> character == '.').count() == 2;
    }

    public User verify(String token)
            throws InvalidTokenException
    {
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        }
        catch (ParseException e) {
            throw new InvalidTokenException("The bearer token is not a well-formed JWT.", e);
        }
        catch (BadJOSEException e) {
            throw new InvalidTokenException("The bearer token was refused: " + e.getMessage(), e);
        }
        catch (JOSEException e) {
            throw new InvalidTokenException("The bearer token could not be verified.", e);
        }
        Set<Role> roles = roles(claims);
        if (roles.isEmpty()) {
            throw new InvalidTokenException("The token grants no Admitto role (claim " + config.roleClaim() + ").", null);
        }
        String name = Optional.ofNullable(stringClaim(claims, config.userNameClaim())).orElse(claims.getSubject());
        return new User(name, roles, User.Authentication.OIDC);
    }

    private Set<Role> roles(JWTClaimsSet claims)
    {
        Object value = claims.getClaims();
        for (String part : config.roleClaim().split("\\.")) {
            value = value instanceof Map<?, ?> object ? object.get(part) : null;
        }
        Collection<?> values = value instanceof Collection<?> collection ? collection : value == null ? List.of() : List.of(value);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Object claimValue : values) {
            Role role = config.roleMapping().get(String.valueOf(claimValue));
            if (role != null) {
                roles.add(role);
            }
        }
        return roles;
    }

    private static String stringClaim(JWTClaimsSet claims, String name)
    {
        Object value = claims.getClaim(name);
        return value instanceof String text && !text.isBlank() ? text : null;
    }
}
