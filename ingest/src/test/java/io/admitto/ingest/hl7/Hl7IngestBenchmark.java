package io.admitto.ingest.hl7;

import io.admitto.events.CanonicalEvent;
import io.admitto.events.DeadLetter;
import io.admitto.ingest.source.IngestSink;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
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
 * HL7 v2 messages per second on one core: a typical registration (A04 with EVN, PID, PV1, two DG1, GT1,
 * two IN1 and an IN2, about 1 KB) through HAPI parsing and the registration mapping into a sink that
 * discards. Kafka is not measured: the shared producer's throughput is EventPublisher's business.
 *
 * <pre>./admitto bench ingest Hl7IngestBenchmark</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Threads(1)
public class Hl7IngestBenchmark {
    private Hl7MessageHandler handler;
    private RawHl7Message message;

    @Setup
    public void setUp() {
        handler = new Hl7MessageHandler(Hl7Options.inZone(ZoneId.of("America/Chicago")), Clock.systemUTC());
        message = RawHl7Message.of(Hl7RegistrationMappingTest.message("A04", "2.5.1"), 1);
    }

    /** One message parsed and mapped; the score is messages per second. */
    @Benchmark
    public void parseAndMap(Blackhole blackhole) {
        handler.handle(message, "bench", new IngestSink() {
            @Override
            public void accept(CanonicalEvent event) {
                blackhole.consume(event);
            }

            @Override
            public void deadLetter(DeadLetter deadLetter) {
                throw new AssertionError(deadLetter.reason());
            }
        });
    }
}
