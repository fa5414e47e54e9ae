package io.admitto.ingest.generator;

import io.admitto.events.CanonicalEvent;
import io.admitto.events.EventJson;
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
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * How fast the generator produces events, so it is never the bottleneck of another benchmark.
 * Each invocation generates one day of a health system ({@code facilities} × {@code daily}
 * encounters); the {@code events} counter reports events per second.
 *
 * <pre>./admitto bench ingest GeneratorBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 3, time = 15)
public class GeneratorBenchmark {
    @Param("4")
    public int facilities;

    @Param("2000")
    public int daily;

    private GeneratorConfig config;
    private EventJson json;
    private Path directory;

    /** Events produced, reported by JMH as a rate beside the invocations. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Produced {
        public long events;
        public long bytes;

        @Setup(Level.Iteration)
        public void reset() {
            events = 0;
            bytes = 0;
        }
    }

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        config = GeneratorConfig.defaults(42).withDays(1).withFacilities(facilities).withDailyEncountersPerFacility(daily);
        json = new EventJson();
        directory = Files.createTempDirectory("generator-benchmark");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** Generation and JSON encoding, no disk: the cost the generator adds in front of Kafka. */
    @Benchmark
    public void generateAndEncode(Produced produced, Blackhole blackhole) {
        GroundTruth truth = new HospitalGenerator(config).generate(new EventSink() {
            @Override
            public void accept(CanonicalEvent event) {
                byte[] bytes = json.toJsonBytes(event);
                produced.bytes += bytes.length;
                blackhole.consume(bytes);
            }
        });
        produced.events += truth.counts().events();
    }

    /** What {@code admitto generate} does: NDJSON files per topic. */
    @Benchmark
    public void generateToNdjsonFiles(Produced produced) {
        GroundTruth truth;
        try (NdjsonEventSink sink = new NdjsonEventSink(directory)) {
            truth = new HospitalGenerator(config).generate(sink);
        }
        catch (UncheckedIOException e) {
            throw e;
        }
        produced.events += truth.counts().events();
    }
}
