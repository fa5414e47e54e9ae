package io.admitto.jobs.common;

import io.admitto.events.CanonicalEvent;
import io.admitto.events.EventJson;
import io.admitto.ingest.generator.GeneratorConfig;
import io.admitto.ingest.generator.HospitalGenerator;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Moving one event to another task (serialize + deserialize): the tagged Smile form of
 * {@link CanonicalEventSerializer} against the polymorphic wire JSON it replaced, over one generated day.
 *
 * <pre>./admitto bench streaming-jobs CanonicalEventSerializerBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@OperationsPerInvocation(CanonicalEventSerializerBenchmark.EVENTS)
public class CanonicalEventSerializerBenchmark {
    static final int EVENTS = 10_000;

    private final List<CanonicalEvent> events = new ArrayList<>();
    private final EventJson json = new EventJson();
    private final DataOutputSerializer out = new DataOutputSerializer(4096);
    private final DataInputDeserializer in = new DataInputDeserializer();

    @Setup
    public void generate() {
        List<CanonicalEvent> all = new ArrayList<>();
        new HospitalGenerator(GeneratorConfig.defaults(3).withDays(3).withFacilities(4)).generate(all::add);
        events.addAll(all.subList(0, EVENTS));
    }

    @Benchmark
    public void taggedSmile(Blackhole blackhole) throws IOException {
        for (CanonicalEvent event : events) {
            out.clear();
            CanonicalEventSerializer.INSTANCE.serialize(event, out);
            in.setBuffer(out.getSharedBuffer(), 0, out.length());
            blackhole.consume(CanonicalEventSerializer.INSTANCE.deserialize(in));
        }
    }

    @Benchmark
    public void polymorphicJson(Blackhole blackhole) {
        for (CanonicalEvent event : events) {
            blackhole.consume(json.fromJson(json.toJsonBytes(event)));
        }
    }
}
