package io.admitto.api.testing;

import io.admitto.events.EventJson;
import io.admitto.events.Topic;
import io.admitto.ingest.generator.GeneratorConfig;
import io.admitto.ingest.generator.GroundTruth;
import io.admitto.ingest.generator.HospitalGenerator;
import io.admitto.ingest.kafka.EmbeddedKafkaBroker;
import io.admitto.ingest.kafka.EventPublisher;
import io.admitto.ingest.kafka.TopicAdmin;
import io.admitto.ingest.kafka.TopicSpec;
import io.admitto.jobs.common.JobEnvironment;
import io.admitto.jobs.common.JobSettings;
import io.admitto.jobs.platform.PlatformJobs;
import io.admitto.jobs.quality.RegistrationQualityJob;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * A warehouse written by the real jobs, once per test run: the hospital generator publishes into an
 * embedded Kafka broker, {@link PlatformJobs} reads every topic to its end on a local Flink cluster and
 * commits Parquet, exactly as {@code admitto run} does. Test classes that declare a {@link Warehouse}
 * parameter share it (it is kept in JUnit's root store and deleted at the end of the run); tests must not
 * write into its tables, only into their own API state directories.
 */
public final class JobWrittenWarehouse
        implements ParameterResolver
{
    /** Small enough to generate in well under a minute on two cores, big enough for every table to have rows. */
    public static final GeneratorConfig GENERATOR = GeneratorConfig.defaults(20260306)
            .withDays(3)
            .withFacilities(2)
            .withDailyEncountersPerFacility(80);

    /** The shared warehouse and the generator's ground truth for it. */
    public record Warehouse(Path root, GroundTruth truth)
    {
        public Warehouse
        {
            requireNonNull(root, "root is null");
            requireNonNull(truth, "truth is null");
        }

        /** A fresh API state directory (review store) for one test, outside the warehouse. */
        public Path newStateDirectory(String name)
        {
            try {
                return Files.createTempDirectory(root.getParent(), "api-state-" + name + "-");
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension)
    {
        return parameter.getParameter().getType() == Warehouse.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension)
    {
        return extension.getRoot().getStore(ExtensionContext.Namespace.create(JobWrittenWarehouse.class))
                .getOrComputeIfAbsent("warehouse", key -> Generated.generate(), Generated.class)
                .warehouse();
    }

    /** Deleted when the test run ends. */
    private record Generated(Warehouse warehouse)
            implements ExtensionContext.Store.CloseableResource
    {
        static Generated generate()
        {
            try {
                Path directory = Files.createTempDirectory("admitto-api-warehouse-");
                Path root = directory.resolve("warehouse");
                GroundTruth truth;
                try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(EmbeddedKafkaBroker.Config.inDirectory(directory.resolve("kafka"))).start()) {
                    try (TopicAdmin admin = new TopicAdmin(broker.bootstrapServers(), Duration.ofSeconds(60))) {
                        admin.ensureTopics(Arrays.stream(Topic.values()).map(topic -> new TopicSpec(topic.topicName(), Topic.DEFAULT_PARTITIONS)).toList());
                    }
                    EventJson json = new EventJson();
                    try (EventPublisher publisher = new EventPublisher(new EventPublisher.Config(broker.bootstrapServers(), "api-tests"))) {
                        truth = new HospitalGenerator(GENERATOR).generate(event ->
                                publisher.publish(event.topic().topicName(), event.encounterId(), json.toJsonBytes(event)));
                        publisher.flush();
                    }
                    JobSettings settings = JobSettings.of(broker.bootstrapServers(), "api-tests", root.toString())
                            .withBounded(true)
                            .withParallelism(2)
                            .withCheckpointInterval(Duration.ofMillis(500))
                            .withRestarts(0, Duration.ZERO);
                    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2, JobEnvironment.configuration(settings));
                    new PlatformJobs(settings, RegistrationQualityJob.DEMO_PSEUDONYM_KEY).addTo(env);
                    env.execute(PlatformJobs.NAME);
                }
                return new Generated(new Warehouse(root, truth));
            }
            catch (Exception e) {
                throw new IllegalStateException("Cannot generate the job-written warehouse", e);
            }
        }

        @Override
        public void close()
                throws IOException
        {
            try (Stream<Path> paths = Files.walk(warehouse.root().getParent())) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }
}
