package io.admitto.trino.benchmark;

import io.admitto.launcher.testing.BoundedRun;
import io.admitto.tables.TableSchema;
import io.admitto.tables.Tables;
import io.admitto.trino.AnalystQueries;
import io.admitto.trino.AnalystQuery;
import io.admitto.trino.ProjectionRange;
import io.admitto.trino.TrinoDdl;
import io.admitto.trino.TrinoParquetColumns;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The scaled warehouse of the Trino benchmark, on a tiny warehouse the real jobs wrote: three copies, written two
 * per statement, are the source with ids suffixed and every time moved whole weeks back, in files Trino reads
 * with the DDL's column types.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScaledWarehouseTest
{
    private static final int COPIES = 3;

    private Path source;
    private Path target;
    private Map<String, Long> written;
    private Connection duckDb;

    @BeforeAll
    void replicateAWarehouseTheJobsWrote(@TempDir Path work)
            throws SQLException
    {
        source = work.resolve("source");
        target = work.resolve("scaled");
        BoundedRun.into(source, "--seed", "7", "--days", "2", "--facilities", "1", "--daily-encounters", "60",
                "--checkpoint-interval", "PT1S");
        written = new ScaledWarehouse(source, target, Tables.all(), 2).write(COPIES);

        duckDb = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement statement = duckDb.createStatement()) {
            statement.execute("SET TimeZone = 'UTC'");
            for (String table : List.of("registration_quality", "denials", "wait_times")) {
                statement.execute("CREATE VIEW source_" + table + " AS " + read(source, table));
                statement.execute("CREATE VIEW scaled_" + table + " AS " + read(target, table));
            }
        }
    }

    @AfterAll
    void close()
            throws SQLException
    {
        if (duckDb != null) {
            duckDb.close();
        }
    }

    @Test
    void eachCopyAddsTheSourcesEncountersAgain()
            throws SQLException
    {
        long encounters = ScaledWarehouse.encounters(source);
        assertThat(encounters).isGreaterThan(50);
        assertThat(ScaledWarehouse.encounters(target)).isEqualTo(COPIES * encounters);
        assertThat(written.get("registration_quality")).isEqualTo(COPIES * count("SELECT count(*) FROM source_registration_quality"));

        ScaledWarehouse scaling = new ScaledWarehouse(source, target.resolveSibling("unused"), Tables.all(), 2);
        assertThat(scaling.copiesFor(COPIES * encounters)).isEqualTo(COPIES);
        assertThat(scaling.copiesFor(COPIES * encounters + 1)).isEqualTo(COPIES + 1);
    }

    @Test
    void aCopyIsTheSourceWithItsIdsSuffixedAndItsTimesMovedWholeWeeksBack()
            throws SQLException
    {
        long assessments = count("SELECT count(*) FROM source_registration_quality");
        assertThat(count("""
                SELECT count(*) FROM source_registration_quality b JOIN scaled_registration_quality s
                  ON s.encounter_id = b.encounter_id || '-c2' AND s.version = b.version
                WHERE s.assessed_at = CAST(b.assessed_at AS TIMESTAMP) - INTERVAL 14 DAY
                  AND s.event_date = b.event_date - 14
                  AND s.service_date IS NOT DISTINCT FROM b.service_date - 14
                  AND s.patient_key IS NOT DISTINCT FROM b.patient_key || '-c2'
                  AND s.facility_id = b.facility_id AND s.registrar_id IS NOT DISTINCT FROM b.registrar_id
                  AND s.payer_id IS NOT DISTINCT FROM b.payer_id AND s.score = b.score AND s.clean = b.clean""")).isEqualTo(assessments);
        // copy 0 is the source as the jobs wrote it
        assertThat(count("""
                SELECT count(*) FROM source_registration_quality b JOIN scaled_registration_quality s
                  ON s.encounter_id = b.encounter_id AND s.version = b.version
                WHERE s.assessed_at = CAST(b.assessed_at AS TIMESTAMP) AND s.event_date = b.event_date
                  AND s.patient_key IS NOT DISTINCT FROM b.patient_key""")).isEqualTo(assessments);

        long denials = count("SELECT count(*) FROM source_denials");
        assertThat(denials).as("the tiny run must remit denials, or the claim ids go untested").isPositive();
        assertThat(count("""
                SELECT count(*) FROM source_denials b JOIN scaled_denials s
                  ON s.claim_id = b.claim_id || '-c1' AND s.encounter_id = b.encounter_id || '-c1' AND s.carc = b.carc
                     AND s.group_code = b.group_code AND s.amount = b.amount
                WHERE s.remitted_at = CAST(b.remitted_at AS TIMESTAMP) - INTERVAL 7 DAY AND s.event_date = b.event_date - 7
                  AND s.billed_amount = b.billed_amount AND s.category = b.category AND s.caught_by_qa = b.caught_by_qa""")).isEqualTo(denials);

        // nullable timestamps stay null, set ones move
        assertThat(count("""
                SELECT count(*) FROM source_wait_times b JOIN scaled_wait_times s ON s.encounter_id = b.encounter_id || '-c2'
                WHERE s.arrived_at = CAST(b.arrived_at AS TIMESTAMP) - INTERVAL 14 DAY
                  AND s.departed_at IS NOT DISTINCT FROM CAST(b.departed_at AS TIMESTAMP) - INTERVAL 14 DAY
                  AND s.arrival_to_registration_seconds IS NOT DISTINCT FROM b.arrival_to_registration_seconds"""))
                .isEqualTo(count("SELECT count(*) FROM source_wait_times")).isPositive();
    }

    @Test
    void partitionsAreTheSourceDaysOfEveryCopyInPartFilesLikeTheJobsWrite()
            throws IOException
    {
        Set<LocalDate> expected = new TreeSet<>();
        for (LocalDate day : partitionDays(source.resolve("registration_quality"))) {
            for (int copy = 0; copy < COPIES; copy++) {
                expected.add(day.minusWeeks(copy));
            }
        }
        assertThat(partitionDays(target.resolve("registration_quality"))).isEqualTo(expected);

        try (Stream<Path> files = Files.walk(target)) {
            List<String> names = files.filter(Files::isRegularFile).map(file -> target.relativize(file).toString()).toList();
            assertThat(names).isNotEmpty()
                    .allMatch(name -> name.matches("[a-z_]+/event_date=\\d{4}-\\d{2}-\\d{2}/part-[0-9a-f-]+\\.parquet"), "part-*.parquet in a partition");
        }
    }

    @Test
    void everyFileHasTheColumnsAndTypesOfTheTrinoDdl()
            throws IOException
    {
        TrinoDdl ddl = new TrinoDdl("admitto", "analytics", new ProjectionRange(LocalDate.of(2026, 3, 2), 7));
        assertThat(written.keySet()).contains("department_hourly", "wait_times", "wait_time_stats", "registration_quality",
                "registration_findings", "registration_phi", "denials", "kpi_daily");
        for (String name : written.keySet()) {
            TableSchema table = Tables.byName(name).orElseThrow();
            List<String> declared = TrinoParquetColumns.declared(ddl, table);
            try (Stream<Path> files = Files.walk(table.location(target))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    assertThat(TrinoParquetColumns.read(file)).as(file.toString()).containsExactlyElementsOf(declared);
                }
            }
        }
    }

    @Test
    void theAnalystsQueriesCountEachCopyOnceMore()
            throws SQLException
    {
        try (DuckDbAnalytics original = DuckDbAnalytics.open(source, Tables.all(), "1GB");
                DuckDbAnalytics scaled = DuckDbAnalytics.open(target, Tables.all(), "1GB")) {
            for (String name : List.of("01-registration-volume", "06-clean-registration-rate")) {
                Map<String, Long> once = countsByFacilityAndDepartment(original, name);
                Map<String, Long> thrice = countsByFacilityAndDepartment(scaled, name);
                assertThat(once).as(name).isNotEmpty();
                assertThat(thrice).as(name).isEqualTo(once.entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, entry -> COPIES * entry.getValue())));
            }
            // every worked query of docs/analysts.md runs on the scaled files as written for Trino
            for (AnalystQuery query : AnalystQueries.all()) {
                try (Statement statement = scaled.connection().createStatement(); ResultSet result = statement.executeQuery(query.sql())) {
                    assertThat(result.getMetaData().getColumnCount()).as(query.name()).isPositive();
                }
            }
        }
    }

    @Test
    void refusesATargetThatAlreadyHoldsTables()
    {
        assertThatThrownBy(() -> new ScaledWarehouse(source, target, Tables.all(), 2).write(1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already holds");
        assertThatThrownBy(() -> new ScaledWarehouse(target.resolveSibling("nothing-here"), target, Tables.all(), 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("admitto run");
    }

    /** facility|department -> the query's third column (registrations in both queries used). */
    private static Map<String, Long> countsByFacilityAndDepartment(DuckDbAnalytics duckDb, String queryName)
            throws SQLException
    {
        String sql = AnalystQueries.all().stream().filter(query -> query.name().equals(queryName)).findFirst().orElseThrow().sql();
        Map<String, Long> counts = new TreeMap<>();
        try (Statement statement = duckDb.connection().createStatement(); ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                counts.put(result.getString(1) + "|" + result.getString(2), result.getLong(3));
            }
        }
        return counts;
    }

    private long count(String sql)
            throws SQLException
    {
        try (Statement statement = duckDb.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static String read(Path warehouse, String table)
    {
        return "SELECT * FROM read_parquet('" + warehouse.resolve(table) + "/*/*.parquet', hive_partitioning = true, hive_types = {'event_date': DATE})";
    }

    private static Set<LocalDate> partitionDays(Path table)
            throws IOException
    {
        try (Stream<Path> folders = Files.list(table)) {
            return folders.map(folder -> folder.getFileName().toString())
                    .map(name -> LocalDate.parse(name.substring("event_date=".length())))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
