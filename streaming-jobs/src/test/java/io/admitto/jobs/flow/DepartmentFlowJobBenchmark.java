package io.admitto.jobs.flow;

import io.admitto.events.Topic;
import io.admitto.ingest.generator.GeneratorConfig;
import io.admitto.jobs.common.JobEnvironment;
import io.admitto.jobs.common.JobSettings;
import io.admitto.jobs.testing.GeneratedTopics;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
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
 * Events per second through {@link DepartmentFlowJob} end to end: a bounded run in a local MiniCluster
 * reads the generated registration and flow topics from an embedded broker to their end and commits
 * Parquet. One invocation is one whole job run (start-up included), over a fresh consumer group and
 * warehouse; the {@code events} counter is the job's input events per second.
 *
 * <pre>./admitto bench streaming-jobs DepartmentFlowJobBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xms3g", "-Xmx3g"})
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
public class DepartmentFlowJobBenchmark {
    @Param("2")
    public int parallelism;

    @Param("10")
    public int days;

    private Path directory;
    private GeneratedTopics kafka;
    private long jobInputEvents;
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
        directory = Files.createTempDirectory("flow-benchmark");
        kafka = GeneratedTopics.publish(directory.resolve("kafka"),
                GeneratorConfig.defaults(42).withDays(days).withFacilities(4).withDailyEncountersPerFacility(2000));
        jobInputEvents = kafka.events(List.of(Topic.REGISTRATION, Topic.FLOW));
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        kafka.close();
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Benchmark
    public void boundedRun(Consumed consumed) throws Exception {
        run++;
        JobSettings settings = JobSettings.of(kafka.bootstrapServers(), "benchmark-" + run, directory.resolve("warehouse-" + run).toString())
                .withBounded(true)
                .withParallelism(parallelism)
                .withRestarts(0, Duration.ZERO);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism, JobEnvironment.configuration(settings));
        new DepartmentFlowJob(new FlowJobConfig(settings)).addTo(env);
        env.execute(DepartmentFlowJob.NAME);
        consumed.events += jobInputEvents;
    }
}
