package io.admitto.api.kpi;

import com.fasterxml.jackson.databind.JsonNode;
import io.admitto.api.security.Role;
import io.admitto.api.security.SecurityConfig;
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

final class RegistrationVolumeResourceTest
{
    @TempDir
    Path warehouse;

    private ReportingServer server;
    private ApiClient api;

    @BeforeEach
    void startServer()
    {
        server = new ReportingServer(new ReportingServerConfig("127.0.0.1", 0, warehouse).withSecurity(SecurityConfig.demo()), List.of());
        server.start();
        api = new ApiClient(server.uri()).loggedInAs(Role.LEADERSHIP);
    }

    @AfterEach
    void stopServer()
    {
        server.close();
    }

    @Test
    void reportsEveryCommittedRegistrationWhenUnfiltered()
    {
        RegistrationFixtures.writeTo(warehouse);

        HttpResponse<String> response = api.get("/api/kpi/registration-volume");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(ApiClient.contentType(response)).startsWith("application/json");
        JsonNode body = api.json(response);
        assertThat(body.get("kpi").asText()).isEqualTo("registration_volume");
        assertThat(body.get("from").isNull()).isTrue();
        assertThat(body.get("to").isNull()).isTrue();
        assertThat(body.get("facility").isNull()).isTrue();
        assertThat(body.get("department").isNull()).isTrue();
        assertThat(body.get("totalRegistrations").asLong()).isEqualTo(42);
        assertThat(rows(body.get("byDepartment"))).containsExactly(
                "FAC01 ED 32",
                "FAC01 IMG 3",
                "FAC02 ED 5",
                "FAC02 SURG 2");
        assertThat(hourly(body)).containsExactly(
                "2026-01-05T14:00:00Z FAC01 ED 12 431.5",
                "2026-01-05T14:00:00Z FAC01 IMG 3 900.0",
                "2026-01-05T14:00:00Z FAC02 ED 5 610.0",
                "2026-01-05T15:00:00Z FAC01 ED 7 380.0",
                "2026-01-06T00:00:00Z FAC01 ED 4 250.25",
                "2026-01-06T09:00:00Z FAC02 SURG 2 1200.0",
                "2026-01-07T08:00:00Z FAC01 ED 9 300.0");
    }

    @Test
    void hourlyRowsCarryExactlyTheContractFields()
    {
        RegistrationFixtures.writeTo(warehouse);

        JsonNode first = api.json(api.get("/api/kpi/registration-volume")).get("hourly").get(0);

        assertThat(first.fieldNames()).toIterable().containsExactly(
                "facilityId", "department", "hourStart", "registrations", "medianRegistrationWaitSeconds");
        assertThat(first.get("hourStart").isTextual()).isTrue();
        assertThat(first.get("registrations").isIntegralNumber()).isTrue();
        assertThat(first.get("medianRegistrationWaitSeconds").isDouble()).isTrue();
    }

    @Test
    void restrictsToTheInclusiveDateRangeAndEchoesIt()
    {
        RegistrationFixtures.writeTo(warehouse);

        JsonNode body = api.json(api.get("/api/kpi/registration-volume?from=2026-01-05&to=2026-01-06"));

        assertThat(body.get("from").asText()).isEqualTo("2026-01-05");
        assertThat(body.get("to").asText()).isEqualTo("2026-01-06");
        assertThat(body.get("totalRegistrations").asLong()).isEqualTo(12 + 3 + 5 + 7 + 4 + 2);
        assertThat(rows(body.get("byDepartment"))).containsExactly("FAC01 ED 23", "FAC01 IMG 3", "FAC02 ED 5", "FAC02 SURG 2");
        assertThat(body.get("hourly")).hasSize(6);
    }

    @Test
    void restrictsToOneFacility()
    {
        RegistrationFixtures.writeTo(warehouse);

        JsonNode body = api.json(api.get("/api/kpi/registration-volume?facility=FAC02"));

        assertThat(body.get("facility").asText()).isEqualTo("FAC02");
        assertThat(body.get("totalRegistrations").asLong()).isEqualTo(7);
        assertThat(rows(body.get("byDepartment"))).containsExactly("FAC02 ED 5", "FAC02 SURG 2");
    }

    @Test
    void restrictsToOneDepartmentAcrossFacilities()
    {
        RegistrationFixtures.writeTo(warehouse);

        JsonNode body = api.json(api.get("/api/kpi/registration-volume?department=ED"));

        assertThat(body.get("totalRegistrations").asLong()).isEqualTo(12 + 5 + 7 + 4 + 9);
        assertThat(rows(body.get("byDepartment"))).containsExactly("FAC01 ED 32", "FAC02 ED 5");
    }

    @Test
    void combinesAllFilters()
    {
        RegistrationFixtures.writeTo(warehouse);

        JsonNode body = api.json(api.get("/api/kpi/registration-volume?from=2026-01-06&to=2026-01-07&facility=FAC01&department=ED"));

        assertThat(body.get("totalRegistrations").asLong()).isEqualTo(4 + 9);
        assertThat(hourly(body)).containsExactly(
                "2026-01-06T00:00:00Z FAC01 ED 4 250.25",
                "2026-01-07T08:00:00Z FAC01 ED 9 300.0");
    }

    @Test
    void aFilterMatchingNothingGivesZeros()
    {
        RegistrationFixtures.writeTo(warehouse);

        JsonNode body = api.json(api.get("/api/kpi/registration-volume?facility=FAC99"));

        assertThat(body.get("totalRegistrations").asLong()).isZero();
        assertThat(body.get("byDepartment")).isEmpty();
        assertThat(body.get("hourly")).isEmpty();
    }

    @Test
    void emptyWarehouseGivesZerosNotAnError()
    {
        HttpResponse<String> response = api.get("/api/kpi/registration-volume?from=2026-01-05&to=2026-01-06");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = api.json(response);
        assertThat(body.get("totalRegistrations").asLong()).isZero();
        assertThat(body.get("byDepartment").isArray()).isTrue();
        assertThat(body.get("byDepartment")).isEmpty();
        assertThat(body.get("hourly").isArray()).isTrue();
        assertThat(body.get("hourly")).isEmpty();
    }

    private static List<String> rows(JsonNode byDepartment)
    {
        return java.util.stream.StreamSupport.stream(byDepartment.spliterator(), false)
                .map(row -> row.get("facilityId").asText() + " " + row.get("department").asText() + " " + row.get("registrations").asLong())
                .toList();
    }

    private static List<String> hourly(JsonNode body)
    {
        return java.util.stream.StreamSupport.stream(body.get("hourly").spliterator(), false)
                .map(row -> String.join(" ",
                        row.get("hourStart").asText(),
                        row.get("facilityId").asText(),
                        row.get("department").asText(),
                        row.get("registrations").asText(),
                        row.get("medianRegistrationWaitSeconds").asText()))
                .toList();
    }
}
