package io.admitto.api.security;

import com.fasterxml.jackson.databind.JsonNode;
import io.admitto.api.server.ReportingServer;
import io.admitto.api.server.ReportingServerConfig;
import io.admitto.api.testing.ApiClient;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Logging in, bearer tokens, the session cookie with its CSRF token, and who may call what. */
final class AuthenticationTest
{
    @TempDir
    java.nio.file.Path warehouse;

    private ReportingServer server;
    private ApiClient anonymous;

    @BeforeEach
    void startServer()
    {
        server = new ReportingServer(new ReportingServerConfig("127.0.0.1", 0, warehouse).withSecurity(SecurityConfig.demo()),
                List.of(GuardedResource.class));
        server.start();
        anonymous = new ApiClient(server.uri());
    }

    @AfterEach
    void stopServer()
    {
        server.close();
    }

    @Test
    void loginGivesABearerTokenThatIdentifiesTheUser()
    {
        HttpResponse<String> login = anonymous.login("qa", "qa-demo");

        assertThat(login.statusCode()).isEqualTo(200);
        JsonNode body = anonymous.json(login);
        assertThat(body.get("user").asText()).isEqualTo("qa");
        assertThat(body.get("roles")).extracting(JsonNode::asText).containsExactly("qa_reviewer");
        assertThat(body.get("tokenType").asText()).isEqualTo("Bearer");
        assertThat(body.get("token").asText()).hasSizeGreaterThanOrEqualTo(43);

        JsonNode me = anonymous.json(anonymous.withBearerToken(body.get("token").asText()).get("/api/auth/me"));
        assertThat(me.get("user").asText()).isEqualTo("qa");
        assertThat(me.get("roles")).extracting(JsonNode::asText).containsExactly("qa_reviewer");
        assertThat(me.get("authentication").asText()).isEqualTo("password");
    }

    @Test
    void loginSetsAnHttpOnlyStrictSessionCookie()
    {
        HttpResponse<String> login = anonymous.login("lead", "lead-demo");

        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith(SessionCookie.NAME + "=" + anonymous.json(login).get("token").asText())
                .containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Strict")
                .contains("Path=/");
    }

    @Test
    void wrongPasswordsAndUnknownUsersGetTheSame401()
    {
        HttpResponse<String> wrongPassword = anonymous.login("qa", "not-the-password");
        HttpResponse<String> unknownUser = anonymous.login("nobody", "qa-demo");

        for (HttpResponse<String> response : List.of(wrongPassword, unknownUser)) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(ApiClient.contentType(response)).startsWith("application/problem+json");
            assertThat(anonymous.json(response).get("detail").asText()).isEqualTo("The user name or password is wrong.");
            assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
        }
    }

    @Test
    void repeatedFailuresLockTheUserNameEvenForTheRightPassword()
    {
        for (int attempt = 0; attempt < LoginThrottle.FREE_FAILURES; attempt++) {
            assertThat(anonymous.login("analyst", "guess-" + attempt).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> locked = anonymous.login("analyst", "analyst-demo");

        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(ApiClient.contentType(locked)).startsWith("application/problem+json");
        assertThat(locked.headers().firstValue("Retry-After")).hasValueSatisfying(seconds -> assertThat(Long.parseLong(seconds)).isPositive());
        assertThat(anonymous.login("admin", "admin-demo").statusCode()).as("other users are not locked").isEqualTo(200);
    }

    @Test
    void malformedLoginBodiesAre400Problems()
    {
        for (String body : List.of("{\"username\": \"qa\"", "[1, 2]", "{\"username\": \"qa\"}")) {
            HttpResponse<String> response = anonymous.postJson("/api/auth/login", body);

            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(ApiClient.contentType(response)).startsWith("application/problem+json");
            assertThat(response.body()).doesNotContain("com.fasterxml").doesNotContain("at [Source");
        }
    }

    @Test
    void loginAcceptsOnlyJsonSoACrossSiteFormCannotPostIt()
    {
        HttpResponse<String> form = anonymous.send("POST", "/api/auth/login", "application/json",
                Map.of("Content-Type", "application/x-www-form-urlencoded"), HttpRequest.BodyPublishers.ofString("username=qa&password=qa-demo"));

        assertThat(form.statusCode()).isEqualTo(415);
    }

    @Test
    void anonymousCallersGet401WithAChallengeAndWrongRolesGet403()
    {
        HttpResponse<String> anonymousCall = anonymous.get("/test/guarded/qa");
        HttpResponse<String> wrongRole = anonymous.loggedInAs(Role.ANALYST).get("/test/guarded/qa");
        HttpResponse<String> rightRole = anonymous.loggedInAs(Role.QA_REVIEWER).get("/test/guarded/qa");

        assertThat(anonymousCall.statusCode()).isEqualTo(401);
        assertThat(anonymousCall.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"admitto\"");
        assertThat(ApiClient.contentType(anonymousCall)).startsWith("application/problem+json");
        assertThat(wrongRole.statusCode()).isEqualTo(403);
        assertThat(ApiClient.contentType(wrongRole)).startsWith("application/problem+json");
        assertThat(rightRole.statusCode()).isEqualTo(200);
        assertThat(anonymous.json(rightRole).get("user").asText()).isEqualTo("qa");
    }

    @Test
    void aMethodWithoutAnAnnotationIsRefusedToEveryRole()
    {
        for (Role role : Role.values()) {
            assertThat(anonymous.loggedInAs(role).get("/test/guarded/forgotten").statusCode()).as(role.wireName()).isEqualTo(403);
        }
        assertThat(anonymous.get("/test/guarded/forgotten").statusCode()).isEqualTo(401);
        assertThat(anonymous.loggedInAs(Role.ADMIN).get("/test/guarded/denied").statusCode()).isEqualTo(403);
        assertThat(anonymous.get("/test/guarded/public").statusCode()).isEqualTo(200);
    }

    @Test
    void aBadOrEndedBearerTokenIs401EvenOnAPublicEndpoint()
    {
        ApiClient admin = anonymous.loggedInAs(Role.ADMIN);
        assertThat(admin.get("/api/auth/me").statusCode()).isEqualTo(200);

        assertThat(admin.postJson("/api/auth/logout", "").statusCode()).isEqualTo(204);

        assertThat(admin.get("/api/auth/me").statusCode()).isEqualTo(401);
        assertThat(anonymous.withBearerToken("made-up").get("/api/health").statusCode()).isEqualTo(401);
        assertThat(anonymous.send("GET", "/api/auth/me", "application/json", Map.of("Authorization", "Basic cWE6cWEtZGVtbw=="),
                HttpRequest.BodyPublishers.noBody()).statusCode()).isEqualTo(401);
    }

    @Test
    void theCookieAuthenticatesSafeMethodsAndUnsafeOnesOnlyWithTheCsrfToken()
    {
        JsonNode login = anonymous.json(anonymous.login("qa", "qa-demo"));
        String cookie = SessionCookie.NAME + "=" + login.get("token").asText();
        String csrf = login.get("csrfToken").asText();

        HttpResponse<String> read = send("GET", "/test/guarded/qa", Map.of("Cookie", cookie));
        HttpResponse<String> forged = send("POST", "/test/guarded/qa", Map.of("Cookie", cookie));
        HttpResponse<String> wrongToken = send("POST", "/test/guarded/qa", Map.of("Cookie", cookie, SessionCookie.CSRF_HEADER, csrf + "x"));
        HttpResponse<String> genuine = send("POST", "/test/guarded/qa", Map.of("Cookie", cookie, SessionCookie.CSRF_HEADER, csrf));
        JsonNode me = anonymous.json(send("GET", "/api/auth/me", Map.of("Cookie", cookie)));

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(anonymous.json(forged).get("detail").asText()).contains(SessionCookie.CSRF_HEADER);
        assertThat(wrongToken.statusCode()).isEqualTo(403);
        assertThat(genuine.statusCode()).isEqualTo(200);
        assertThat(anonymous.json(genuine).get("changedBy").asText()).isEqualTo("qa");
        assertThat(me.get("csrfToken").asText()).as("a reloaded page finds the CSRF token again").isEqualTo(csrf);
    }

    @Test
    void anonymousBrowsersAreSentToTheLoginPageAndApiClientsAreNot()
    {
        HttpResponse<String> page = anonymous.send("GET", "/test/guarded/qa", "text/html,application/xhtml+xml,*/*;q=0.8");

        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/login?next=%2Ftest%2Fguarded%2Fqa"));
        assertThat(anonymous.send("GET", "/test/guarded/qa", "*/*").statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> send(String method, String path, Map<String, String> headers)
    {
        return anonymous.send(method, path, "application/json", headers, HttpRequest.BodyPublishers.noBody());
    }

    @Path("/test/guarded")
    public static final class GuardedResource
    {
        @GET
        @Path("qa")
        @RolesAllowed(Role.QA_REVIEWER_NAME)
        @Produces(MediaType.APPLICATION_JSON)
        public Map<String, String> qa(@Context SecurityContext security)
        {
            return Map.of("user", User.of(security).name());
        }

        @POST
        @Path("qa")
        @RolesAllowed(Role.QA_REVIEWER_NAME)
        @Produces(MediaType.APPLICATION_JSON)
        public Map<String, String> change(@Context SecurityContext security)
        {
            return Map.of("changedBy", User.of(security).name());
        }

        @GET
        @Path("forgotten")
        @Produces(MediaType.APPLICATION_JSON)
        public Map<String, String> forgotten()
        {
            return Map.of("leaked", "yes");
        }

        @GET
        @Path("denied")
        @DenyAll
        @Produces(MediaType.APPLICATION_JSON)
        public Map<String, String> denied()
        {
            return Map.of("leaked", "yes");
        }

        @GET
        @Path("public")
        @PermitAll
        @Produces(MediaType.APPLICATION_JSON)
        public Map<String, String> open()
        {
            return Map.of("open", "yes");
        }
    }
}
