package io.admitto.qarules.benchmark;

import io.admitto.ingest.generator.DefectRates;
import io.admitto.ingest.generator.GeneratorConfig;
import io.admitto.qarules.Assessment;
import io.admitto.qarules.GeneratedHospital;
import io.admitto.qarules.RegistrationAssessor;
import io.admitto.qarules.config.OrganizationConfigLoader;
import io.admitto.qarules.snapshot.RegistrationSnapshot;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Assessments per second on one core, over the snapshots of a generated week (two facilities, about
 * 2,900 registered encounters) with the default defect rates, or with none ({@code rates=none}).
 * Run: {@code ./admitto bench qa-rules AssessmentBenchmark}. The figure is per thread: JMH runs one.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class AssessmentBenchmark
{
    @Param({"defaults", "none"})
    public String rates;

    private RegistrationSnapshot[] snapshots;
    private RegistrationAssessor assessor;
    private int next;

    @Setup(Level.Trial)
    public void generate()
    {
        GeneratorConfig config = GeneratorConfig.defaults(7).withDefectRates(rates.equals("none") ? DefectRates.none() : DefectRates.defaults());
        snapshots = GeneratedHospital.generate(config).snapshots.toArray(new RegistrationSnapshot[0]);
        assessor = RegistrationAssessor.standard(OrganizationConfigLoader.loadDefault());
    }

    @Benchmark
    public Assessment assess()
    {
        RegistrationSnapshot snapshot = snapshots[next];
        next = next + 1 == snapshots.length ? 0 : next + 1;
        return assessor.assess(snapshot);
    }
}
