package io.admitto.launcher;

import io.admitto.api.openapi.OpenApiDocument;
import io.admitto.api.security.Role;
import io.admitto.api.security.SecurityConfig;
import io.admitto.api.server.ReportingServer;
import io.admitto.api.server.ReportingServerConfig;
import io.admitto.api.testing.ApiClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/openapi.json is the OpenAPI document of what {@code admitto serve} serves (the API and the dashboards);
 * regenerate it with {@code -Dadmitto.docs.write=true} after changing an endpoint.
 */
class OpenApiContractTest {
    private static final Path DOC = Path.of("..", "docs", "openapi.json");

    @Test
    void committedOpenApiDocumentIsTheOneTheServerServes(@TempDir Path warehouse) throws IOException {
        try (ReportingServer server = Servers.start(new ReportingServerConfig("127.0.0.1", 0, warehouse).withSecurity(SecurityConfig.demo()))) {
            String expected = OpenApiDocument.json(server.endpoints());
            if (Boolean.getBoolean("admitto.docs.write")) {
                Files.writeString(DOC, expected);
            }
            ApiClient api = new ApiClient(server.uri()).loggedInAs(Role.ANALYST);

            assertThat(api.json(api.get("/api/openapi.json"))).isEqualTo(api.json(expected));
            assertThat(Files.readString(DOC))
                    .as("docs/openapi.json is generated; regenerate it with -Dadmitto.docs.write=true")
                    .isEqualTo(expected);
        }
    }
}
