package io.admitto.ingest.fhir;

import io.admitto.events.CanonicalEvent;
import io.admitto.events.DeadLetter;
import io.admitto.ingest.source.IngestSink;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;

/**
 * FHIR resources per second on one core: a bulk-export NDJSON of {@value #PATIENTS} patients, each
 * with a Coverage and an Encounter (so {@value #RESOURCES} resources), parsed by HAPI, indexed and mapped
 * to registrations into a sink that discards. The score is resources/s (a third of them become events).
 *
 * <pre>./admitto bench ingest FhirIngestBenchmark</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Threads(1)
public class FhirIngestBenchmark {
    static final int PATIENTS = 300;
    static final int RESOURCES = PATIENTS * 3;

    private FhirSourceAdapter adapter;
    private String export;

    @Setup
    public void setUp() {
        adapter = new FhirSourceAdapter(new FhirSettings("F01", ZoneId.of("America/Chicago")), Clock.systemUTC());
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < PATIENTS; i++) {
            lines.append("{\"resourceType\":\"Patient\",\"id\":\"p").append(i).append("\",\"identifier\":[{\"type\":{\"coding\":[{\"code\":\"MR\"}]},\"value\":\"MRN")
                    .append(i).append("\"}],\"name\":[{\"family\":\"RIVERA\",\"given\":[\"ANA\"]}],\"gender\":\"female\",\"birthDate\":\"1958-11-30\",")
                    .append("\"address\":[{\"line\":[\"12 Elm St\"],\"city\":\"Springfield\",\"state\":\"IL\",\"postalCode\":\"62701\"}]}\n");
            lines.append("{\"resourceType\":\"Coverage\",\"id\":\"c").append(i).append("\",\"status\":\"active\",\"subscriberId\":\"XBC").append(i)
                    .append("\",\"beneficiary\":{\"reference\":\"Patient/p").append(i).append("\"},\"relationship\":{\"coding\":[{\"code\":\"self\"}]},")
                    .append("\"payor\":[{\"identifier\":{\"value\":\"BCX\"}}],\"order\":1,\"period\":{\"start\":\"2025-01-01\"}}\n");
            lines.append("{\"resourceType\":\"Encounter\",\"id\":\"e").append(i).append("\",\"status\":\"in-progress\",\"class\":{\"code\":\"AMB\"},")
                    .append("\"identifier\":[{\"type\":{\"coding\":[{\"code\":\"VN\"}]},\"value\":\"F01-E").append(i).append("\"}],")
                    .append("\"subject\":{\"reference\":\"Patient/p").append(i).append("\"},\"period\":{\"start\":\"2026-03-02T08:24:00-06:00\"}}\n");
        }
        export = lines.toString();
    }

    /** The whole export read and mapped; the score is resources per second. */
    @Benchmark
    @OperationsPerInvocation(RESOURCES)
    public void readAndMapNdjson(Blackhole blackhole) {
        adapter.read(export, "bench.ndjson", true, new IngestSink() {
            @Override
            public void accept(CanonicalEvent event) {
                blackhole.consume(event);
            }

            @Override
            public void deadLetter(DeadLetter deadLetter) {
                throw new AssertionError(deadLetter.location() + ": " + deadLetter.reason());
            }
        });
    }
}
