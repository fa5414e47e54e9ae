package io.admitto.api.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.admitto.api.server.ReportingServer;
import io.admitto.api.server.ReportingServerConfig;
import io.admitto.api.testing.ApiClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OIDC bearer JWTs against a real JWKS endpoint on loopback, serving the public half of an RSA key made
 * for the test: a valid token is accepted with its roles mapped; a wrong issuer, audience, expiry,
 * signature or algorithm is refused with 401.
 */
final class OidcBearerTokenTest
{
    private static final URI ISSUER = URI.create("https://login.example-hospital.org/realms/admitto");
    private static final String AUDIENCE = "admitto-api";

    @TempDir
    Path warehouse;

    private RSAKey signingKey;
    private HttpServer jwks;
    private ReportingServer server;
    private ApiClient anonymous;

    @BeforeEach
    void startProviderAndServer()
            throws Exception
    {
        signingKey = new RSAKeyGenerator(2048).keyID("key-1").generate();
        byte[] keys = new JWKSet(signingKey.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        jwks = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        jwks.createContext("/keys", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, keys.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(keys);
            }
        });
        jwks.start();
        URI jwksUri = URI.create("http://127.0.0.1:" + jwks.getAddress().getPort() + "/keys");
        OidcConfig oidc = new OidcConfig(ISSUER, AUDIENCE, jwksUri, "realm_access.roles",
                Map.of("patient-access-qa", Role.QA_REVIEWER, "revenue-cycle-leaders", Role.LEADERSHIP), "preferred_username");
        server = new ReportingServer(new ReportingServerConfig("127.0.0.1", 0, warehouse).withSecurity(SecurityConfig.noLogins().withOidc(oidc)),
                List.of());
        server.start();
        anonymous = new ApiClient(server.uri());
    }

    @AfterEach
    void stop()
    {
        server.close();
        jwks.stop(0);
    }

    @Test
    void aValidTokenSignsTheUserInWithTheMappedRoles()
            throws Exception
    {
        HttpResponse<String> me = anonymous.withBearerToken(sign(claims().build())).get("/api/auth/me");

        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        JsonNode body = anonymous.json(me);
        assertThat(body.get("user").asText()).isEqualTo("jdoe");
        assertThat(body.get("roles")).extracting(JsonNode::asText).containsExactly("leadership", "qa_reviewer");
        assertThat(body.get("authentication").asText()).isEqualTo("oidc");
        assertThat(anonymous.withBearerToken(sign(claims().build())).get("/api/kpi/registration-volume").statusCode()).isEqualTo(200);
    }

    @Test
    void theRolesGrantNoMoreThanTheirMapping()
            throws Exception
    {
        String leaderOnly = sign(claims().claim("realm_access", Map.of("roles", List.of("revenue-cycle-leaders", "admin"))).build());

        assertThat(anonymous.withBearerToken(leaderOnly).get("/api/audit").statusCode()).as("'admin' is not mapped").isEqualTo(403);
    }

    @Test
    void refusesATokenOfAnotherIssuer()
            throws Exception
    {
        assertRefused(sign(claims().issuer("https://evil.example/").build()));
    }

    @Test
    void refusesATokenForAnotherAudience()
            throws Exception
    {
        assertRefused(sign(claims().audience("some-other-app").build()));
    }

    @Test
    void refusesAnExpiredToken()
            throws Exception
    {
        Instant hourAgo = Instant.now().minus(Duration.ofHours(1));
        assertRefused(sign(claims().issueTime(Date.from(hourAgo.minus(Duration.ofHours(1)))).expirationTime(Date.from(hourAgo)).build()));
    }

    @Test
    void refusesATokenSignedByAnotherKey()
            throws Exception
    {
        RSAKey impostor = new RSAKeyGenerator(2048).keyID("key-1").generate();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("key-1").build(), claims().build());
        jwt.sign(new RSASSASigner(impostor));

        assertRefused(jwt.serialize());
    }

    @Test
    void refusesUnsignedAndSymmetricallySignedTokens()
            throws Exception
    {
        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("key-1").build(), claims().build());
        hmac.sign(new MACSigner("a-shared-secret-of-at-least-256-bits-length!".getBytes(StandardCharsets.UTF_8)));

        assertRefused(new PlainJWT(claims().build()).serialize());
        assertRefused(hmac.serialize());
    }

    @Test
    void refusesATokenWithoutAnyMappedRole()
            throws Exception
    {
        assertRefused(sign(claims().claim("realm_access", Map.of("roles", List.of("cafeteria"))).build()));
    }

    @Test
    void refusesAPasswordLoginWhenOnlyOidcIsConfigured()
    {
        assertThat(anonymous.login("qa", "qa-demo").statusCode()).isEqualTo(401);
    }

    private void assertRefused(String token)
    {
        HttpResponse<String> response = anonymous.withBearerToken(token).get("/api/auth/me");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(ApiClient.contentType(response)).startsWith("application/problem+json");
        assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
    }

    private static JWTClaimsSet.Builder claims()
    {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER.toString())
                .audience(AUDIENCE)
                .subject("0b6c1d2e-user")
                .claim("preferred_username", "jdoe")
                .claim("realm_access", Map.of("roles", List.of("patient-access-qa", "revenue-cycle-leaders", "offline_access")))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))));
    }

    private String sign(JWTClaimsSet claims)
            throws JOSEException
    {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(signingKey));
        return jwt.serialize();
    }
}
