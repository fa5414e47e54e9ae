package io.admitto.jobs.flow;

import io.admitto.events.EventJson;
import io.admitto.events.Topic;
import io.admitto.ingest.generator.GeneratorConfig;
import io.admitto.ingest.generator.GroundTruth;
import io.admitto.ingest.generator.HospitalGenerator;
import io.admitto.ingest.kafka.EmbeddedKafkaBroker;
import io.admitto.ingest.kafka.EventPublisher;
import io.admitto.ingest.kafka.TopicAdmin;
import io.admitto.ingest.kafka.TopicSpec;
import io.admitto.jobs.common.JobSettings;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.util.TestStreamEnvironment;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The spine end to end on generated data: the hospital generator publishes every topic into a real
 * Kafka broker, the job runs in a MiniCluster at parallelism 2, and the Parquet it commits, read back
 * by DuckDB, equals the generator's ground truth exactly — every hour, count and median.
 */
class GeneratedHospitalSpineTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    @TempDir
    static Path temp;

    private static EmbeddedKafkaBroker kafka;
    private static GroundTruth truth;
    private static Path warehouse;

    @BeforeAll
    static void generatePublishAndRun(@InjectMiniCluster MiniCluster flink) throws Exception {
        kafka = new EmbeddedKafkaBroker(EmbeddedKafkaBroker.Config.inDirectory(temp.resolve("kafka"))).start();
        try (TopicAdmin admin = new TopicAdmin(kafka.bootstrapServers(), Duration.ofSeconds(30))) {
            admin.ensureTopics(Arrays.stream(Topic.values())
                    .map(topic -> new TopicSpec(topic.topicName(), Topic.DEFAULT_PARTITIONS))
                    .toList());
        }
        GeneratorConfig config = GeneratorConfig.defaults(77)
                .withDays(3)
                .withFacilities(2)
                .withDailyEncountersPerFacility(120);
        EventJson json = new EventJson();
        try (EventPublisher publisher = new EventPublisher(new EventPublisher.Config(kafka.bootstrapServers(), "spine-test"))) {
            truth = new HospitalGenerator(config).generate(
                    event -> publisher.publish(event.topic().topicName(), event.encounterId(), json.toJsonBytes(event)));
            publisher.flush();
            assertThat(publisher.publishedCounts().values().stream().mapToLong(Long::longValue).sum())
                    .isEqualTo(truth.counts().events());
        }

        warehouse = temp.resolve("warehouse");
        StreamExecutionEnvironment env = new TestStreamEnvironment(flink, 2);
        Configuration noKryo = new Configuration();
        noKryo.set(PipelineOptions.GENERIC_TYPES, false);
        env.configure(noKryo);
        JobSettings settings = JobSettings.of(kafka.bootstrapServers(), "spine-test", warehouse.toString())
                .withBounded(true)
                .withParallelism(2)
                .withCheckpointInterval(Duration.ofMillis(500))
                .withRestarts(0, Duration.ZERO);
        new DepartmentFlowJob(new FlowJobConfig(settings)).addTo(env);
        env.execute(DepartmentFlowJob.NAME);
    }

    @AfterAll
    static void stopKafka() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void everyDepartmentHourEqualsTheGroundTruth() throws Exception {
        List<String> expected = truth.kpis().departmentHourly().stream()
                .map(hour -> row(hour.facilityId(), hour.department(), hour.hourStart(), hour.registrations(),
                        hour.medianRegistrationWaitSeconds(), LocalDate.ofInstant(hour.hourStart(), ZoneOffset.UTC).toString()))
                .sorted()
                .toList();

        assertThat(expected).hasSizeGreaterThan(100);
        assertThat(readTable()).containsExactlyElementsOf(expected);
    }

    @Test
    void totalRegistrationsEqualTheGroundTruth() throws Exception {
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duckdb.createStatement();
                ResultSet result = statement.executeQuery("SELECT sum(registrations) FROM " + tableScan())) {
            result.next();
            assertThat(result.getLong(1)).isEqualTo(truth.kpis().registrationVolume().totalRegistrations()).isPositive();
        }
    }

    private static List<String> readTable() throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duckdb.createStatement();
                ResultSet result = statement.executeQuery("""
                        SELECT facility_id, department, epoch_ms(hour_start) AS hour_start_millis, registrations,
                               median_registration_wait_seconds, CAST(event_date AS VARCHAR) AS event_date
                        FROM %s""".formatted(tableScan()))) {
            while (result.next()) {
                double median = result.getDouble("median_registration_wait_seconds");
                rows.add(row(result.getString("facility_id"), result.getString("department"),
                        Instant.ofEpochMilli(result.getLong("hour_start_millis")), result.getLong("registrations"),
                        result.wasNull() ? null : median, result.getString("event_date")));
            }
        }
        rows.sort(null);
        return rows;
    }

    private static String row(String facility, String department, Instant hourStart, long registrations, Double median, String eventDate) {
        return String.join("|", hourStart.toString(), facility, department, Long.toString(registrations), String.valueOf(median), eventDate);
    }

    private static String tableScan() {
        return "read_parquet('" + warehouse.resolve("department_hourly") + "/*/[!.]*.parquet', hive_partitioning = true)";
    }
}
