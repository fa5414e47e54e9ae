package io.admitto.jobs.testing;

import io.admitto.jobs.common.JobSettings;
import io.admitto.jobs.platform.PlatformJobs;
import io.admitto.jobs.quality.RegistrationQualityJob;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.util.TestStreamEnvironment;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Every job of the platform over what {@link GeneratedTopics} holds, once, to the end of the input: at
 * parallelism 2, checkpoints every 500 ms, no restarts (a failure fails the test), and Kryo refused so a
 * state or record type without a serializer of its own fails instead of slipping through.
 */
public final class BoundedPlatformRun {
    private BoundedPlatformRun() {}

    public static void run(MiniCluster flink, GeneratedTopics kafka, String groupId, Path warehouse) throws Exception {
        StreamExecutionEnvironment env = new TestStreamEnvironment(flink, 2);
        Configuration noKryo = new Configuration();
        noKryo.set(PipelineOptions.GENERIC_TYPES, false);
        env.configure(noKryo);
        JobSettings settings = JobSettings.of(kafka.bootstrapServers(), groupId, warehouse.toString())
                .withBounded(true)
                .withParallelism(2)
                .withCheckpointInterval(Duration.ofMillis(500))
                .withRestarts(0, Duration.ZERO);
        new PlatformJobs(settings, RegistrationQualityJob.DEMO_PSEUDONYM_KEY).addTo(env);
        env.execute(PlatformJobs.NAME);
    }
}
