package io.admitto.jobs.platform;

import io.admitto.events.Topic;
import io.admitto.ingest.generator.GeneratorConfig;
import io.admitto.jobs.common.ConsumedEvents;
import io.admitto.jobs.common.JobEnvironment;
import io.admitto.jobs.common.JobSettings;
import io.admitto.jobs.testing.GeneratedTopics;
import io.admitto.jobs.common.KafkaEventStreams;
import io.admitto.jobs.flow.DepartmentFlowJob;
import io.admitto.jobs.flow.FlowJobConfig;
import io.admitto.jobs.quality.RegistrationQualityJob;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The whole platform end to end (every job, one source, Parquet committed) against the decode-only
 * bound (the same Kafka source and JSON decoding into a discarding sink) and the first job alone, in
 * one run on the same generated data. One invocation is one bounded job run, MiniCluster start-up included; {@code events}
 * is input events per second.
 *
 * <pre>./admitto bench streaming-jobs PlatformJobsBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xms3g", "-Xmx3g"})
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
public class PlatformJobsBenchmark {
    @Param("2")
    public int parallelism;

    @Param("7")
    public int days;

    private Path directory;
    private GeneratedTopics kafka;
    private long inputEvents;
    private int run;

    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Consumed {
        public long events;

        @Setup(Level.Iteration)
        public void reset() {
            events = 0;
        }
    }

    @Setup(Level.Trial)
    public void publishGeneratedHospital() throws IOException {
        directory = Files.createTempDirectory("platform-benchmark");
        kafka = GeneratedTopics.publish(directory.resolve("kafka"),
                GeneratorConfig.defaults(42).withDays(days).withFacilities(4).withDailyEncountersPerFacility(2000));
        inputEvents = kafka.events(PlatformJobs.TOPICS);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        kafka.close();
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private JobSettings settings() {
        run++;
        return JobSettings.of(kafka.bootstrapServers(), "benchmark-" + run, directory.resolve("warehouse-" + run).toString())
                .withBounded(true)
                .withParallelism(parallelism)
                .withRestarts(0, Duration.ZERO);
    }

    @Benchmark
    public void allJobs(Consumed consumed) throws Exception {
        JobSettings settings = settings();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism, JobEnvironment.configuration(settings));
        new PlatformJobs(settings, RegistrationQualityJob.DEMO_PSEUDONYM_KEY).addTo(env);
        env.execute(PlatformJobs.NAME);
        consumed.events += inputEvents;
    }

    /** The first job alone, on its own source over the registration and flow topics. */
    @Benchmark
    public void departmentFlowOnly(Consumed consumed) throws Exception {
        JobSettings settings = settings();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism, JobEnvironment.configuration(settings));
        new DepartmentFlowJob(new FlowJobConfig(settings)).addTo(env);
        env.execute(DepartmentFlowJob.NAME);
        consumed.events += kafka.events(List.of(Topic.REGISTRATION, Topic.FLOW));
    }

    @Benchmark
    public void decodeOnly(Consumed consumed) throws Exception {
        JobSettings settings = settings();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism, JobEnvironment.configuration(settings));
        JobEnvironment.configure(env, settings);
        ConsumedEvents events = KafkaEventStreams.read(env, settings, PlatformJobs.TOPICS.toArray(Topic[]::new));
        events.events().sinkTo(new DiscardingSink<>()).name("Discard");
        env.execute("decode-only");
        consumed.events += inputEvents;
    }
}
