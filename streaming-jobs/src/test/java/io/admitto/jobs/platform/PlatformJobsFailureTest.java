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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

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
    private static final List<CanonicalEvent> EVENTS = new ArrayList<>();

    @BeforeAll
    static void runWithFailures(@InjectMiniCluster MiniCluster flink) throws Exception {
        kafka = GeneratedTopics.publish(temp.resolve("kafka"),
                GeneratorConfig.defaults(1234).withDays(2).withFacilities(2).withDailyEncountersPerFacility(150), EVENTS::add);
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
        ExactlyOnceChecks.departmentHoursEqualTheTruth(warehouse, truth);
    }

    @Test
    void everyVisitHasExactlyOneWaitRowAndEveryAssessmentVersionIsWrittenOnce() throws Exception {
        ExactlyOnceChecks.everyVisitAndAssessmentVersionOnce(warehouse);
    }

    @Test
    void everyDenialIsWrittenOnce() throws Exception {
        ExactlyOnceChecks.everyDenialOnce(warehouse, EVENTS);
    }

    /**
     * Throws once per attempt while failures are left: after a checkpoint of this attempt completed and
     * more events were read, so every restart resumes from a checkpoint in the middle of the stream.
     *
     * <p>While a failure is still owed and this attempt has no completed checkpoint yet, each event is
     * held back a little (longer the more events pass without one). On a fast machine the bounded input
     * would otherwise be read to its end before the first checkpoint of the third attempt completed, and
     * the last failure would never come. Barriers still pass between events, so checkpoints go on.
     */
    private static final class FailAfterCheckpoints extends RichMapFunction<CanonicalEvent, CanonicalEvent> implements CheckpointListener {
        private static final long serialVersionUID = 1L;
        private static final int EVENTS_AFTER_CHECKPOINT = 200;
        private transient int seen;
        private transient int seenSinceCheckpoint;
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
            seen++;
            if (FAILURES_LEFT.get() == 0) {
                return event;
            }
            if (!checkpointed) {
                LockSupport.parkNanos(Duration.ofMillis(seen < 300 ? 1 : 20).toNanos());
                return event;
            }
            if (++seenSinceCheckpoint >= EVENTS_AFTER_CHECKPOINT
                    && FAILURES_LEFT.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                throw new IllegalStateException("injected failure");
            }
            return event;
        }
    }
}
