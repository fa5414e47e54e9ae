package io.admitto.jobs.flow;

import io.admitto.events.Address;
import io.admitto.events.CanonicalEvent;
import io.admitto.events.CoverageVerification;
import io.admitto.events.Diagnosis;
import io.admitto.events.EventJson;
import io.admitto.events.EventSource;
import io.admitto.events.EventType;
import io.admitto.events.Guarantor;
import io.admitto.events.Insurance;
import io.admitto.events.Patient;
import io.admitto.events.PatientAcknowledgments;
import io.admitto.events.PatientClass;
import io.admitto.events.PatientFlowEvent;
import io.admitto.events.PatientIdentifier;
import io.admitto.events.PersonName;
import io.admitto.events.PlanType;
import io.admitto.events.Provider;
import io.admitto.events.RegistrationEvent;
import io.admitto.events.ScheduledService;
import io.admitto.events.Subscriber;
import io.admitto.events.Topic;
import io.admitto.ingest.kafka.EmbeddedKafkaBroker;
import io.admitto.ingest.kafka.EventPublisher;
import io.admitto.ingest.kafka.TopicAdmin;
import io.admitto.ingest.kafka.TopicSpec;
import io.admitto.jobs.common.JobSettings;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Measures the job's throughput by hand; not a test (no {@code Test} suffix, surefire skips it).
 *
 * <pre>
 * load  &lt;kafka-dir&gt; &lt;encounters&gt; &lt;broker-port&gt; &lt;controller-port&gt;   publish 4 events per encounter, in event-time order
 * run   &lt;kafka-dir&gt; &lt;warehouse&gt; &lt;broker-port&gt; &lt;controller-port&gt; [parallelism]   bounded run in a local MiniCluster
 * serve &lt;kafka-dir&gt; &lt;broker-port&gt; &lt;controller-port&gt;   keep the broker up until stdin closes (for the job jar)
 * </pre>
 *
 * Registrations carry a full registration (patient, coverage, guarantor, acknowledgments), so that
 * decoding costs what it costs with the generator's events.
 */
public final class DepartmentFlowThroughput {
    private static final List<String> FACILITIES = List.of("F01", "F02", "F03");
    private static final List<String> DEPARTMENTS = List.of("ED", "IMG", "SURG", "INPT", "CLIN");
    private static final OffsetDateTime START = OffsetDateTime.parse("2026-03-01T00:00:00Z");

    private DepartmentFlowThroughput() {}

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "load" -> load(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            case "run" -> run(Path.of(args[1]), Path.of(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]),
                    args.length > 5 ? Integer.parseInt(args[5]) : 2);
            case "serve" -> serve(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            default -> throw new IllegalArgumentException("load, run or serve: " + args[0]);
        }
    }

    private static EmbeddedKafkaBroker broker(Path dir, int brokerPort, int controllerPort) {
        return new EmbeddedKafkaBroker(new EmbeddedKafkaBroker.Config(dir, brokerPort, controllerPort, Topic.DEFAULT_PARTITIONS)).start();
    }

    private record Pending(long millis, long sequence, CanonicalEvent event) implements Comparable<Pending> {
        @Override
        public int compareTo(Pending other) {
            int byTime = Long.compare(millis, other.millis);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }

    private static void load(Path dir, int encounters, int brokerPort, int controllerPort) throws IOException {
        SplittableRandom random = new SplittableRandom(20260302);
        EventJson json = new EventJson();
        PriorityQueue<Pending> pending = new PriorityQueue<>();
        long sequence = 0;
        long events = 0;
        long registered = 0;
        long waits = 0;
        long startNanos = System.nanoTime();
        try (EmbeddedKafkaBroker kafka = broker(dir, brokerPort, controllerPort)) {
            try (TopicAdmin admin = new TopicAdmin(kafka.bootstrapServers(), Duration.ofSeconds(30))) {
                admin.ensureTopics(Stream.of(Topic.REGISTRATION, Topic.FLOW)
                        .map(topic -> new TopicSpec(topic.topicName(), Topic.DEFAULT_PARTITIONS))
                        .toList());
            }
            try (EventPublisher publisher = new EventPublisher(new EventPublisher.Config(kafka.bootstrapServers(), "throughput-load"));
                    Writer truthCsv = Files.newBufferedWriter(dir.resolve("events.csv"))) {
                truthCsv.write("event_type,event_id,encounter_id,facility_id,department,event_time_ms\n");
                for (int i = 0; i < encounters; i++) {
                    // one arrival every 5 s on average: 500,000 encounters span about 29 days
                    OffsetDateTime arrived = START.plusNanos(TimeUnit.MILLISECONDS.toNanos(i * 5_000L + random.nextInt(4_000)));
                    while (!pending.isEmpty() && pending.peek().millis() <= arrived.toInstant().toEpochMilli()) {
                        publish(publisher, json, truthCsv, pending.poll().event());
                        events++;
                    }
                    String encounterId = "E%08d".formatted(i);
                    String facility = FACILITIES.get(random.nextInt(FACILITIES.size()));
                    String department = DEPARTMENTS.get(random.nextInt(DEPARTMENTS.size()));
                    OffsetDateTime completed = arrived.plusNanos(TimeUnit.MILLISECONDS.toNanos(60_000 + random.nextInt(3_540_000)));
                    OffsetDateTime departed = completed.plusMinutes(10 + random.nextInt(110));
                    pending.add(new Pending(millis(arrived), sequence++, flow(EventType.FLOW_ARRIVED, encounterId, 1, facility, department, arrived)));
                    boolean leftWithoutRegistration = random.nextInt(100) < 3;
                    if (!leftWithoutRegistration) {
                        pending.add(new Pending(millis(completed), sequence++, flow(EventType.FLOW_REGISTRATION_COMPLETED, encounterId, 2, facility, department, completed)));
                        pending.add(new Pending(millis(completed), sequence++, registration(encounterId, facility, department, arrived, completed)));
                        registered++;
                        waits++;
                    }
                    pending.add(new Pending(millis(departed), sequence++, flow(EventType.FLOW_DEPARTED, encounterId, 3, facility, department, departed)));
                }
                while (!pending.isEmpty()) {
                    publish(publisher, json, truthCsv, pending.poll().event());
                    events++;
                }
                publisher.flush();
            }
        }
        Properties truth = new Properties();
        truth.setProperty("events", String.valueOf(events));
        truth.setProperty("registrations", String.valueOf(registered));
        truth.setProperty("waits", String.valueOf(waits));
        try (OutputStream out = Files.newOutputStream(dir.resolve("truth.properties"))) {
            truth.store(out, "what load published");
        }
        System.out.printf("published %,d events (%,d registrations, %,d waits) in %,d ms%n",
                events, registered, waits, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
    }

    private static void run(Path dir, Path warehouse, int brokerPort, int controllerPort, int parallelism) throws Exception {
        Properties truth = new Properties();
        try (InputStream in = Files.newInputStream(dir.resolve("truth.properties"))) {
            truth.load(in);
        }
        long events = Long.parseLong(truth.getProperty("events"));
        try (EmbeddedKafkaBroker kafka = broker(dir, brokerPort, controllerPort)) {
            StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism, new Configuration());
            JobSettings settings = JobSettings.of(kafka.bootstrapServers(), "throughput-" + UUID.randomUUID(), warehouse.toString())
                    .withBounded(true)
                    .withParallelism(parallelism)
                    .withRestarts(0, Duration.ZERO);
            new DepartmentFlowJob(new FlowJobConfig(settings)).addTo(env);
            long startNanos = System.nanoTime();
            JobExecutionResult result = env.execute(DepartmentFlowJob.NAME);
            long wallMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
            long netMillis = result.getNetRuntime(TimeUnit.MILLISECONDS);
            System.out.printf("parallelism %d: %,d events in %,d ms wall (%,d ms net job runtime): %,.0f events/s wall, %,.0f events/s net%n",
                    parallelism, events, wallMillis, netMillis, events * 1000.0 / wallMillis, events * 1000.0 / netMillis);
        }
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duckdb.createStatement();
                ResultSet rows = statement.executeQuery("""
                        SELECT count(*), sum(registrations), count(median_registration_wait_seconds), count(DISTINCT event_date)
                        FROM read_parquet('%s/department_hourly/*/*.parquet', hive_partitioning = true)""".formatted(warehouse))) {
            rows.next();
            System.out.printf("table: %,d rows, %,d registrations (published %s), %,d hours with a median, %d partitions%n",
                    rows.getLong(1), rows.getLong(2), truth.getProperty("registrations"), rows.getLong(3), rows.getLong(4));
        }
        verify(dir.resolve("events.csv"), warehouse);
    }

    /** Recomputes the table from what was published, in SQL, and counts the rows that differ. */
    private static void verify(Path eventsCsv, Path warehouse) throws Exception {
        String sql = """
                WITH events AS (SELECT * FROM read_csv('%s', header = true, all_varchar = false)),
                registrations AS (
                    SELECT facility_id, department, epoch_ms(event_time_ms // 3600000 * 3600000) AS hour_start,
                           count(DISTINCT event_id) AS registrations
                    FROM events WHERE event_type IN ('registration.registered', 'registration.admitted')
                    GROUP BY ALL),
                arrived AS (SELECT encounter_id, min(event_time_ms) AS ms FROM events WHERE event_type = 'flow.arrived' GROUP BY ALL),
                completed AS (SELECT encounter_id, arg_min(facility_id, event_time_ms) AS facility_id,
                                     arg_min(department, event_time_ms) AS department, min(event_time_ms) AS ms
                              FROM events WHERE event_type = 'flow.registration_completed' GROUP BY ALL),
                waits AS (
                    SELECT c.facility_id, c.department, epoch_ms(c.ms // 3600000 * 3600000) AS hour_start,
                           median((c.ms - a.ms) / 1000.0) AS median_wait
                    FROM completed c JOIN arrived a USING (encounter_id) GROUP BY ALL),
                expected AS (
                    SELECT facility_id, department, hour_start, coalesce(r.registrations, 0) AS registrations, w.median_wait
                    FROM registrations r FULL JOIN waits w USING (facility_id, department, hour_start)),
                actual AS (
                    SELECT facility_id, department, hour_start::TIMESTAMP AS hour_start, registrations,
                           median_registration_wait_seconds AS median_wait
                    FROM read_parquet('%s/department_hourly/*/*.parquet', hive_partitioning = true))
                SELECT count(*) FILTER (WHERE e.hour_start IS NULL OR a.hour_start IS NULL
                                          OR e.registrations <> a.registrations
                                          OR (e.median_wait IS NULL) <> (a.median_wait IS NULL)
                                          OR abs(e.median_wait - a.median_wait) > 1e-9) AS differing,
                       count(e.hour_start) AS expected_rows, count(a.hour_start) AS actual_rows
                FROM expected e FULL JOIN actual a USING (facility_id, department, hour_start)""".formatted(eventsCsv, warehouse);
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duckdb.createStatement()) {
            statement.execute("SET TimeZone = 'UTC'");
            try (ResultSet rows = statement.executeQuery(sql)) {
                rows.next();
                System.out.printf("verification: %,d expected rows, %,d actual rows, %,d differ%n",
                        rows.getLong("expected_rows"), rows.getLong("actual_rows"), rows.getLong("differing"));
            }
        }
    }

    private static void serve(Path dir, int brokerPort, int controllerPort) throws IOException {
        try (EmbeddedKafkaBroker kafka = broker(dir, brokerPort, controllerPort)) {
            System.out.println("serving " + kafka.bootstrapServers() + " until stdin closes");
            while (System.in.read() >= 0) {
                // keep serving
            }
        }
    }

    private static void publish(EventPublisher publisher, EventJson json, Writer truthCsv, CanonicalEvent event) throws IOException {
        publisher.publish(event.topic().topicName(), event.encounterId(), json.toJsonBytes(event));
        String department = event instanceof RegistrationEvent registration ? registration.department() : ((PatientFlowEvent) event).department();
        truthCsv.write(String.join(",", event.eventType().wireName(), event.eventId().toString(), event.encounterId(),
                event.facilityId(), department, String.valueOf(millis(event.eventTime()))) + "\n");
    }

    private static long millis(OffsetDateTime time) {
        return time.toInstant().toEpochMilli();
    }

    private static UUID id(String encounterId, int step) {
        return UUID.nameUUIDFromBytes((encounterId + "/" + step).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static PatientFlowEvent flow(EventType type, String encounterId, int step, String facility, String department, OffsetDateTime time) {
        return new PatientFlowEvent(id(encounterId, step), type, time, new EventSource("throughput", encounterId + "-" + step),
                facility, CanonicalEvent.CURRENT_SCHEMA_VERSION, encounterId, department, "R017");
    }

    private static RegistrationEvent registration(String encounterId, String facility, String department, OffsetDateTime arrived, OffsetDateTime completed) {
        OffsetDateTime local = completed.withOffsetSameInstant(ZoneOffset.ofHours(-6));
        PersonName name = new PersonName("RIVERA", "ANA", "M");
        LocalDate birthDate = LocalDate.parse("1958-11-30");
        return new RegistrationEvent(id(encounterId, 4), EventType.REGISTRATION_REGISTERED, local,
                new EventSource("throughput", encounterId + "-4"), facility, CanonicalEvent.CURRENT_SCHEMA_VERSION, encounterId,
                new Patient("MRN" + encounterId, List.of(new PatientIdentifier("MRN" + encounterId, "MR", facility)),
                        name, birthDate, "F", "123-45-6789",
                        new Address("12 Elm St", null, "Springfield", "IL", "62701", "US"), "217-555-0142", null),
                PatientClass.OUTPATIENT, department,
                new ScheduledService("70553", "CPT", "MRI brain w/o & w/ contrast", arrived, null, 1),
                List.of(new Diagnosis("G43.909", "ICD-10-CM", 1)),
                new Provider("1234567893", new PersonName("CHEN", "LI", null), arrived.minusDays(3)),
                "R017", "MC",
                List.of(new Insurance("MCR", "Medicare Part B", "MCR-B", "Medicare", PlanType.MEDICARE_FFS,
                        "1EG4TE5MK73", null, new Subscriber(name, birthDate, "self"), 1,
                        LocalDate.parse("2023-12-01"), null,
                        new CoverageVerification("verified", arrived.minusDays(1), "R017"), null, null)),
                new Guarantor(name, birthDate, "self", null, "217-555-0142"),
                new PatientAcknowledgments(local, local, local, local, null, null, null, null),
                null);
    }
}
