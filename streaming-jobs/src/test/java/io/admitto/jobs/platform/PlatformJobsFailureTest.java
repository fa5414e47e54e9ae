package io.admitto.jobs.platform;

import io.admitto.events.CanonicalEvent;
import io.admitto.events.Topic;
import io.admitto.ingest.generator.GeneratorConfig;
import io.admitto.ingest.generator.GroundTruth;
import io.admitto.jobs.common.CanonicalEventTypeInfo;
import io.admitto.jobs.common.ConsumedEvents;
import io.admitto.jobs.common.JobEnvironment;
import io.admitto.jobs.common.JobSettings;
import io.admitto.jobs.common.KafkaEventStreams;
import io.admitto.jobs.quality.RegistrationQualityJob;
import io.admitto.jobs.testing.GeneratedTopics;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exactly-once through failures: the platform's jobs fail three times mid-stream (an exception thrown
 * between the source and the jobs, after a checkpoint or two each time) and restart from their last
 * checkpoint; the committed tables must still equal the ground truth — nothing lost, nothing twice.
 */
class PlatformJobsFailureTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    /** Failures still to inject; static because Flink serializes the operator (test-only state). */
    private static final AtomicInteger FAILURES_LEFT = new AtomicInteger(3);
    private static final AtomicInteger RESTARTS_SEEN = new AtomicInteger();

    @TempDir
    static Path temp;

    private static GeneratedTopics kafka;
    private static GroundTruth truth;
    private static Path warehouse;

    @BeforeAll
    static void runWithFailures(@InjectMiniCluster MiniCluster flink) throws Exception {
        kafka = GeneratedTopics.publish(temp.resolve("kafka"),
                GeneratorConfig.defaults(1234).withDays(2).withFacilities(2).withDailyEncountersPerFacility(150));
        truth = kafka.truth();

        warehouse = temp.resolve("warehouse");
        JobSettings settings = JobSettings.of(kafka.bootstrapServers(), "failure-test", warehouse.toString())
                .withBounded(true)
                .withParallelism(2)
                .withCheckpointInterval(Duration.ofMillis(300))
                .withRestarts(10, Duration.ofMillis(200));
        StreamExecutionEnvironment env = new TestStreamEnvironment(flink, 2);
        Configuration noKryo = new Configuration();
        noKryo.set(PipelineOptions.GENERIC_TYPES, false);
        env.configure(noKryo);
        JobEnvironment.configure(env, settings);
        ConsumedEvents read = KafkaEventStreams.read(env, settings, PlatformJobs.TOPICS.toArray(Topic[]::new));
        ConsumedEvents failing = new ConsumedEvents(
                read.events().map(new FailAfterCheckpoints()).returns(CanonicalEventTypeInfo.INSTANCE).name("Inject failures"),
                read.deadLetters(), read.lateEvents());
        new PlatformJobs(settings, RegistrationQualityJob.DEMO_PSEUDONYM_KEY).addTo(failing);
        env.execute("platform-with-failures");
    }

    @AfterAll
    static void stopKafka() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void theJobReallyFailedAndRecovered() {
        assertThat(FAILURES_LEFT.get()).isZero();
        assertThat(RESTARTS_SEEN.get()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void departmentHoursEqualTheGroundTruthDespiteTheFailures() throws Exception {
        List<String> expected = truth.kpis().departmentHourly().stream()
                .map(hour -> String.join("|", hour.hourStart().toString(), hour.facilityId(), hour.department(),
                        Long.toString(hour.registrations()), String.valueOf(hour.medianRegistrationWaitSeconds())))
                .sorted()
                .toList();
        List<String> actual = new ArrayList<>();
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duckdb.createStatement();
                ResultSet result = statement.executeQuery("""
                        SELECT epoch_ms(hour_start), facility_id, department, registrations, median_registration_wait_seconds
                        FROM read_parquet('%s/department_hourly/*/[!.]*.parquet', hive_partitioning = true)""".formatted(warehouse))) {
            while (result.next()) {
                double median = result.getDouble(5);
                actual.add(String.join("|", Instant.ofEpochMilli(result.getLong(1)).toString(), result.getString(2), result.getString(3),
                        Long.toString(result.getLong(4)), String.valueOf(result.wasNull() ? null : median)));
            }
        }
        actual.sort(null);
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    @Test
    void everyVisitHasExactlyOneWaitRowAndEveryAssessmentVersionIsWrittenOnce() throws Exception {
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duckdb.createStatement();
                ResultSet waits = statement.executeQuery("""
                        SELECT count(*), count(DISTINCT encounter_id)
                        FROM read_parquet('%s/wait_times/*/[!.]*.parquet', hive_partitioning = true)""".formatted(warehouse))) {
            waits.next();
            assertThat(waits.getLong(1)).isPositive().isEqualTo(waits.getLong(2));
        }
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duckdb.createStatement();
                ResultSet versions = statement.executeQuery("""
                        SELECT count(*), count(DISTINCT (encounter_id, version))
                        FROM read_parquet('%s/registration_quality/*/[!.]*.parquet', hive_partitioning = true)""".formatted(warehouse))) {
            versions.next();
            assertThat(versions.getLong(1)).isPositive().isEqualTo(versions.getLong(2));
        }
    }

    /**
     * Throws once per attempt while failures are left: after a checkpoint of this attempt completed and
     * more events were read, so every restart resumes from a checkpoint in the middle of the stream.
     */
    private static final class FailAfterCheckpoints extends RichMapFunction<CanonicalEvent, CanonicalEvent> implements CheckpointListener {
        private static final long serialVersionUID = 1L;
        private transient int seen;
        private transient boolean checkpointed;

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            checkpointed = true;
        }

        @Override
        public void open(OpenContext openContext) {
            if (getRuntimeContext().getTaskInfo().getAttemptNumber() > 0) {
                RESTARTS_SEEN.incrementAndGet();
            }
        }

        @Override
        public CanonicalEvent map(CanonicalEvent event) throws Exception {
            if (++seen >= 1000 && checkpointed && FAILURES_LEFT.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                throw new IllegalStateException("injected failure");
            }
            return event;
        }
    }
}
