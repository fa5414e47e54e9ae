package io.admitto.jobs.flow;

import io.admitto.events.CanonicalEvent;
import io.admitto.events.EventJson;
import io.admitto.events.Topic;
import io.admitto.ingest.kafka.EmbeddedKafkaBroker;
import io.admitto.ingest.kafka.EventPublisher;
import io.admitto.ingest.kafka.TopicAdmin;
import io.admitto.ingest.kafka.TopicSpec;
import io.admitto.jobs.common.JobSettings;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Metric;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.InMemoryReporter;
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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.admitto.events.EventType.FLOW_ARRIVED;
import static io.admitto.events.EventType.FLOW_REGISTRATION_COMPLETED;
import static io.admitto.events.EventType.FLOW_REGISTRATION_STARTED;
import static io.admitto.events.EventType.REGISTRATION_ADMITTED;
import static io.admitto.events.EventType.REGISTRATION_PRE_REGISTERED;
import static io.admitto.events.EventType.REGISTRATION_REGISTERED;
import static io.admitto.events.EventType.REGISTRATION_UPDATED;
import static io.admitto.jobs.testing.TestEvents.flow;
import static io.admitto.jobs.testing.TestEvents.registration;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job end to end: a real Kafka broker, a Flink MiniCluster (1 TaskManager × 2 slots, parallelism
 * 2, checkpoints every 500 ms) and the Parquet files read back by DuckDB, as analysts read them.
 */
class DepartmentFlowJobTest {
    private static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .setConfiguration(METRICS.addToConfiguration(new Configuration()))
            .build());

    @TempDir
    static Path temp;

    private static EmbeddedKafkaBroker kafka;

    /**
     * A morning in two departments of F01 and a midnight in F02's ED, in the order the topics receive
     * it: by event time, except where a case needs otherwise.
     */
    private static final List<CanonicalEvent> EVENTS = List.of(
            // E4 pre-registered the evening before: not a registration of this hour
            registration(REGISTRATION_PRE_REGISTERED, "p4", "E4", "F01", "ED", "2026-03-02T07:30:00Z"),
            // E1: 5 min wait; arrival and completion each delivered twice
            flow(FLOW_ARRIVED, "a1", "E1", "F01", "ED", "2026-03-02T08:00:00Z"),
            flow(FLOW_ARRIVED, "a1", "E1", "F01", "ED", "2026-03-02T08:00:00Z"),
            flow(FLOW_REGISTRATION_STARTED, "s1", "E1", "F01", "ED", "2026-03-02T08:01:00Z"),
            flow(FLOW_REGISTRATION_COMPLETED, "c1", "E1", "F01", "ED", "2026-03-02T08:05:00Z"),
            flow(FLOW_REGISTRATION_COMPLETED, "c1", "E1", "F01", "ED", "2026-03-02T08:05:00Z"),
            registration(REGISTRATION_REGISTERED, "r1", "E1", "F01", "ED", "2026-03-02T08:05:00Z"),
            registration(REGISTRATION_UPDATED, "u1", "E1", "F01", "ED", "2026-03-02T08:06:00Z"),
            // E6: imaging, sent from Chicago (-06:00 is 08:15 UTC); no flow events, so no wait
            registration(REGISTRATION_REGISTERED, "r6", "E6", "F01", "IMG", "2026-03-02T02:15:00-06:00"),
            // E2: the completion is read before the arrival; 10 min 30.25 s wait; registration sent twice
            flow(FLOW_REGISTRATION_COMPLETED, "c2", "E2", "F01", "ED", "2026-03-02T08:20:30.250Z"),
            flow(FLOW_ARRIVED, "a2", "E2", "F01", "ED", "2026-03-02T08:10:00Z"),
            registration(REGISTRATION_REGISTERED, "r2", "E2", "F01", "ED", "2026-03-02T08:20:30.250Z"),
            registration(REGISTRATION_REGISTERED, "r2", "E2", "F01", "ED", "2026-03-02T08:20:30.250Z"),
            // E4 and E5: 10 min 0.5 s and 2 min waits; E4 is admitted rather than registered
            flow(FLOW_ARRIVED, "a4", "E4", "F01", "ED", "2026-03-02T08:30:00Z"),
            flow(FLOW_ARRIVED, "a5", "E5", "F01", "ED", "2026-03-02T08:31:00Z"),
            flow(FLOW_REGISTRATION_COMPLETED, "c5", "E5", "F01", "ED", "2026-03-02T08:33:00Z"),
            registration(REGISTRATION_REGISTERED, "r5", "E5", "F01", "ED", "2026-03-02T08:33:00Z"),
            flow(FLOW_REGISTRATION_COMPLETED, "c4", "E4", "F01", "ED", "2026-03-02T08:40:00.500Z"),
            registration(REGISTRATION_ADMITTED, "ad4", "E4", "F01", "ED", "2026-03-02T08:45:00Z"),
            // E3 arrives at 08:50 and completes at 09:02: its wait belongs to the 09:00 hour
            flow(FLOW_ARRIVED, "a3", "E3", "F01", "ED", "2026-03-02T08:50:00Z"),
            flow(FLOW_ARRIVED, "a3", "E3", "F01", "ED", "2026-03-02T08:50:00Z"),
            // E9 leaves without being registered
            flow(FLOW_ARRIVED, "a9", "E9", "F01", "ED", "2026-03-02T08:55:00Z"),
            registration(REGISTRATION_REGISTERED, "r3", "E3", "F01", "ED", "2026-03-02T09:01:00Z"),
            flow(FLOW_REGISTRATION_COMPLETED, "c3", "E3", "F01", "ED", "2026-03-02T09:02:00Z"),
            flow(FLOW_REGISTRATION_COMPLETED, "c3", "E3", "F01", "ED", "2026-03-02T09:02:00Z"),
            // E7: imaging wait of 9 min 59.999 s ending a millisecond before 10:00 UTC; never registered
            flow(FLOW_ARRIVED, "a7", "E7", "F01", "IMG", "2026-03-02T03:50:00-06:00"),
            flow(FLOW_REGISTRATION_COMPLETED, "c7", "E7", "F01", "IMG", "2026-03-02T03:59:59.999-06:00"),
            // E8: F02's ED around midnight UTC: registered on the 2nd, wait ends on the 3rd
            flow(FLOW_ARRIVED, "a8", "E8", "F02", "ED", "2026-03-02T23:50:00Z"),
            registration(REGISTRATION_REGISTERED, "r8", "E8", "F02", "ED", "2026-03-02T23:59:00Z"),
            flow(FLOW_REGISTRATION_COMPLETED, "c8", "E8", "F02", "ED", "2026-03-03T00:00:00Z"));

    /** Records on the topics that are not canonical events. */
    private static final Map<Topic, String> MALFORMED = Map.of(
            Topic.REGISTRATION, "{\"eventType\":\"registration.registered\",\"encounterId\":\"E-bad\"",
            Topic.FLOW, "{\"eventType\":\"flow.arrived\",\"encounterId\":\"E-bad\"}");

    private static final List<HourRow> EXPECTED = List.of(
            // registrations r1, r2 (once), ad4, r5; waits 120, 300, 600.5, 630.25 → (300 + 600.5) / 2
            new HourRow("F01", "ED", "2026-03-02T08:00:00Z", 4, 450.25, "2026-03-02"),
            new HourRow("F01", "ED", "2026-03-02T09:00:00Z", 1, 720.0, "2026-03-02"),
            new HourRow("F01", "IMG", "2026-03-02T08:00:00Z", 1, null, "2026-03-02"),
            new HourRow("F01", "IMG", "2026-03-02T09:00:00Z", 0, 599.999, "2026-03-02"),
            new HourRow("F02", "ED", "2026-03-02T23:00:00Z", 1, null, "2026-03-02"),
            new HourRow("F02", "ED", "2026-03-03T00:00:00Z", 0, 600.0, "2026-03-03"));

    record HourRow(String facilityId, String department, Instant hourStart, long registrations, Double medianWaitSeconds, String eventDate) {
        HourRow(String facilityId, String department, String hourStart, long registrations, Double medianWaitSeconds, String eventDate) {
            this(facilityId, department, Instant.parse(hourStart), registrations, medianWaitSeconds, eventDate);
        }
    }

    private static Path warehouse;
    private static JobExecutionResult run;

    @BeforeAll
    static void publishEventsAndRunTheJob(@InjectMiniCluster MiniCluster flink) throws Exception {
        kafka = new EmbeddedKafkaBroker(EmbeddedKafkaBroker.Config.inDirectory(temp.resolve("kafka"))).start();
        try (TopicAdmin admin = new TopicAdmin(kafka.bootstrapServers(), Duration.ofSeconds(30))) {
            admin.ensureTopics(Stream.of(Topic.REGISTRATION, Topic.FLOW)
                    .map(topic -> new TopicSpec(topic.topicName(), Topic.DEFAULT_PARTITIONS))
                    .toList());
        }
        EventJson json = new EventJson();
        try (EventPublisher publisher = new EventPublisher(new EventPublisher.Config(kafka.bootstrapServers(), "department-flow-test"))) {
            for (CanonicalEvent event : EVENTS) {
                publisher.publish(event.topic().topicName(), event.encounterId(), json.toJsonBytes(event));
            }
            MALFORMED.forEach((topic, value) -> publisher.publish(topic.topicName(), "E-bad", value));
            publisher.flush();
        }

        warehouse = temp.resolve("warehouse");
        StreamExecutionEnvironment env = new TestStreamEnvironment(flink, 2);
        Configuration noKryo = new Configuration();
        noKryo.set(PipelineOptions.GENERIC_TYPES, false);
        env.configure(noKryo);
        new DepartmentFlowJob(new FlowJobConfig(settings("flow-test", warehouse))).addTo(env);
        run = env.execute(DepartmentFlowJob.NAME);
    }

    @AfterAll
    static void stopKafka() {
        if (kafka != null) {
            kafka.close();
        }
    }

    private static JobSettings settings(String groupId, Path warehouse) {
        return JobSettings.of(kafka.bootstrapServers(), groupId, warehouse.toString())
                .withBounded(true)
                .withParallelism(2)
                .withCheckpointInterval(Duration.ofMillis(500))
                .withRestarts(0, Duration.ZERO);
    }

    @Test
    void writesOneRowPerDepartmentHourAsTheSpecificationComputesIt() throws Exception {
        assertThat(readTable(warehouse)).containsExactlyElementsOf(EXPECTED);
    }

    @Test
    void countsRecordsThatAreNotEventsAndKeepsGoing() {
        assertThat(counter(run.getJobID(), "deadLetters")).isEqualTo(MALFORMED.size());
    }

    @Test
    void nothingOfThisInputIsLate() {
        assertThat(counter(run.getJobID(), "lateRecords")).isZero();
    }

    @Test
    void tableFolderHoldsOnlyCommittedParquetFilesInDatePartitions() throws Exception {
        Path table = warehouse.resolve("department_hourly");
        try (Stream<Path> partitions = Files.list(table)) {
            assertThat(partitions.map(path -> path.getFileName().toString()))
                    .containsExactlyInAnyOrder("event_date=2026-03-02", "event_date=2026-03-03");
        }
        List<Path> files = files(table);
        assertThat(files).isNotEmpty();
        assertThat(files).allSatisfy(file -> {
            assertThat(file.getParent().getParent()).isEqualTo(table);
            assertThat(file.getFileName().toString()).startsWith("part-").endsWith(".parquet").doesNotContain("inprogress");
        });
    }

    @Test
    void analystsSeeTheTableTypes() throws Exception {
        Map<String, String> columns = new LinkedHashMap<>();
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duckdb.createStatement();
                ResultSet rows = statement.executeQuery("DESCRIBE SELECT * FROM " + tableScan(warehouse))) {
            while (rows.next()) {
                columns.put(rows.getString("column_name"), rows.getString("column_type"));
            }
        }

        assertThat(columns).containsExactly(
                Map.entry("facility_id", "VARCHAR"),
                Map.entry("department", "VARCHAR"),
                Map.entry("hour_start", "TIMESTAMP WITH TIME ZONE"),
                Map.entry("registrations", "BIGINT"),
                Map.entry("median_registration_wait_seconds", "DOUBLE"),
                Map.entry("event_date", "DATE"));
    }

    @Test
    void mainRunsTheSameJobFromCommandLineArguments() throws Exception {
        Path mainWarehouse = temp.resolve("warehouse-main");

        DepartmentFlowJob.main(new String[] {
                "--bootstrap", kafka.bootstrapServers(),
                "--warehouse", mainWarehouse.toString(),
                "--group", "flow-test-main",
                "--bounded",
                "--parallelism", "2",
                "--checkpoint-interval", "500 ms",
                "--restart-attempts", "0"});

        assertThat(readTable(mainWarehouse)).containsExactlyElementsOf(EXPECTED);
    }

    private static String tableScan(Path warehouse) {
        return "read_parquet('" + warehouse.resolve("department_hourly") + "/*/*.parquet', hive_partitioning = true)";
    }

    private static List<HourRow> readTable(Path warehouse) throws SQLException {
        List<HourRow> rows = new ArrayList<>();
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duckdb.createStatement();
                ResultSet result = statement.executeQuery("""
                        SELECT facility_id, department, epoch_ms(hour_start) AS hour_start_millis, registrations,
                               median_registration_wait_seconds, CAST(event_date AS VARCHAR) AS event_date
                        FROM %s
                        ORDER BY facility_id, department, hour_start""".formatted(tableScan(warehouse)))) {
            while (result.next()) {
                double median = result.getDouble("median_registration_wait_seconds");
                Double medianOrNull = result.wasNull() ? null : median;
                rows.add(new HourRow(
                        result.getString("facility_id"),
                        result.getString("department"),
                        Instant.ofEpochMilli(result.getLong("hour_start_millis")),
                        result.getLong("registrations"),
                        medianOrNull,
                        result.getString("event_date")));
            }
        }
        return rows;
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(Files::isRegularFile).toList();
        }
    }

    /** The sum of a counter over the subtasks; fails when no operator registered it. */
    private static long counter(JobID job, String name) {
        Map<String, Metric> counters = METRICS.findMetrics(job, name);
        assertThat(counters).as("counters named %s", name).isNotEmpty();
        return counters.values().stream()
                .mapToLong(metric -> ((Counter) metric).getCount())
                .sum();
    }
}
