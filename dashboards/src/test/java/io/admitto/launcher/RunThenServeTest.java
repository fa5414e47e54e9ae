package io.admitto.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.admitto.api.security.Role;
import io.admitto.api.security.SecurityConfig;
import io.admitto.api.server.ReportingServer;
import io.admitto.api.server.ReportingServerConfig;
import io.admitto.api.testing.ApiClient;
import io.admitto.events.EventJson;
import io.admitto.ingest.generator.GroundTruth;
import io.admitto.ingest.generator.GroundTruthJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole embedded platform as a user drives it: {@code admitto run} (generator, real Kafka broker,
 * Flink MiniCluster, Parquet) and then the reporting API over what it committed. The KPI endpoint must
 * answer exactly the values in the generator's ground truth for the same seed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunThenServeTest {
    private Path warehouse;
    private GroundTruth truth;
    private String runOutput;
    private final ObjectMapper json = EventJson.newMapper();

    @BeforeAll
    void runTheBoundedPipeline(@TempDir Path workDirectory) {
        warehouse = workDirectory.resolve("warehouse");
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        int exitCode;
        try (PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(out);
            exitCode = AdmittoCommand.commandLine().execute(
                    "run", "--seed", "20260302", "--days", "2", "--facilities", "2", "--daily-encounters", "90",
                    "--checkpoint-interval", "PT1S", "--warehouse", warehouse.toString());
        }
        finally {
            System.setOut(originalOut);
        }
        runOutput = captured.toString(StandardCharsets.UTF_8);
        assertThat(exitCode).as(runOutput).isZero();
        truth = new GroundTruthJson().read(Backfill.truthFile(warehouse));
    }

    @Test
    void runReportsWhatItDidAndLeavesOnlyCommittedParquet() throws Exception {
        assertThat(runOutput).contains("Generated", "events/s", "Flink job finished", "Parquet files committed");
        List<Path> tableFiles;
        try (Stream<Path> files = Files.walk(warehouse.resolve("department_hourly"))) {
            tableFiles = files.filter(Files::isRegularFile).toList();
        }
        assertThat(tableFiles).isNotEmpty();
        assertThat(tableFiles).allSatisfy(file -> {
            assertThat(file.getFileName().toString()).endsWith(".parquet").doesNotStartWith(".");
            assertThat(file.getParent().getFileName().toString()).matches("event_date=\\d{4}-\\d{2}-\\d{2}");
        });
    }

    @Test
    void kpiEndpointAnswersExactlyTheGroundTruth() throws Exception {
        try (ReportingServer server = Servers.start(new ReportingServerConfig("127.0.0.1", 0, warehouse).withSecurity(SecurityConfig.demo()))) {
            ApiClient anonymous = new ApiClient(server.uri());
            assertThat(anonymous.get("/api/health").statusCode()).isEqualTo(200);
            assertThat(anonymous.get("/api/kpi/registration-volume").statusCode()).isEqualTo(401);
            ApiClient api = anonymous.loggedInAs(Role.LEADERSHIP);

            HttpResponse<String> response = api.get("/api/kpi/registration-volume");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode volume = json.readTree(response.body());

            GroundTruth.RegistrationVolume expectedVolume = truth.kpis().registrationVolume();
            assertThat(volume.get("totalRegistrations").asLong()).isEqualTo(expectedVolume.totalRegistrations()).isPositive();

            List<String> expectedHours = new ArrayList<>();
            for (GroundTruth.DepartmentHour hour : truth.kpis().departmentHourly()) {
                expectedHours.add(String.join("|", hour.facilityId(), hour.department(), hour.hourStart().toString(),
                        Long.toString(hour.registrations()), String.valueOf(hour.medianRegistrationWaitSeconds())));
            }
            List<String> actualHours = new ArrayList<>();
            for (JsonNode hour : volume.get("hourly")) {
                JsonNode median = hour.get("medianRegistrationWaitSeconds");
                actualHours.add(String.join("|", hour.get("facilityId").asText(), hour.get("department").asText(),
                        hour.get("hourStart").asText(), Long.toString(hour.get("registrations").asLong()),
                        median == null || median.isNull() ? "null" : String.valueOf(median.asDouble())));
            }
            assertThat(actualHours).hasSizeGreaterThan(24).containsExactlyElementsOf(expectedHours);

            List<String> expectedDepartments = expectedVolume.byDepartment().stream()
                    .map(department -> department.facilityId() + "|" + department.department() + "|" + department.registrations())
                    .toList();
            List<String> actualDepartments = new ArrayList<>();
            volume.get("byDepartment").forEach(department -> actualDepartments.add(department.get("facilityId").asText() + "|"
                    + department.get("department").asText() + "|" + department.get("registrations").asLong()));
            assertThat(actualDepartments).containsExactlyInAnyOrderElementsOf(expectedDepartments);
        }
    }

    @Test
    void aSecondRunIntoTheSameWarehouseIsRefusedRatherThanCountingTwice() {
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        var commandLine = AdmittoCommand.commandLine();
        commandLine.setErr(new java.io.PrintWriter(errors, true, StandardCharsets.UTF_8));
        int exitCode = commandLine.execute("run", "--seed", "1", "--days", "1", "--warehouse", warehouse.toString());
        assertThat(exitCode).isNotZero();
        assertThat(errors.toString(StandardCharsets.UTF_8)).contains("already holds tables");
    }
}
