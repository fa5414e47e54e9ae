package io.admitto.qarules.benchmark;

import com.sun.management.ThreadMXBean;
import io.admitto.ingest.generator.GeneratorConfig;
import io.admitto.qarules.GeneratedHospital;
import io.admitto.qarules.RegistrationAssessor;
import io.admitto.qarules.catalogue.RuleCatalogue;
import io.admitto.qarules.config.OrganizationConfig;
import io.admitto.qarules.config.OrganizationConfigLoader;
import io.admitto.qarules.rule.Rule;
import io.admitto.qarules.snapshot.RegistrationSnapshot;

import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * Assessments per CPU-second of the measuring thread, and bytes allocated per assessment by each rule
 * alone. A development probe beside {@link AssessmentBenchmark}: on a shared, loaded machine JMH's
 * wall-clock throughput measures the neighbours too, thread CPU time does not.
 * Run: {@code java -cp <test classpath> io.admitto.qarules.benchmark.AssessmentCpuProbe [rounds]}.
 */
public final class AssessmentCpuProbe
{
    private AssessmentCpuProbe() {}

    public static void main(String[] args)
    {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        RegistrationSnapshot[] snapshots = GeneratedHospital.generate(GeneratorConfig.defaults(7)).snapshots.toArray(new RegistrationSnapshot[0]);
        OrganizationConfig config = OrganizationConfigLoader.loadDefault();
        RegistrationAssessor assessor = RegistrationAssessor.standard(config);
        long sink = 0;
        for (int warmup = 0; warmup < rounds / 4; warmup++) {
            for (RegistrationSnapshot snapshot : snapshots) {
                sink += assessor.assess(snapshot).score();
            }
        }
        long cpu = threads.getCurrentThreadCpuTime();
        long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
        for (int round = 0; round < rounds; round++) {
            for (RegistrationSnapshot snapshot : snapshots) {
                sink += assessor.assess(snapshot).score();
            }
        }
        long assessments = (long) rounds * snapshots.length;
        double seconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
        System.out.printf("%d assessments in %.2f CPU s: %.0f assessments per CPU-second, %d bytes allocated per assessment (checksum %d)%n",
                assessments, seconds, assessments / seconds,
                (threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - allocated) / assessments, sink);

        RuleCatalogue catalogue = RuleCatalogue.standard();
        for (Rule rule : catalogue.rules()) {
            RegistrationAssessor single = new RegistrationAssessor(new RuleCatalogue(List.of(rule)), config);
            RegistrationAssessor none = new RegistrationAssessor(new RuleCatalogue(List.of()), config);
            for (int i = 0; i < 3; i++) {
                for (RegistrationSnapshot snapshot : snapshots) {
                    sink += single.assess(snapshot).score() + none.assess(snapshot).score();
                }
            }
            long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
            long start = threads.getCurrentThreadCpuTime();
            for (RegistrationSnapshot snapshot : snapshots) {
                sink += single.assess(snapshot).score();
            }
            long middle = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
            long mid = threads.getCurrentThreadCpuTime();
            for (RegistrationSnapshot snapshot : snapshots) {
                sink += none.assess(snapshot).score();
            }
            long after = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
            long end = threads.getCurrentThreadCpuTime();
            System.out.printf("%s\t%d B\t%d ns%n", rule.id(), ((middle - before) - (after - middle)) / snapshots.length,
                    ((mid - start) - (end - mid)) / snapshots.length);
        }
        System.out.println(sink == 42 ? "" : "done");
    }
}
