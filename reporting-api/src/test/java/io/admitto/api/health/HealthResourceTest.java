package io.admitto.api.health;

import com.fasterxml.jackson.databind.JsonNode;
import io.admitto.api.server.ReportingServer;
import io.admitto.api.server.ReportingServerConfig;
import io.admitto.api.testing.ApiClient;
import io.admitto.api.testing.RegistrationFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

final class HealthResourceTest
{
    @TempDir
    Path warehouse;

    private ReportingServer server;
    private ApiClient api;

    @BeforeEach
    void startServer()
    {
        server = new ReportingServer(new ReportingServerConfig("127.0.0.1", 0, warehouse), List.of());
        server.start();
        api = new ApiClient(server.uri());
    }

    @AfterEach
    void stopServer()
    {
        server.close();
    }

    @Test
    void isUpBeforeTheStreamingJobHasWrittenAnything()
    {
        HttpResponse<String> response = api.get("/api/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(ApiClient.contentType(response)).startsWith("application/json");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        JsonNode health = api.json(response);
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.get("engine").asText()).isEqualTo("duckdb");
        assertThat(health.get("warehouse").asText()).isEqualTo(warehouse.toAbsolutePath().toString());
        assertThat(health.get("tables").get(0).get("name").asText()).isEqualTo("department_hourly");
        assertThat(health.get("tables").get(0).get("hasData").asBoolean()).isFalse();
    }

    @Test
    void reportsTablesOnceTheyHaveCommittedData()
    {
        RegistrationFixtures.writeTo(warehouse);

        JsonNode health = api.json(api.get("/api/health"));

        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.get("tables").get(0).get("hasData").asBoolean()).isTrue();
    }
}
