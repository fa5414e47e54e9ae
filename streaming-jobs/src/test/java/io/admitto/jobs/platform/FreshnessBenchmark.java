package io.admitto.jobs.platform;

import com.tdunning.math.stats.MergingDigest;
import io.admitto.events.CanonicalEvent;
import io.admitto.events.EventJson;
import io.admitto.events.Topic;
import io.admitto.ingest.generator.GeneratorConfig;
import io.admitto.ingest.generator.HospitalGenerator;
import io.admitto.ingest.kafka.EmbeddedKafkaBroker;
import io.admitto.ingest.kafka.EventPublisher;
import io.admitto.ingest.kafka.TopicAdmin;
import io.admitto.ingest.kafka.TopicSpec;
import io.admitto.jobs.common.JobEnvironment;
import io.admitto.jobs.common.JobSettings;
import io.admitto.jobs.quality.RegistrationQualityJob;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * Freshness of the live pipeline: how long after an event is produced to Kafka the row it causes is
 * readable in the warehouse. The platform job runs unbounded (as in production) in a local MiniCluster;
 * generated events are produced at a steady rate; a reader polls {@code registration_quality} for newly
 * committed files every 50 ms and matches each assessment row to the produce time of the event that
 * caused it (encounter and event time). Rows become readable when the checkpoint after them completes,
 * so freshness is about processing time plus up to one checkpoint interval.
 *
 * <pre>./admitto bench streaming-jobs --main io.admitto.jobs.platform.FreshnessBenchmark [events/s] [seconds] [checkpoint ms]</pre>
 */
public final class FreshnessBenchmark {
    private FreshnessBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        Duration checkpointInterval = Duration.ofMillis(args.length > 2 ? Long.parseLong(args[2]) : 2_000);
        Path directory = Files.createTempDirectory("freshness-benchmark");
        Path warehouse = directory.resolve("warehouse");

        List<CanonicalEvent> events = new ArrayList<>();
        new HospitalGenerator(GeneratorConfig.defaults(42).withDays(7).withFacilities(4).withDailyEncountersPerFacility(1000))
                .generate(events::add);
        int toSend = Math.min(events.size(), rate * seconds);

        try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(EmbeddedKafkaBroker.Config.inDirectory(directory.resolve("kafka"))).start()) {
            try (TopicAdmin admin = new TopicAdmin(broker.bootstrapServers(), Duration.ofSeconds(60))) {
                admin.ensureTopics(Arrays.stream(Topic.values()).map(topic -> new TopicSpec(topic.topicName(), Topic.DEFAULT_PARTITIONS)).toList());
            }
            JobSettings settings = JobSettings.of(broker.bootstrapServers(), "freshness", warehouse.toString())
                    .withBounded(false)
                    .withParallelism(2)
                    .withCheckpointInterval(checkpointInterval)
                    .withRestarts(0, Duration.ZERO);
            StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2, JobEnvironment.configuration(settings));
            new PlatformJobs(settings, RegistrationQualityJob.DEMO_PSEUDONYM_KEY).addTo(env);
            JobClient job = env.executeAsync(PlatformJobs.NAME);

            Map<String, Long> producedAt = new ConcurrentHashMap<>();
            MergingDigest freshness = new MergingDigest(200);
            long[] matched = new long[1];
            Thread reader = new Thread(() -> readCommittedRows(warehouse, producedAt, freshness, matched), "freshness-reader");
            reader.setDaemon(true);
            reader.start();

            EventJson json = new EventJson();
            long start = System.nanoTime();
            try (EventPublisher publisher = new EventPublisher(new EventPublisher.Config(broker.bootstrapServers(), "freshness"))) {
                for (int i = 0; i < toSend; i++) {
                    long due = start + (long) (i * 1e9 / rate);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    CanonicalEvent event = events.get(i);
                    producedAt.putIfAbsent(key(event.encounterId(), event.eventTime().toInstant().toEpochMilli()), System.currentTimeMillis());
                    publisher.publish(event.topic().topicName(), event.encounterId(), json.toJsonBytes(event));
                    if (i % 500 == 0) {
                        publisher.flush();
                    }
                }
                publisher.flush();
            }
            double producedSeconds = (System.nanoTime() - start) / 1e9;
            // let the last checkpoints commit what was produced
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(checkpointInterval.toMillis() * 3 + 5_000));
            job.cancel().get(1, TimeUnit.MINUTES);
            synchronized (freshness) {
                System.out.printf("produced %d events in %.1f s (%.0f events/s), checkpoint every %d ms%n", toSend, producedSeconds,
                        toSend / producedSeconds, checkpointInterval.toMillis());
                System.out.printf("registration_quality rows matched to their event: %d%n", matched[0]);
                System.out.printf("freshness (produced -> readable): p50 %.2f s, p90 %.2f s, p99 %.2f s, max %.2f s%n",
                        freshness.quantile(0.50) / 1000, freshness.quantile(0.90) / 1000, freshness.quantile(0.99) / 1000,
                        freshness.getMax() / 1000);
            }
        }
    }

    private static String key(String encounterId, long eventTimeMillis) {
        return encounterId + "@" + eventTimeMillis;
    }

    private static void readCommittedRows(Path warehouse, Map<String, Long> producedAt, MergingDigest freshness, long[] matched) {
        Path table = warehouse.resolve("registration_quality");
        Set<Path> seen = new HashSet<>();
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = duckdb.createStatement()) {
            while (true) {
                List<Path> fresh = new ArrayList<>();
                if (Files.isDirectory(table)) {
                    try (Stream<Path> files = Files.walk(table)) {
                        files.filter(file -> file.getFileName().toString().endsWith(".parquet") && !file.getFileName().toString().startsWith("."))
                                .filter(seen::add)
                                .forEach(fresh::add);
                    }
                }
                long now = System.currentTimeMillis();
                for (Path file : fresh) {
                    try (ResultSet rows = statement.executeQuery("SELECT encounter_id, epoch_ms(assessed_at) FROM read_parquet('" + file + "')")) {
                        while (rows.next()) {
                            Long produced = producedAt.get(key(rows.getString(1), rows.getLong(2)));
                            if (produced != null) {
                                synchronized (freshness) {
                                    freshness.add(now - produced);
                                    matched[0]++;
                                }
                            }
                        }
                    }
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            }
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
