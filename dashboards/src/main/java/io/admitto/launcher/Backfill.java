package io.admitto.launcher;

import io.admitto.events.EventJson;
import io.admitto.events.Topic;
import io.admitto.ingest.generator.GeneratorConfig;
import io.admitto.ingest.generator.GeneratorRun;
import io.admitto.ingest.generator.GroundTruth;
import io.admitto.ingest.generator.GroundTruthJson;
import io.admitto.ingest.generator.HospitalGenerator;
import io.admitto.ingest.kafka.EmbeddedKafkaBroker;
import io.admitto.ingest.kafka.EventPublisher;
import io.admitto.ingest.kafka.TopicAdmin;
import io.admitto.ingest.kafka.TopicSpec;
import io.admitto.jobs.common.JobEnvironment;
import io.admitto.jobs.common.JobSettings;
import io.admitto.jobs.platform.PlatformJobs;
import io.admitto.jobs.quality.RegistrationQualityJob;
import io.admitto.tables.TableSchema;
import me.tongfei.progressbar.ProgressBar;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * The bounded pipeline behind {@code run} and the first start of {@code demo}: the generator publishes
 * into an embedded Kafka broker, then the jobs read those topics to their end in a Flink MiniCluster
 * and commit Parquet. The same job code runs unbounded on a cluster; here it stops at the offsets that
 * were latest when it started.
 */
final class Backfill {
    /** Folder of the generator's ground truth inside the warehouse; {@code _} keeps Hive and Trino away. */
    static final String GENERATOR_FOLDER = "_generator";
    /** Folder of the embedded broker's data inside the warehouse. */
    static final String KAFKA_FOLDER = "_kafka";

    private static final Duration PROGRESS_POLL = Duration.ofMillis(500);

    private final GeneratorConfig generatorConfig;
    private final Path warehouse;
    private final int parallelism;
    private final Duration checkpointInterval;
    private final Console console;

    Backfill(GeneratorConfig generatorConfig, Path warehouse, int parallelism, Duration checkpointInterval, Console console) {
        this.generatorConfig = requireNonNull(generatorConfig, "generatorConfig is null");
        this.warehouse = requireNonNull(warehouse, "warehouse is null").toAbsolutePath();
        this.parallelism = parallelism;
        this.checkpointInterval = requireNonNull(checkpointInterval, "checkpointInterval is null");
        this.console = requireNonNull(console, "console is null");
    }

    record Result(GroundTruth truth, long eventsPublished, Duration publishing, Duration job, long parquetFiles) {}

    static Path truthFile(Path warehouse) {
        return warehouse.resolve(GENERATOR_FOLDER).resolve(GeneratorRun.TRUTH_FILE);
    }

    Result run() throws Exception {
        Files.createDirectories(warehouse);
        ProgressBars progressBars = new ProgressBars(console);
        try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(EmbeddedKafkaBroker.Config.inDirectory(warehouse.resolve(KAFKA_FOLDER))).start()) {
            String bootstrap = broker.bootstrapServers();
            try (TopicAdmin topics = new TopicAdmin(bootstrap, Duration.ofSeconds(60))) {
                topics.ensureTopics(Arrays.stream(Topic.values())
                        .map(topic -> new TopicSpec(topic.topicName(), Topic.DEFAULT_PARTITIONS))
                        .toList());
            }

            long publishStarted = System.nanoTime();
            GroundTruth truth;
            long published;
            try (EventPublisher publisher = new EventPublisher(new EventPublisher.Config(bootstrap, "admitto-generator"));
                    ProgressBar bar = progressBars.start("Generating -> Kafka", generatorConfig.days(), "days")) {
                try (KafkaEventSink sink = new KafkaEventSink(publisher, new EventJson())) {
                    truth = new HospitalGenerator(generatorConfig).generate(sink, (events, plannedThrough) -> {
                        bar.stepTo(Math.min(generatorConfig.days(), ChronoUnit.DAYS.between(generatorConfig.startDate(), plannedThrough) + 1));
                        bar.setExtraMessage(" " + events + " events");
                    });
                }
                published = publisher.publishedCounts().values().stream().mapToLong(Long::longValue).sum();
                bar.stepTo(generatorConfig.days());
            }
            Duration publishing = Duration.ofNanos(System.nanoTime() - publishStarted);
            new GroundTruthJson().write(truth, truthFile(warehouse));
            console.info(Summaries.generated(truth, publishing) + "; published " + published + " to Kafka");

            long jobStarted = System.nanoTime();
            runJob(bootstrap, progressBars);
            Duration job = Duration.ofNanos(System.nanoTime() - jobStarted);
            long files = countParquetFiles();
            console.info(String.format(java.util.Locale.ROOT,
                    "Flink job finished in %s — %,.0f events/s; %d Parquet files committed under %s",
                    Summaries.seconds(job), Summaries.perSecond(jobInputEvents(truth), job), files, warehouse));
            return new Result(truth, published, publishing, job, files);
        }
    }

    private void runJob(String bootstrap, ProgressBars progressBars) throws Exception {
        JobSettings settings = JobSettings.of(bootstrap, PlatformJobs.DEFAULT_GROUP_ID, warehouse.toString())
                .withBounded(true)
                .withParallelism(parallelism)
                .withCheckpointInterval(checkpointInterval)
                .withRestarts(0, Duration.ZERO);
        Configuration configuration = JobEnvironment.configuration(settings);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism, configuration);
        new PlatformJobs(settings, pseudonymKey()).addTo(env);

        Set<String> topics = PlatformJobs.TOPICS.stream().map(Topic::topicName).collect(Collectors.toSet());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            long total = endOffsets(admin, topics).values().stream().mapToLong(Long::longValue).sum();
            JobClient job = env.executeAsync(PlatformJobs.NAME);
            // The job's result, not its status, says when it is over: the per-job MiniCluster shuts
            // down with the job and answers no status queries afterwards.
            CompletableFuture<JobExecutionResult> result = job.getJobExecutionResult();
            try (ProgressBar bar = progressBars.start("Flink -> Parquet (committed)", total, "events")) {
                while (!result.isDone()) {
                    bar.stepTo(committed(admin, settings.groupId()));
                    try {
                        result.get(PROGRESS_POLL.toMillis(), TimeUnit.MILLISECONDS);
                    }
                    catch (TimeoutException e) {
                        // still running
                    }
                    catch (ExecutionException e) {
                        break;
                    }
                }
                bar.stepTo(total);
            }
            try {
                result.get();
            }
            catch (ExecutionException e) {
                throw new IllegalStateException("The Flink job failed: " + rootMessage(e.getCause()), e.getCause());
            }
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == failure ? String.valueOf(failure.getMessage()) : failure.getMessage() + " (" + root + ")";
    }

    /** The demo's fixed key unless ADMITTO_PSEUDONYM_KEY sets the organisation's own. */
    private static String pseudonymKey() {
        String key = System.getenv("ADMITTO_PSEUDONYM_KEY");
        return key == null ? RegistrationQualityJob.DEMO_PSEUDONYM_KEY : key;
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, Set<String> topics) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get().forEach((name, description) ->
                description.partitions().forEach(partition -> request.put(new TopicPartition(name, partition.partition()), OffsetSpec.latest())));
        ListOffsetsResult offsets = admin.listOffsets(request);
        return offsets.all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
    }

    /** Offsets the job committed with its last completed checkpoint: events whose results are in Parquet. */
    private static long committed(Admin admin, String groupId) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
        return offsets.values().stream().filter(java.util.Objects::nonNull).mapToLong(OffsetAndMetadata::offset).sum();
    }

    private static long jobInputEvents(GroundTruth truth) {
        Map<String, Long> byTopic = truth.counts().eventsByTopic();
        return PlatformJobs.TOPICS.stream().mapToLong(topic -> byTopic.getOrDefault(topic.topicName(), 0L)).sum();
    }

    private long countParquetFiles() throws java.io.IOException {
        long files = 0;
        for (TableSchema table : PlatformJobs.tables()) {
            Path folder = table.location(warehouse);
            if (Files.isDirectory(folder)) {
                try (Stream<Path> paths = Files.walk(folder)) {
                    files += paths.filter(path -> path.getFileName().toString().endsWith(".parquet")).count();
                }
            }
        }
        return files;
    }

    /**
     * True when the warehouse already holds a table written by the jobs. An empty table folder does not
     * count: {@code admitto trino-config} creates the folders of tables not written yet, so that Trino can
     * register them.
     */
    static boolean hasTables(Path warehouse) {
        return PlatformJobs.tables().stream().anyMatch(table -> isNonEmptyDirectory(table.location(warehouse)));
    }

    private static boolean isNonEmptyDirectory(Path folder) {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isPresent();
        }
        catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot list " + folder, e);
        }
    }
}
