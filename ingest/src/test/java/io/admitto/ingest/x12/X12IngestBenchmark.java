package io.admitto.ingest.x12;

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
 * 835 claims per second on one core: a remittance file of {@value #CLAIMS} claims (each CLP with a
 * claim-level CAS, patient NM1, one SVC with dates and two CAS — the shape of the public managed-care
 * sample) read by StAEDI, envelope-checked and mapped into a sink that discards. The score is claims/s.
 *
 * <pre>./admitto bench ingest X12IngestBenchmark</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Threads(1)
public class X12IngestBenchmark {
    static final int CLAIMS = 2000;

    private X12SourceAdapter adapter;
    private String remittance;

    @Setup
    public void setUp() {
        adapter = new X12SourceAdapter(new X12Settings("F01", ZoneId.of("America/Chicago")), Clock.systemUTC());
        remittance = remittance(CLAIMS);
    }

    /** An 835 with {@code claims} claims in one transaction, with correct SE/GE/IEA counts. */
    static String remittance(int claims) {
        StringBuilder body = new StringBuilder();
        int segments = 0;
        String[] header = {
                "ST*835*0001~", "BPR*I*945.00*C*ACH*CCP*01*888999777*DA*24681012*1935665544**01*111333555*DA*144444*20260330~",
                "TRN*1*7170066655*1935665544~", "DTM*405*20260328~", "N1*PR*RUSHMORE LIFE*XV*BCX~", "N3*10 SOUTH AVENUE~",
                "N4*RAPID CITY*SD*55111~", "N1*PE*ADMITTO GENERAL*XX*1234567893~", "LX*1~"};
        for (String segment : header) {
            body.append(segment).append('\n');
            segments++;
        }
        for (int i = 0; i < claims; i++) {
            String[] claim = {
                    "CLP*F01-E" + (100000 + i) + "*1*800.00*450.00*300.00*12*94060555410000~", "CAS*CO*A2*50.00~",
                    "NM1*QC*1*BUDD*WILLIAM****MI*33344555510~", "SVC*HC:99211*800.00*500.00**1~", "DTM*150*20260301~",
                    "DTM*151*20260304~", "CAS*PR*1*300.00~", "CAS*CO*45*0.00~"};
            for (String segment : claim) {
                body.append(segment).append('\n');
                segments++;
            }
        }
        segments++;
        return "ISA*00*          *00*          *ZZ*BCX            *ZZ*ADMITTOF01     *260328*1200*^*00501*000000001*0*P*:~\n"
                + "GS*HP*BCX*ADMITTOF01*20260328*1200*1*X*005010X221A1~\n"
                + body + "SE*" + segments + "*0001~\nGE*1*1~\nIEA*1*000000001~\n";
    }

    /** The whole file read and mapped; the score is claims per second. */
    @Benchmark
    @OperationsPerInvocation(CLAIMS)
    public void readAndMap835(Blackhole blackhole) {
        adapter.read(remittance, "bench.835", new IngestSink() {
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
