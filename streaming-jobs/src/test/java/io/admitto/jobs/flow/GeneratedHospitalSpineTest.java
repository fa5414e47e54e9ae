package io.admitto.jobs.flow;

import io.admitto.events.ClaimAdjustment;
import io.admitto.events.ClaimRemittance;
import io.admitto.events.EventType;
import io.admitto.events.PatientFlowEvent;
import io.admitto.events.Topic;
import io.admitto.ingest.generator.GeneratorConfig;
import io.admitto.ingest.generator.GroundTruth;
import io.admitto.ingest.kafka.EventPublisher;
import io.admitto.jobs.common.JobSettings;
import io.admitto.jobs.denials.DenialCategory;
import io.admitto.jobs.platform.PlatformJobs;
import io.admitto.jobs.quality.RegistrationQualityJob;
import io.admitto.jobs.testing.GeneratedTopics;
import io.admitto.qarules.Assessment;
import io.admitto.qarules.RegistrationAssessor;
import io.admitto.qarules.config.OrganizationConfigLoader;
import io.admitto.qarules.snapshot.RegistrationSnapshot;
import io.admitto.qarules.snapshot.SnapshotAssembler;
import io.admitto.jobs.waits.VisitStep;
import io.admitto.jobs.waits.WaitPhase;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.util.TestStreamEnvironment;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The spine end to end on generated data: the hospital generator publishes every topic into a real
 * Kafka broker, the jobs run in a MiniCluster at parallelism 2, and the Parquet they commit, read back
 * by DuckDB, equals the generator's ground truth exactly — every hour, count and median — and the wait
 * tables equal an independent computation from the generated flow events.
 */
class GeneratedHospitalSpineTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    @TempDir
    static Path temp;

    private static GeneratedTopics kafka;
    private static GroundTruth truth;
    private static Path warehouse;
    private static final List<PatientFlowEvent> FLOW_EVENTS = new ArrayList<>();
    private static final Map<String, List<io.admitto.events.CanonicalEvent>> EVENTS_BY_ENCOUNTER = new HashMap<>();

    @BeforeAll
    static void generatePublishAndRun(@InjectMiniCluster MiniCluster flink) throws Exception {
        GeneratorConfig config = GeneratorConfig.defaults(77)
                .withDays(3)
                .withFacilities(2)
                .withDailyEncountersPerFacility(120);
        kafka = GeneratedTopics.publish(temp.resolve("kafka"), config, event -> {
            if (event instanceof PatientFlowEvent flow) {
                FLOW_EVENTS.add(flow);
            }
            EVENTS_BY_ENCOUNTER.computeIfAbsent(event.encounterId(), key -> new ArrayList<>()).add(event);
        });
        truth = kafka.truth();
        try (EventPublisher publisher = kafka.publisher("spine-test")) {
            // input that is not an event: it must land in dead_letters, and nowhere else
            publisher.publish(Topic.FLOW.topicName(), "E-bad", "{\"eventType\":\"flow.arrived\",\"encounterId\":\"E-bad\"}");
            publisher.publish(Topic.REGISTRATION.topicName(), "E-bad", "not json at all");
            publisher.flush();
        }

        warehouse = temp.resolve("warehouse");
        StreamExecutionEnvironment env = new TestStreamEnvironment(flink, 2);
        Configuration noKryo = new Configuration();
        noKryo.set(PipelineOptions.GENERIC_TYPES, false);
        env.configure(noKryo);
        JobSettings settings = JobSettings.of(kafka.bootstrapServers(), "spine-test", warehouse.toString())
                .withBounded(true)
                .withParallelism(2)
                .withCheckpointInterval(Duration.ofMillis(500))
                .withRestarts(0, Duration.ZERO);
        new PlatformJobs(settings, RegistrationQualityJob.DEMO_PSEUDONYM_KEY).addTo(env);
        env.execute(PlatformJobs.NAME);
    }

    @AfterAll
    static void stopKafka() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void everyDepartmentHourEqualsTheGroundTruth() throws Exception {
        List<String> expected = truth.kpis().departmentHourly().stream()
                .map(hour -> row(hour.facilityId(), hour.department(), hour.hourStart(), hour.registrations(),
                        hour.medianRegistrationWaitSeconds(), LocalDate.ofInstant(hour.hourStart(), ZoneOffset.UTC).toString()))
                .sorted()
                .toList();

        assertThat(expected).hasSizeGreaterThan(100);
        assertThat(readTable()).containsExactlyElementsOf(expected);
    }

    @Test
    void totalRegistrationsEqualTheGroundTruth() throws Exception {
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duckdb.createStatement();
                ResultSet result = statement.executeQuery("SELECT sum(registrations) FROM " + tableScan())) {
            result.next();
            assertThat(result.getLong(1)).isEqualTo(truth.kpis().registrationVolume().totalRegistrations()).isPositive();
        }
    }

    @Test
    void everyVisitWithAnArrivalHasItsStepsAndWaits() throws Exception {
        Map<String, Map<VisitStep, Long>> steps = stepsByEncounter();
        Map<String, String> departments = new HashMap<>();
        FLOW_EVENTS.stream().filter(event -> event.eventType() == EventType.FLOW_ARRIVED)
                .forEach(event -> departments.putIfAbsent(event.encounterId(), event.facilityId() + "|" + event.department()));
        List<String> expected = new ArrayList<>();
        steps.forEach((encounter, times) -> {
            if (times.containsKey(VisitStep.ARRIVED)) {
                expected.add(String.join("|", encounter, departments.get(encounter),
                        String.valueOf(times.get(VisitStep.ARRIVED)), String.valueOf(times.get(VisitStep.REGISTRATION_COMPLETED)),
                        String.valueOf(times.get(VisitStep.SERVICE_STARTED)), String.valueOf(times.get(VisitStep.DEPARTED)),
                        String.valueOf(seconds(times, VisitStep.ARRIVED, VisitStep.REGISTRATION_COMPLETED)),
                        String.valueOf(seconds(times, VisitStep.ARRIVED, VisitStep.SERVICE_STARTED))));
            }
        });
        expected.sort(null);

        List<String> actual = new ArrayList<>();
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duckdb.createStatement();
                ResultSet result = statement.executeQuery("""
                        SELECT encounter_id, facility_id, department, epoch_ms(arrived_at), epoch_ms(registration_completed_at),
                               epoch_ms(service_started_at), epoch_ms(departed_at),
                               arrival_to_registration_seconds, arrival_to_service_seconds
                        FROM %s""".formatted(scan("wait_times")))) {
            while (result.next()) {
                List<String> values = new ArrayList<>();
                for (int column = 1; column <= 9; column++) {
                    values.add(String.valueOf(result.getObject(column) == null ? null
                            : column >= 8 ? (Object) result.getDouble(column) : result.getString(column)));
                }
                actual.add(String.join("|", values));
            }
        }
        actual.sort(null);

        assertThat(expected).hasSizeGreaterThan(500);
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    @Test
    void waitStatisticsCountEveryWaitInTheHourItEndedWithPercentilesWithinOnePercentOfRank() throws Exception {
        Map<String, List<Double>> waitsByHour = new HashMap<>();
        Map<String, String> places = new HashMap<>();
        FLOW_EVENTS.stream().filter(event -> event.eventType() == EventType.FLOW_ARRIVED)
                .forEach(event -> places.putIfAbsent(event.encounterId(), event.facilityId() + "|" + event.department()));
        stepsByEncounter().forEach((encounter, times) -> {
            for (WaitPhase phase : WaitPhase.values()) {
                Double wait = seconds(times, phase.from(), phase.to());
                if (wait != null && places.containsKey(encounter)) {
                    long hour = times.get(phase.to()) / 3_600_000 * 3_600_000;
                    waitsByHour.computeIfAbsent(places.get(encounter) + "|" + phase.columnValue() + "|" + hour, key -> new ArrayList<>()).add(wait);
                }
            }
        });

        Map<String, double[]> rows = new HashMap<>();
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duckdb.createStatement();
                ResultSet result = statement.executeQuery("""
                        SELECT facility_id, department, phase, epoch_ms(hour_start), samples, max_seconds, sla_seconds, sla_breaches, p50_seconds, p90_seconds
                        FROM %s""".formatted(scan("wait_time_stats")))) {
            while (result.next()) {
                rows.put(String.join("|", result.getString(1), result.getString(2), result.getString(3), result.getString(4)),
                        new double[] {result.getLong(5), result.getDouble(6), result.getDouble(7), result.getLong(8), result.getDouble(9), result.getDouble(10)});
            }
        }

        assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(waitsByHour.keySet());
        waitsByHour.forEach((key, waits) -> {
            double[] row = rows.get(key);
            double[] sorted = waits.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            int n = sorted.length;
            assertThat(row[0]).as(key + " samples").isEqualTo(n);
            assertThat(row[1]).as(key + " max").isEqualTo(sorted[n - 1]);
            double target = row[2];
            assertThat(row[3]).as(key + " breaches").isEqualTo(Arrays.stream(sorted).filter(wait -> wait > target).count());
            assertThat(row[4]).as(key + " p50").isBetween(sorted[lowerRank(0.50, n)], sorted[upperRank(0.50, n)]);
            assertThat(row[5]).as(key + " p90").isBetween(sorted[lowerRank(0.90, n)], sorted[upperRank(0.90, n)]);
        });
    }

    /** The sample a t-digest estimate of {@code quantile} cannot fall below: 1 % of rank under it, less one. */
    @Test
    void inputThatIsNotAnEventIsKeptWholeInDeadLettersWithTheReason() throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duckdb.createStatement();
                ResultSet result = statement.executeQuery("SELECT stage, origin, payload, reason FROM " + scan("dead_letters"))) {
            while (result.next()) {
                rows.add(result.getString(1) + "|" + result.getString(2).replaceAll("/\\d+$", "") + "|" + result.getString(3));
                assertThat(result.getString(4)).isNotBlank();
            }
        }
        assertThat(rows).containsExactlyInAnyOrder(
                "stream|kafka://admitto.flow|{\"eventType\":\"flow.arrived\",\"encounterId\":\"E-bad\"}",
                "stream|kafka://admitto.registration|not json at all");
    }

    @Test
    void theLatestAssessmentOfEveryRegistrationEqualsTheRulesAppliedToEverythingKnownAboutIt() throws Exception {
        RegistrationAssessor assessor = RegistrationAssessor.standard(OrganizationConfigLoader.loadDefault());
        List<String> expected = new ArrayList<>();
        EVENTS_BY_ENCOUNTER.forEach((encounter, events) -> {
            Instant newest = events.stream().filter(RegistrationQualityJob::aboutTheRegistration)
                    .map(event -> event.eventTime().toInstant()).max(Instant::compareTo).orElse(null);
            if (newest == null) {
                return;
            }
            RegistrationSnapshot snapshot = SnapshotAssembler.assemble(encounter,
                    events.stream().filter(RegistrationQualityJob::aboutTheRegistration).toList(), newest);
            if (snapshot.registered() && !snapshot.cancelled()) {
                Assessment assessment = assessor.assess(snapshot);
                expected.add(String.join("|", encounter, String.valueOf(assessment.score()), String.valueOf(assessment.clean()),
                        String.valueOf(assessment.errorCount()), String.valueOf(assessment.registrarId()),
                        assessment.findings().stream().map(finding -> finding.ruleId()).sorted().distinct().reduce((a, b) -> a + "," + b).orElse("")));
            }
        });
        expected.sort(null);

        List<String> actual = new ArrayList<>();
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duckdb.createStatement();
                ResultSet result = statement.executeQuery("""
                        WITH latest AS (
                            SELECT * FROM %s QUALIFY row_number() OVER (PARTITION BY encounter_id ORDER BY version DESC) = 1)
                        SELECT l.encounter_id, l.score, l.clean, l.error_count, l.registrar_id,
                               coalesce((SELECT string_agg(DISTINCT f.rule_id, ',' ORDER BY f.rule_id) FROM %s f
                                         WHERE f.encounter_id = l.encounter_id AND f.version = l.version), '')
                        FROM latest l""".formatted(scan("registration_quality"), scan("registration_findings")))) {
            while (result.next()) {
                actual.add(String.join("|", result.getString(1), result.getString(2), String.valueOf(result.getBoolean(3)),
                        result.getString(4), String.valueOf(result.getString(5)), result.getString(6)));
            }
        }
        actual.sort(null);

        assertThat(expected).hasSizeGreaterThan(500);
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    @Test
    void analyticTablesCarryOnlyThePseudonymWhileThePhiTableHoldsTheIdentity() throws Exception {
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duckdb.createStatement();
                ResultSet result = statement.executeQuery("""
                        SELECT count(*), count(DISTINCT q.patient_key), count(p.mrn), count(p.family_name)
                        FROM %s q JOIN %s p USING (encounter_id, version)""".formatted(scan("registration_quality"), scan("registration_phi")))) {
            result.next();
            assertThat(result.getLong(1)).isPositive();
            assertThat(result.getLong(2)).isPositive();
            assertThat(result.getLong(3)).isEqualTo(result.getLong(1));
            assertThat(result.getLong(4)).isEqualTo(result.getLong(1));
        }
    }

    @Test
    void everyDenyingAdjustmentIsADenialRowWithItsCategory() throws Exception {
        List<String> expected = new ArrayList<>();
        EVENTS_BY_ENCOUNTER.values().stream().flatMap(List::stream)
                .filter(event -> event instanceof ClaimRemittance)
                .map(event -> (ClaimRemittance) event)
                .forEach(remittance -> {
                    List<ClaimAdjustment> adjustments = new ArrayList<>(remittance.adjustments());
                    remittance.serviceLines().forEach(line -> adjustments.addAll(line.adjustments()));
                    for (ClaimAdjustment adjustment : adjustments) {
                        DenialCategory category = DenialCategory.of(adjustment.groupCode(), adjustment.reasonCode());
                        if (category.denial()) {
                            expected.add(String.join("|", remittance.encounterId(), adjustment.groupCode(), adjustment.reasonCode(),
                                    adjustment.amount().setScale(2).toPlainString(), category.name()));
                        }
                    }
                });
        expected.sort(null);

        List<String> actual = new ArrayList<>();
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duckdb.createStatement();
                ResultSet result = statement.executeQuery(
                        "SELECT encounter_id, group_code, carc, CAST(amount AS VARCHAR), category FROM " + scan("denials"))) {
            while (result.next()) {
                actual.add(String.join("|", result.getString(1), result.getString(2), result.getString(3), result.getString(4), result.getString(5)));
            }
        }
        actual.sort(null);

        assertThat(expected).hasSizeGreaterThan(20);
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    @Test
    void aMissingAuthorizationDenialIsCaughtByTheAuthorizationRule() throws Exception {
        List<String> missingAuthorization = truth.defects().stream()
                .filter(defect -> defect.defect().name().equals("MISSING_AUTHORIZATION"))
                .map(defect -> defect.encounterId())
                .toList();
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duckdb.createStatement();
                ResultSet result = statement.executeQuery(
                        "SELECT encounter_id, caught_by_qa, predicted_by, front_end FROM " + scan("denials") + " WHERE carc IN ('197', '15')")) {
            int denials = 0;
            while (result.next()) {
                if (missingAuthorization.contains(result.getString(1))) {
                    denials++;
                    assertThat(result.getBoolean(2)).as(result.getString(1)).isTrue();
                    assertThat(result.getString(3)).contains("AUT-001");
                    assertThat(result.getBoolean(4)).isTrue();
                }
            }
            assertThat(denials).isEqualTo(missingAuthorization.size()).isPositive();
        }
    }

    @Test
    void everyRejecting277caStatusIsAClaimRejection() throws Exception {
        long expected = EVENTS_BY_ENCOUNTER.values().stream().flatMap(List::stream)
                .filter(event -> event instanceof io.admitto.events.ClaimAcknowledgment)
                .flatMap(event -> ((io.admitto.events.ClaimAcknowledgment) event).statuses().stream())
                .filter(io.admitto.events.ClaimStatusCode::isRejection)
                .count();
        Path table = warehouse.resolve("claim_rejections");
        long actual = 0;
        if (java.nio.file.Files.isDirectory(table)) {
            try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                    Statement statement = duckdb.createStatement();
                    ResultSet result = statement.executeQuery("SELECT count(*) FROM " + scan("claim_rejections"))) {
                result.next();
                actual = result.getLong(1);
            }
        }
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void denialPatternsCountEveryDenialAndRemittedClaimInItsHourAndDay() throws Exception {
        RegistrationAssessor assessor = RegistrationAssessor.standard(OrganizationConfigLoader.loadDefault());
        Map<String, long[]> expected = new java.util.TreeMap<>();
        Map<String, Long> claims = new HashMap<>();
        EVENTS_BY_ENCOUNTER.forEach((encounter, events) -> events.stream()
                .filter(event -> event instanceof ClaimRemittance)
                .map(event -> (ClaimRemittance) event)
                .forEach(remittance -> {
                    Instant remitted = remittance.eventTime().toInstant();
                    String department = departmentKnownAt(assessor, encounter, events, remitted);
                    Map<String, long[]> byCategory = new HashMap<>();
                    List<ClaimAdjustment> adjustments = new ArrayList<>(remittance.adjustments());
                    remittance.serviceLines().forEach(line -> adjustments.addAll(line.adjustments()));
                    for (ClaimAdjustment adjustment : adjustments) {
                        DenialCategory category = DenialCategory.of(adjustment.groupCode(), adjustment.reasonCode());
                        if (category.denial()) {
                            long[] counts = byCategory.computeIfAbsent(category.name(), key -> new long[2]);
                            counts[0]++;
                            counts[1] += adjustment.amount().movePointRight(2).longValueExact();
                        }
                    }
                    for (java.time.temporal.ChronoUnit unit : List.of(java.time.temporal.ChronoUnit.HOURS, java.time.temporal.ChronoUnit.DAYS)) {
                        String window = (unit == java.time.temporal.ChronoUnit.HOURS ? "HOUR" : "DAY") + "|" + remitted.truncatedTo(unit)
                                + "|" + remittance.facilityId() + "|" + remittance.payerId() + "|" + department;
                        claims.merge(window, 1L, Long::sum);
                        byCategory.forEach((category, counts) -> {
                            long[] sums = expected.computeIfAbsent(window + "|" + category, key -> new long[3]);
                            sums[0] += counts[0];
                            sums[1]++;
                            sums[2] += counts[1];
                        });
                    }
                }));
        List<String> expectedRows = new ArrayList<>();
        expected.forEach((key, sums) -> expectedRows.add(key + "|" + sums[0] + "|" + sums[1] + "|" + sums[2] + "|"
                + claims.get(key.substring(0, key.lastIndexOf('|')))));

        List<String> actual = new ArrayList<>();
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duckdb.createStatement();
                ResultSet result = statement.executeQuery("""
                        SELECT window_size, strftime(window_start, '%%Y-%%m-%%dT%%H:%%M:%%SZ'), facility_id, payer_id, department, category,
                               denials, denied_claims, CAST(denied_amount * 100 AS BIGINT), remitted_claims,
                               denial_rate = denied_claims / remitted_claims, spike = (z_score >= 3.0 AND denials >= 3)
                        FROM %s""".formatted(scan("denial_patterns")))) {
            while (result.next()) {
                actual.add(String.join("|", result.getString(1), result.getString(2), result.getString(3), result.getString(4),
                        result.getString(5), result.getString(6), result.getString(7), result.getString(8), result.getString(9),
                        result.getString(10)));
                assertThat(result.getBoolean(11)).as("denial rate of %s", actual.get(actual.size() - 1)).isTrue();
                assertThat(result.getBoolean(12)).as("spike flag of %s", actual.get(actual.size() - 1)).isTrue();
            }
        }
        expectedRows.sort(null);
        actual.sort(null);

        assertThat(expectedRows).hasSizeGreaterThan(20);
        assertThat(actual).containsExactlyElementsOf(expectedRows);
    }

    /** The department of the encounter's registration as its events up to {@code at} tell it; UNKNOWN when not registered then. */
    private static String departmentKnownAt(RegistrationAssessor assessor, String encounter, List<io.admitto.events.CanonicalEvent> events,
            Instant at) {
        List<io.admitto.events.CanonicalEvent> known = events.stream().filter(RegistrationQualityJob::aboutTheRegistration)
                .filter(event -> !event.eventTime().toInstant().isAfter(at)).toList();
        if (known.isEmpty()) {
            return "UNKNOWN";
        }
        Instant newest = known.stream().map(event -> event.eventTime().toInstant()).max(Instant::compareTo).orElseThrow();
        RegistrationSnapshot snapshot = SnapshotAssembler.assemble(encounter, known, newest);
        if (!snapshot.registered() || snapshot.cancelled()) {
            return "UNKNOWN";
        }
        String department = assessor.assess(snapshot).department();
        return department == null ? "UNKNOWN" : department;
    }

    @Test
    void generatedDeliveryIsNeverLate() {
        assertThat(warehouse.resolve("late_events")).doesNotExist();
    }

    private static int lowerRank(double quantile, int n) {
        return Math.max(0, (int) Math.floor((quantile - 0.01) * n) - 1);
    }

    /** The sample it cannot rise above: 1 % of rank over it. */
    private static int upperRank(double quantile, int n) {
        return Math.min(n - 1, (int) Math.ceil((quantile + 0.01) * n));
    }

    private static Map<String, Map<VisitStep, Long>> stepsByEncounter() {
        Map<String, Map<VisitStep, Long>> steps = new HashMap<>();
        for (PatientFlowEvent event : FLOW_EVENTS) {
            VisitStep step = switch (event.eventType()) {
                case FLOW_ARRIVED -> VisitStep.ARRIVED;
                case FLOW_REGISTRATION_STARTED -> VisitStep.REGISTRATION_STARTED;
                case FLOW_REGISTRATION_COMPLETED -> VisitStep.REGISTRATION_COMPLETED;
                case FLOW_MEDICAL_SCREENING_COMPLETED -> VisitStep.MEDICAL_SCREENING;
                case FLOW_SERVICE_STARTED -> VisitStep.SERVICE_STARTED;
                case FLOW_DEPARTED -> VisitStep.DEPARTED;
                default -> throw new AssertionError(event.eventType());
            };
            steps.computeIfAbsent(event.encounterId(), key -> new EnumMap<>(VisitStep.class))
                    .merge(step, event.eventTime().toInstant().toEpochMilli(), Math::min);
        }
        return steps;
    }

    private static Double seconds(Map<VisitStep, Long> times, VisitStep from, VisitStep to) {
        Long start = times.get(from);
        Long end = times.get(to);
        return start == null || end == null || end < start ? null : (end - start) / 1000.0;
    }

    private static String scan(String table) {
        return "read_parquet('" + warehouse.resolve(table) + "/*/[!.]*.parquet', hive_partitioning = true)";
    }

    private static List<String> readTable() throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duckdb.createStatement();
                ResultSet result = statement.executeQuery("""
                        SELECT facility_id, department, epoch_ms(hour_start) AS hour_start_millis, registrations,
                               median_registration_wait_seconds, CAST(event_date AS VARCHAR) AS event_date
                        FROM %s""".formatted(tableScan()))) {
            while (result.next()) {
                double median = result.getDouble("median_registration_wait_seconds");
                rows.add(row(result.getString("facility_id"), result.getString("department"),
                        Instant.ofEpochMilli(result.getLong("hour_start_millis")), result.getLong("registrations"),
                        result.wasNull() ? null : median, result.getString("event_date")));
            }
        }
        rows.sort(null);
        return rows;
    }

    private static String row(String facility, String department, Instant hourStart, long registrations, Double median, String eventDate) {
        return String.join("|", hourStart.toString(), facility, department, Long.toString(registrations), String.valueOf(median), eventDate);
    }

    private static String tableScan() {
        return "read_parquet('" + warehouse.resolve("department_hourly") + "/*/[!.]*.parquet', hive_partitioning = true)";
    }
}
