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
import io.admitto.jobs.testing.ExactlyOnceChecks;
import io.admitto.jobs.testing.GeneratedTopics;
import org.apache.flink.api.common.JobID;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole-job restart: the live (unbounded) platform job is stopped mid-stream — cancelled, as an
 * operator stops it for an upgrade — after at least one checkpoint, and a new job is started from that
 * retained checkpoint. Once it has caught up with the topics it is stopped with a drain (which ends event
 * time, so every window and timer fires), and the committed tables must equal the ground truth: the
 * first run's committed files stay, the second continues from the checkpoint's offsets and state —
 * nothing lost, nothing twice.
 *
 * <p>Both runs are unbounded, as a live job is: a bounded Kafka source restored from a checkpoint never
 * finishes (FLINK-31006), so a bounded backfill is rerun rather than resumed.
 */
class PlatformJobsRestartTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    /** Test-only switches, static because Flink serializes the operator: hold the first run, let the second through. */
    private static volatile boolean holdMidStream = true;
    private static final CountDownLatch HELD = new CountDownLatch(1);

    @TempDir
    static Path temp;

    private static GeneratedTopics kafka;
    private static GroundTruth truth;
    private static Path warehouse;
    private static final List<CanonicalEvent> EVENTS = new ArrayList<>();
    private static long filesOfTheFirstRun;
    private static Path checkpoint;

    @BeforeAll
    static void stopMidStreamThenResumeFromTheCheckpoint(@InjectMiniCluster MiniCluster flink) throws Exception {
        kafka = GeneratedTopics.publish(temp.resolve("kafka"),
                GeneratorConfig.defaults(4321).withDays(2).withFacilities(2).withDailyEncountersPerFacility(150), EVENTS::add);
        truth = kafka.truth();
        warehouse = temp.resolve("warehouse");
        Path checkpoints = temp.resolve("checkpoints");
        JobSettings settings = JobSettings.of(kafka.bootstrapServers(), "restart-test", warehouse.toString())
                .withBounded(false)
                .withParallelism(2)
                .withCheckpointInterval(Duration.ofMillis(300))
                .withCheckpointDirectory(checkpoints.toString())
                .withRestarts(0, Duration.ZERO);

        JobClient first = environment(flink, settings, null).executeAsync("platform-first-run");
        assertThat(HELD.await(3, TimeUnit.MINUTES)).as("the first run reached the middle of the stream").isTrue();
        first.cancel().get(1, TimeUnit.MINUTES);
        awaitStatus(flink, first.getJobID(), JobStatus.CANCELED);
        filesOfTheFirstRun = committedFiles();

        holdMidStream = false;
        checkpoint = latestCheckpoint(checkpoints.resolve(first.getJobID().toHexString()));
        JobClient resumed = environment(flink, settings, checkpoint).executeAsync("platform-resumed");
        awaitCaughtUp(settings.groupId(), kafka.events(PlatformJobs.TOPICS));
        // a drain ends event time: the last windows and timers fire and their files are committed
        resumed.stopWithSavepoint(true, temp.resolve("savepoints").toUri().toString(), SavepointFormatType.CANONICAL)
                .get(2, TimeUnit.MINUTES);
        awaitStatus(flink, resumed.getJobID(), JobStatus.FINISHED);
    }

    @AfterAll
    static void stopKafka() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void theFirstRunCommittedPartOfTheTablesAndLeftACheckpointBehind() {
        assertThat(filesOfTheFirstRun).isPositive();
        assertThat(checkpoint.resolve("_metadata")).exists();
    }

    @Test
    void departmentHoursEqualTheGroundTruthAcrossTheRestart() throws Exception {
        ExactlyOnceChecks.departmentHoursEqualTheTruth(warehouse, truth);
    }

    @Test
    void everyVisitAndAssessmentVersionIsWrittenOnceAcrossTheRestart() throws Exception {
        ExactlyOnceChecks.everyVisitAndAssessmentVersionOnce(warehouse);
    }

    @Test
    void everyDenialIsWrittenOnceAcrossTheRestart() throws Exception {
        ExactlyOnceChecks.everyDenialOnce(warehouse, EVENTS);
    }

    private static StreamExecutionEnvironment environment(MiniCluster flink, JobSettings settings, Path restoreFrom) {
        StreamExecutionEnvironment env = new TestStreamEnvironment(flink, 2);
        JobEnvironment.configure(env, settings);
        Configuration overrides = new Configuration();
        overrides.set(PipelineOptions.GENERIC_TYPES, false);
        if (restoreFrom != null) {
            // what `flink run -s <checkpoint>` sets
            overrides.set(StateRecoveryOptions.SAVEPOINT_PATH, restoreFrom.toUri().toString());
        }
        env.configure(overrides);
        ConsumedEvents read = KafkaEventStreams.read(env, settings, PlatformJobs.TOPICS.toArray(Topic[]::new));
        ConsumedEvents held = new ConsumedEvents(
                read.events().map(new HoldMidStream()).returns(CanonicalEventTypeInfo.INSTANCE).name("Hold mid-stream").uid("hold-mid-stream"),
                read.deadLetters(), read.lateEvents());
        new PlatformJobs(settings, RegistrationQualityJob.DEMO_PSEUDONYM_KEY).addTo(held);
        return env;
    }

    private static void awaitStatus(MiniCluster flink, JobID job, JobStatus expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (flink.getJobStatus(job).get() != expected) {
            assertThat(System.nanoTime()).as("job %s reaching %s", job, expected).isLessThan(deadline);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    /** Until the offsets committed with the resumed job's checkpoints reach the end of every topic. */
    private static void awaitCaughtUp(String groupId, long events) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            while (true) {
                long committed = admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get().values().stream()
                        .filter(Objects::nonNull)
                        .mapToLong(OffsetAndMetadata::offset)
                        .sum();
                if (committed >= events) {
                    return;
                }
                assertThat(System.nanoTime()).as("resumed job catching up: %d of %d committed", committed, events).isLessThan(deadline);
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
            }
        }
    }

    private static Path latestCheckpoint(Path jobCheckpoints) throws IOException {
        try (Stream<Path> directories = Files.list(jobCheckpoints)) {
            return directories.filter(directory -> directory.getFileName().toString().startsWith("chk-"))
                    .filter(directory -> Files.exists(directory.resolve("_metadata")))
                    .max(Comparator.comparingLong(directory -> Long.parseLong(directory.getFileName().toString().substring(4))))
                    .orElseThrow(() -> new AssertionError("no retained checkpoint in " + jobCheckpoints));
        }
    }

    private static long committedFiles() throws IOException {
        try (Stream<Path> files = Files.walk(warehouse)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".parquet") && !file.getFileName().toString().startsWith("."))
                    .count();
        }
    }

    /**
     * In the first run, stops reading once a checkpoint of this subtask completed and some events have
     * passed since, and stays there until the job is cancelled; in the second run, lets everything through.
     */
    private static final class HoldMidStream extends RichMapFunction<CanonicalEvent, CanonicalEvent> implements CheckpointListener {
        private static final long serialVersionUID = 1L;
        private transient int seen;
        private transient boolean checkpointed;

        @Override
        public void open(OpenContext openContext) {
            seen = 0;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            checkpointed = true;
        }

        @Override
        public CanonicalEvent map(CanonicalEvent event) throws Exception {
            if (holdMidStream && ++seen >= 2000 && checkpointed) {
                HELD.countDown();
                while (holdMidStream) {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
                    if (Thread.interrupted()) {
                        throw new InterruptedException("cancelled while held");
                    }
                }
            }
            return event;
        }
    }
}
