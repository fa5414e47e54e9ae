package io.admitto.jobs.testing;

import io.admitto.events.CanonicalEvent;
import io.admitto.events.ClaimAdjustment;
import io.admitto.events.ClaimRemittance;
import io.admitto.ingest.generator.GroundTruth;
import io.admitto.jobs.denials.DenialCategory;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What "nothing lost, nothing twice" means for the committed tables, shared by the tests that break
 * the pipeline on purpose: each check compares what DuckDB reads from the finished Parquet files with
 * the ground truth or with the generated events.
 */
public final class ExactlyOnceChecks {
    private ExactlyOnceChecks() {}

    /** Every department hour equals the generator's ground truth (a lost or repeated registration changes a count). */
    public static void departmentHoursEqualTheTruth(Path warehouse, GroundTruth truth) throws SQLException {
        List<String> expected = truth.kpis().departmentHourly().stream()
                .map(hour -> String.join("|", hour.hourStart().toString(), hour.facilityId(), hour.department(),
                        Long.toString(hour.registrations()), String.valueOf(hour.medianRegistrationWaitSeconds())))
                .sorted()
                .toList();
        List<String> actual = new ArrayList<>();
        query(warehouse, """
                SELECT epoch_ms(hour_start), facility_id, department, registrations, median_registration_wait_seconds
                FROM %s""".formatted(scan(warehouse, "department_hourly")), result -> {
            double median = result.getDouble(5);
            actual.add(String.join("|", Instant.ofEpochMilli(result.getLong(1)).toString(), result.getString(2), result.getString(3),
                    Long.toString(result.getLong(4)), String.valueOf(result.wasNull() ? null : median)));
        });
        actual.sort(null);
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    /** One wait row per visit and each registration assessment version once. */
    public static void everyVisitAndAssessmentVersionOnce(Path warehouse) throws SQLException {
        query(warehouse, "SELECT count(*), count(DISTINCT encounter_id) FROM " + scan(warehouse, "wait_times"),
                result -> assertThat(result.getLong(1)).as("wait rows vs visits").isPositive().isEqualTo(result.getLong(2)));
        query(warehouse, "SELECT count(*), count(DISTINCT (encounter_id, version)) FROM " + scan(warehouse, "registration_quality"),
                result -> assertThat(result.getLong(1)).as("assessment versions").isPositive().isEqualTo(result.getLong(2)));
    }

    /** Every denying CAS adjustment of the generated 835s is one denials row, and the daily patterns add up to the same. */
    public static void everyDenialOnce(Path warehouse, Collection<CanonicalEvent> events) throws SQLException {
        List<String> expected = new ArrayList<>();
        for (CanonicalEvent event : events) {
            if (event instanceof ClaimRemittance remittance) {
                List<ClaimAdjustment> adjustments = new ArrayList<>(remittance.adjustments());
                remittance.serviceLines().forEach(line -> adjustments.addAll(line.adjustments()));
                for (ClaimAdjustment adjustment : adjustments) {
                    if (DenialCategory.of(adjustment.groupCode(), adjustment.reasonCode()).denial()) {
                        expected.add(remittance.encounterId() + "|" + adjustment.reasonCode() + "|" + adjustment.amount().setScale(2).toPlainString());
                    }
                }
            }
        }
        expected.sort(null);
        List<String> actual = new ArrayList<>();
        query(warehouse, "SELECT encounter_id, carc, CAST(amount AS VARCHAR) FROM " + scan(warehouse, "denials"),
                result -> actual.add(result.getString(1) + "|" + result.getString(2) + "|" + result.getString(3)));
        actual.sort(null);
        assertThat(expected).isNotEmpty();
        assertThat(actual).containsExactlyElementsOf(expected);
        query(warehouse, "SELECT sum(denials) FROM " + scan(warehouse, "denial_patterns") + " WHERE window_size = 'DAY'",
                result -> assertThat(result.getLong(1)).as("daily pattern denials").isEqualTo(expected.size()));
    }

    /** DuckDB's view of a table: only finished files ({@code [!.]*} skips Flink's hidden in-progress ones). */
    public static String scan(Path warehouse, String table) {
        return "read_parquet('%s/%s/*/[!.]*.parquet', hive_partitioning = true)".formatted(warehouse, table);
    }

    private static void query(Path warehouse, String sql, RowCheck check) throws SQLException {
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duckdb.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                check.accept(result);
            }
        }
    }

    @FunctionalInterface
    private interface RowCheck {
        void accept(ResultSet row) throws SQLException;
    }
}
