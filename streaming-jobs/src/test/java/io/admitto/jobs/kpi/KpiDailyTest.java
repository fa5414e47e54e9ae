package io.admitto.jobs.kpi;

import io.admitto.events.AuthorizationDecision;
import io.admitto.events.AuthorizationRequest;
import io.admitto.events.CanonicalEvent;
import io.admitto.events.ClaimAcknowledgment;
import io.admitto.events.ClaimAdjustment;
import io.admitto.events.ClaimRemittance;
import io.admitto.events.CoverageStatus;
import io.admitto.events.EligibilityResponse;
import io.admitto.events.EventType;
import io.admitto.events.Insurance;
import io.admitto.events.PatientClass;
import io.admitto.events.PatientFlowEvent;
import io.admitto.events.PlanType;
import io.admitto.events.PointOfServicePayment;
import io.admitto.events.RegistrationEvent;
import io.admitto.ingest.generator.GeneratorConfig;
import io.admitto.jobs.denials.DenialCategory;
import io.admitto.jobs.quality.RegistrationQualityJob;
import io.admitto.jobs.testing.BoundedPlatformRun;
import io.admitto.jobs.testing.GeneratedTopics;
import io.admitto.qarules.Assessment;
import io.admitto.qarules.RegistrationAssessor;
import io.admitto.qarules.config.OrganizationConfigLoader;
import io.admitto.qarules.snapshot.RegistrationSnapshot;
import io.admitto.qarules.snapshot.SnapshotAssembler;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kpi_daily end to end on a generated hospital: the generator publishes every topic into a real Kafka
 * broker, all jobs run in a MiniCluster at parallelism 2, and the latest version of every KPI of every
 * (day, facility, department[, registrar]) equals a batch recomputation from the raw events — written
 * here from the definitions in docs/kpis.md, without the job's classes — exactly for the ratios, within
 * 1 % of rank for the t-digest percentiles.
 */
class KpiDailyTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    @TempDir
    static Path temp;

    private static GeneratedTopics kafka;
    private static Path warehouse;
    private static final Map<String, List<CanonicalEvent>> EVENTS_BY_ENCOUNTER = new HashMap<>();

    @BeforeAll
    static void generatePublishAndRun(@InjectMiniCluster MiniCluster flink) throws Exception {
        GeneratorConfig config = GeneratorConfig.defaults(4242)
                .withDays(2)
                .withFacilities(2)
                .withDailyEncountersPerFacility(100);
        kafka = GeneratedTopics.publish(temp.resolve("kafka"), config,
                event -> EVENTS_BY_ENCOUNTER.computeIfAbsent(event.encounterId(), key -> new ArrayList<>()).add(event));

        warehouse = temp.resolve("warehouse");
        BoundedPlatformRun.run(flink, kafka, "kpi-test", warehouse);
    }

    @AfterAll
    static void stopKafka() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void theLatestVersionOfEveryRatioEqualsTheKpiRecomputedFromTheEvents() throws Exception {
        Map<String, String> expected = new TreeMap<>();
        EVENTS_BY_ENCOUNTER.values().forEach(events -> new Recount(events).into(expected));
        expected.replaceAll((key, hundredths) -> BigDecimal.valueOf(Long.parseLong(hundredths.split("/")[0]), 2).toPlainString() + "/"
                + BigDecimal.valueOf(Long.parseLong(hundredths.split("/")[1]), 2).toPlainString());

        Map<String, String> actual = new TreeMap<>();
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duckdb.createStatement();
                ResultSet result = statement.executeQuery("""
                        SELECT CAST(kpi_date AS VARCHAR), facility_id, department, registrar_id, kpi,
                               CAST(numerator AS VARCHAR), CAST(denominator AS VARCHAR), value, unit, CAST(event_date AS VARCHAR)
                        FROM %s
                        WHERE unit = 'ratio'
                        QUALIFY row_number() OVER (PARTITION BY kpi_date, facility_id, department, registrar_id, kpi ORDER BY version DESC) = 1
                        """.formatted(scan()))) {
            while (result.next()) {
                BigDecimal numerator = new BigDecimal(result.getString(6));
                BigDecimal denominator = new BigDecimal(result.getString(7));
                if (denominator.signum() == 0 && numerator.signum() == 0) {
                    continue; // every encounter of the cell moved to another (say, from UNKNOWN to its department)
                }
                assertThat(result.getString(10)).isEqualTo(result.getString(1));
                assertThat(result.getDouble(8)).isEqualTo(numerator.doubleValue() / denominator.doubleValue(), org.assertj.core.data.Offset.offset(1e-12));
                actual.put(key(result.getString(1), result.getString(2), result.getString(3), result.getString(4), result.getString(5)),
                        result.getString(6) + "/" + result.getString(7));
            }
        }

        Set<String> kpis = expected.keySet().stream().map(key -> key.substring(key.lastIndexOf('|') + 1)).collect(Collectors.toSet());
        assertThat(kpis).containsExactlyInAnyOrder("pre_registration_rate", "insurance_verification_rate",
                "service_authorization_rate_inpatient", "service_authorization_rate_outpatient", "uninsured_conversion_rate",
                "pos_cash_collection_rate", "registration_error_rate", "registration_accuracy_rate", "initial_denial_rate",
                "initial_denial_rate_dollars", "preventable_denial_share", "claim_rejection_rate");
        assertThat(expected).hasSizeGreaterThan(300);
        assertThat(actual).containsExactlyEntriesOf(expected);
    }

    @Test
    void waitPercentilesOfEveryDayAndDepartmentAreWithinOnePercentOfRankOfTheWaitsThatEndedThatDay() throws Exception {
        Map<String, List<Double>> waits = new TreeMap<>();
        EVENTS_BY_ENCOUNTER.values().forEach(events -> {
            PatientFlowEvent arrived = earliest(events, EventType.FLOW_ARRIVED);
            PatientFlowEvent completed = earliest(events, EventType.FLOW_REGISTRATION_COMPLETED);
            if (arrived != null && completed != null && !completed.eventTime().isBefore(arrived.eventTime())) {
                double seconds = Duration.between(arrived.eventTime(), completed.eventTime()).toMillis() / 1000.0;
                waits.computeIfAbsent(String.join("|", completed.eventTime().toLocalDate().toString(), completed.facilityId(),
                        arrived.department()), key -> new ArrayList<>()).add(seconds);
            }
        });

        Map<String, double[]> percentiles = new TreeMap<>();
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duckdb.createStatement();
                ResultSet result = statement.executeQuery("""
                        SELECT CAST(kpi_date AS VARCHAR), facility_id, department, kpi, value, numerator IS NULL AND denominator IS NULL
                        FROM %s
                        WHERE unit = 'seconds' AND registrar_id = ''
                        QUALIFY row_number() OVER (PARTITION BY kpi_date, facility_id, department, registrar_id, kpi ORDER BY version DESC) = 1
                        """.formatted(scan()))) {
            while (result.next()) {
                assertThat(result.getBoolean(6)).isTrue();
                double[] both = percentiles.computeIfAbsent(String.join("|", result.getString(1), result.getString(2), result.getString(3)),
                        key -> new double[] {Double.NaN, Double.NaN});
                both[result.getString(4).equals("arrival_to_registration_p50") ? 0 : 1] = result.getDouble(5);
            }
        }

        assertThat(waits).hasSizeGreaterThan(10);
        assertThat(percentiles.keySet()).containsExactlyElementsOf(waits.keySet());
        waits.forEach((key, samples) -> {
            double[] sorted = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            int n = sorted.length;
            assertThat(percentiles.get(key)[0]).as(key + " p50").isBetween(sorted[lowerRank(0.50, n)], sorted[upperRank(0.50, n)]);
            assertThat(percentiles.get(key)[1]).as(key + " p90").isBetween(sorted[lowerRank(0.90, n)], sorted[upperRank(0.90, n)]);
        });
    }

    @Test
    void eachKpiGetsAtMostOneVersionPerEventTimeHourNumberedFromOne() throws Exception {
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duckdb.createStatement();
                ResultSet result = statement.executeQuery("""
                        SELECT count(*), count(DISTINCT (kpi_date, facility_id, department, registrar_id, kpi, date_trunc('hour', computed_at - INTERVAL 1 MILLISECOND))),
                               count(DISTINCT (kpi_date, facility_id, department, registrar_id, kpi, version)),
                               sum(CASE WHEN version = 1 THEN 1 ELSE 0 END), count(DISTINCT (kpi_date, facility_id, department, registrar_id, kpi)),
                               max(version)
                        FROM %s""".formatted(scan()))) {
            result.next();
            System.out.println("kpi_daily: " + result.getLong(1) + " rows, " + result.getLong(5) + " figures, at most " + result.getLong(6) + " versions");
            assertThat(result.getLong(2)).isEqualTo(result.getLong(1));
            assertThat(result.getLong(3)).isEqualTo(result.getLong(1));
            assertThat(result.getLong(4)).isEqualTo(result.getLong(5));
            // How many versions a figure gets depends on how far the watermark moved between reads (a fast bounded
            // run may jump straight to the end); that later changes make version + 1 is KpiDayFunctionTest's to show.
        }
    }

    /** One encounter's KPI contributions, from its raw events. */
    private static final class Recount {
        private final List<CanonicalEvent> events;
        private final String facility;
        private final RegistrationEvent latest;

        Recount(List<CanonicalEvent> events) {
            this.events = events.stream()
                    .sorted(Comparator.comparing((CanonicalEvent event) -> event.eventTime().toInstant())
                            .thenComparing(CanonicalEvent::eventType).thenComparing(CanonicalEvent::eventId))
                    .collect(Collectors.toMap(CanonicalEvent::eventId, event -> event, (a, b) -> a, LinkedHashMap::new))
                    .values().stream().toList();
            this.facility = events.get(0).facilityId();
            List<RegistrationEvent> registrations = of(RegistrationEvent.class);
            this.latest = registrations.isEmpty() ? null : registrations.get(registrations.size() - 1);
        }

        void into(Map<String, String> totals) {
            Map<String, long[]> sums = new HashMap<>();
            String department = latest == null || latest.department() == null ? "UNKNOWN" : latest.department();
            if (latest != null) {
                registrationKpis(sums, department);
            }
            claimKpis(sums, department);
            sums.forEach((key, sum) -> totals.merge(key, sum[0] + "/" + sum[1], Recount::sum));
        }

        private void registrationKpis(Map<String, long[]> sums, String department) {
            List<RegistrationEvent> registered = of(RegistrationEvent.class).stream()
                    .filter(event -> event.eventType() == EventType.REGISTRATION_REGISTERED || event.eventType() == EventType.REGISTRATION_ADMITTED)
                    .toList();
            LocalDate serviceDate = latest.scheduledService() != null && latest.scheduledService().scheduledFor() != null
                    ? latest.scheduledService().scheduledFor().toLocalDate()
                    : registered.isEmpty() ? latest.eventTime().toLocalDate() : registered.get(0).eventTime().toLocalDate();
            String day = serviceDate.toString();
            PatientClass patientClass = latest.patientClass();
            boolean emergency = patientClass == PatientClass.EMERGENCY;

            var booked = latest.scheduledService() == null ? null : latest.scheduledService().scheduledAt();
            if (booked != null && booked.toLocalDate().isBefore(serviceDate) && !emergency) {
                boolean preRegistered = of(RegistrationEvent.class).stream()
                        .anyMatch(event -> event.eventType() == EventType.REGISTRATION_PRE_REGISTERED && event.eventTime().toLocalDate().isBefore(serviceDate));
                count(sums, day, department, "", "pre_registration_rate", preRegistered);
            }
            if (registered.isEmpty() || latest.eventType() == EventType.REGISTRATION_CANCELLED) {
                return;
            }
            Instant registeredAt = registered.get(0).eventTime().toInstant();
            String payer = insuredPayer(latest);
            if (payer != null) {
                count(sums, day, department, "", "insurance_verification_rate", of(EligibilityResponse.class).stream()
                        .anyMatch(response -> payer.equals(response.payerId()) && response.coverageStatus() == CoverageStatus.ACTIVE
                                && response.rejections().isEmpty() && !response.eventTime().toInstant().isAfter(registeredAt)));
            }
            boolean authorizationRequired = !of(AuthorizationRequest.class).isEmpty()
                    || of(EligibilityResponse.class).stream().anyMatch(response -> Boolean.TRUE.equals(response.authorizationRequired()));
            if (authorizationRequired) {
                boolean authorized = of(AuthorizationDecision.class).stream()
                        .anyMatch(decision -> decision.action().authorizes() && !decision.eventTime().toInstant().isAfter(registeredAt));
                if (patientClass == PatientClass.INPATIENT || patientClass == PatientClass.OBSERVATION) {
                    count(sums, day, department, "", "service_authorization_rate_inpatient", authorized);
                }
                if (patientClass == PatientClass.OUTPATIENT || patientClass == PatientClass.RECURRING) {
                    count(sums, day, department, "", "service_authorization_rate_outpatient", authorized);
                }
            }
            if (insuredPayer(registered.get(0)) == null) {
                count(sums, day, department, "", "uninsured_conversion_rate", payer != null);
            }
            if (!emergency) {
                PatientFlowEvent serviceStarted = earliest(events, EventType.FLOW_SERVICE_STARTED);
                for (PointOfServicePayment payment : of(PointOfServicePayment.class)) {
                    long cents = payment.amount().movePointRight(2).longValueExact();
                    boolean beforeService = serviceStarted == null || !payment.eventTime().toInstant().isAfter(serviceStarted.eventTime().toInstant());
                    add(sums, day, department, "", "pos_cash_collection_rate", beforeService ? cents : 0, cents);
                }
            }

            List<CanonicalEvent> aboutTheRegistration = events.stream().filter(RegistrationQualityJob::aboutTheRegistration).toList();
            RegistrationSnapshot snapshot = SnapshotAssembler.assemble(latest.encounterId(), aboutTheRegistration,
                    aboutTheRegistration.get(aboutTheRegistration.size() - 1).eventTime().toInstant());
            Assessment assessment = ASSESSOR.assess(snapshot);
            String qualityDay = assessment.serviceDate() != null ? assessment.serviceDate().toString() : day;
            String qualityDepartment = assessment.department() == null ? "UNKNOWN" : assessment.department();
            for (String registrar : List.of("", assessment.registrarId() == null ? "UNKNOWN" : assessment.registrarId())) {
                add(sums, qualityDay, qualityDepartment, registrar, "registration_error_rate", 100L * assessment.errors(), 100);
                count(sums, qualityDay, qualityDepartment, registrar, "registration_accuracy_rate", assessment.clean());
            }
        }

        private void claimKpis(Map<String, long[]> sums, String department) {
            Set<String> claimsSeen = new HashSet<>();
            for (ClaimRemittance remittance : of(ClaimRemittance.class)) {
                String day = remittance.eventTime().toLocalDate().toString();
                List<ClaimAdjustment> adjustments = new ArrayList<>(remittance.adjustments());
                remittance.serviceLines().forEach(line -> adjustments.addAll(line.adjustments()));
                long denials = adjustments.stream().filter(cas -> DenialCategory.of(cas.groupCode(), cas.reasonCode()).denial()).count();
                long frontEnd = adjustments.stream().filter(cas -> DenialCategory.of(cas.groupCode(), cas.reasonCode()).denial()
                        && DenialCategory.of(cas.groupCode(), cas.reasonCode()).frontEnd()).count();
                if (denials > 0) {
                    add(sums, day, department, "", "preventable_denial_share", 100 * frontEnd, 100 * denials);
                }
                if (claimsSeen.add(remittance.claimId())) { // events are in time order: the first is the initial adjudication
                    long billed = remittance.billedAmount().movePointRight(2).longValueExact();
                    count(sums, day, department, "", "initial_denial_rate", denials > 0);
                    add(sums, day, department, "", "initial_denial_rate_dollars", denials > 0 ? billed : 0, billed);
                }
            }
            for (ClaimAcknowledgment acknowledgment : of(ClaimAcknowledgment.class)) {
                count(sums, acknowledgment.eventTime().toLocalDate().toString(), department, "", "claim_rejection_rate", acknowledgment.rejected());
            }
        }

        private void count(Map<String, long[]> sums, String day, String department, String registrar, String kpi, boolean inNumerator) {
            add(sums, day, department, registrar, kpi, inNumerator ? 100 : 0, 100);
        }

        private void add(Map<String, long[]> sums, String day, String department, String registrar, String kpi, long numerator, long denominator) {
            long[] sum = sums.computeIfAbsent(key(day, facility, department, registrar, kpi), ignored -> new long[2]);
            sum[0] += numerator;
            sum[1] += denominator;
        }

        private <T extends CanonicalEvent> List<T> of(Class<T> type) {
            return events.stream().filter(type::isInstance).map(type::cast).toList();
        }

        /** Two "numerator/denominator" pairs in hundredths, added. */
        private static String sum(String a, String b) {
            String[] left = a.split("/");
            String[] right = b.split("/");
            return (Long.parseLong(left[0]) + Long.parseLong(right[0])) + "/" + (Long.parseLong(left[1]) + Long.parseLong(right[1]));
        }

        private static String insuredPayer(RegistrationEvent registration) {
            Insurance primary = registration.insurances().stream().min(Comparator.comparingInt(Insurance::priority)).orElse(null);
            return primary == null || primary.planType() == PlanType.SELF_PAY ? null : primary.payerId();
        }
    }

    private static final RegistrationAssessor ASSESSOR = RegistrationAssessor.standard(OrganizationConfigLoader.loadDefault());

    private static String key(String day, String facility, String department, String registrar, String kpi) {
        return String.join("|", day, facility, department, registrar, kpi);
    }

    private static PatientFlowEvent earliest(List<CanonicalEvent> events, EventType step) {
        return events.stream().filter(event -> event.eventType() == step).map(PatientFlowEvent.class::cast)
                .min(Comparator.comparing(event -> event.eventTime().toInstant())).orElse(null);
    }

    private static int lowerRank(double quantile, int n) {
        return Math.max(0, (int) Math.floor((quantile - 0.01) * n) - 1);
    }

    private static int upperRank(double quantile, int n) {
        return Math.min(n - 1, (int) Math.ceil((quantile + 0.01) * n));
    }

    private static String scan() {
        return "read_parquet('" + warehouse.resolve("kpi_daily") + "/*/[!.]*.parquet', hive_partitioning = true)";
    }
}
