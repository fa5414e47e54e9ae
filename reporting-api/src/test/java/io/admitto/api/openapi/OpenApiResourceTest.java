package io.admitto.api.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.admitto.api.security.AccessRule;
import io.admitto.api.security.Role;
import io.admitto.api.testing.ApiServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document is made from the running application's resource model. */
final class OpenApiResourceTest
{
    @RegisterExtension
    final ApiServerExtension api = new ApiServerExtension();

    @Test
    void listsEveryEndpointWithItsParametersAndWhoMayCallIt()
    {
        HttpResponse<String> response = api.as(Role.ANALYST).get("/api/openapi.json");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode document = api.anonymous().json(response);
        assertThat(document.get("openapi").asText()).isEqualTo("3.0.3");
        JsonNode paths = document.get("paths");
        assertThat(paths.fieldNames()).toIterable().contains(
                "/api/health", "/api/auth/login", "/api/auth/logout", "/api/auth/me", "/api/kpi/registration-volume",
                "/api/audit", "/api/audit/verify", "/api/audit/export", "/api/metrics", "/api/openapi.json");
        JsonNode volume = paths.get("/api/kpi/registration-volume").get("get");
        assertThat(volume.get("parameters")).extracting(parameter -> parameter.get("name").asText() + ":" + parameter.get("in").asText())
                .containsExactly("from:query", "to:query", "facility:query", "department:query");
        assertThat(volume.get("x-admitto-access").get("roles")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("qa_reviewer", "leadership", "analyst", "admin");
        assertThat(volume.get("responses").fieldNames()).toIterable().contains("2XX", "400", "401", "403");
        assertThat(paths.get("/api/audit").get("get").get("x-admitto-access").get("roles")).extracting(JsonNode::asText).containsExactly("admin");
        assertThat(paths.get("/api/health").get("get").get("security")).isEmpty();
        assertThat(paths.get("/api/auth/login").get("post").get("requestBody").get("content").has("application/json")).isTrue();
    }

    @Test
    void isForSignedInUsers()
    {
        assertThat(api.anonymous().get("/api/openapi.json").statusCode()).isEqualTo(401);
    }

    @Test
    void everyEndpointOfTheApiSaysWhoMayCallIt()
    {
        assertThat(api.server().endpoints()).isNotEmpty().allSatisfy(endpoint ->
                assertThat(endpoint.access().kind()).as(endpoint.toString()).isNotEqualTo(AccessRule.Kind.UNDECLARED));
        assertThat(api.server().endpoints()).filteredOn(endpoint -> endpoint.access().isPublic()).extracting(ApiEndpoint::toString)
                .as("the only endpoints open to anonymous callers")
                .containsExactlyInAnyOrder("GET /api/health", "POST /api/auth/login");
    }
}
