package io.admitto.trino;

import io.admitto.api.sql.DepartmentHour;
import io.admitto.api.testing.DepartmentHourlyWarehouse;
import io.admitto.tables.TableSchema;
import io.admitto.tables.Tables;
import io.admitto.trino.testing.TrinoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The generated catalog, access rules and DDL on a real Trino server over a warehouse folder: every
 * table registers (written or not), new days are found without a sync, and each group reads only what
 * its role may.
 */
@Tag("trino")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrinoCatalogIT
{
    private static final Instant DAY_ONE = Instant.parse("2026-03-02T08:00:00Z");

    private DepartmentHourlyWarehouse warehouse;
    private TrinoConfig config;
    private TrinoServer trino;

    @BeforeAll
    void startTrinoWithTheGeneratedConfiguration(@TempDir Path work)
            throws Exception
    {
        warehouse = new DepartmentHourlyWarehouse(Files.createDirectories(work.resolve("warehouse")));
        warehouse.commit(List.of(
                hour("F1", "ED", DAY_ONE, 5, 300.0),
                hour("F1", "IMG", DAY_ONE.plusSeconds(3600), 2, 45.0),
                hour("F2", "ED", DAY_ONE.plusSeconds(86_400), 7, 120.5)));
        warehouse.leaveInProgress(List.of(hour("F1", "ED", DAY_ONE, 1000, 1.0)));

        Path out = work.resolve("trino-config");
        ProjectionRange range = ProjectionRange.of(warehouse.root(), Tables.all(), LocalDate.now(java.time.ZoneOffset.UTC), Optional.empty());
        config = new TrinoConfig(warehouse.root(), Tables.all(), range);
        config.write(out);
        trino = TrinoServer.startWithAdmittoTables(work.resolve("trino"), out);
    }

    @AfterAll
    void stopTrino()
    {
        if (trino != null) {
            trino.close();
        }
    }

    @Test
    void analystsReadTheCommittedRowsAndNeverTheWritersInProgressFiles()
            throws Exception
    {
        assertThat(query("analyst", "SELECT count(*), sum(registrations), sum(median_registration_wait_seconds) "
                + "FROM admitto.analytics.department_hourly WHERE event_date <= DATE '2026-03-03'"))
                .containsExactly(List.of(3L, 14L, 465.5));
        assertThat(query("analyst", "SELECT facility_id, department, CAST(hour_start AS varchar), event_date "
                + "FROM admitto.analytics.department_hourly WHERE event_date = DATE '2026-03-03'"))
                .containsExactly(List.of("F2", "ED", "2026-03-03 08:00:00.000", LocalDate.of(2026, 3, 3)));
    }

    @Test
    void everyTableIsRegisteredAndATableWithoutFilesReadsAsEmpty()
            throws Exception
    {
        for (TableSchema table : Tables.all()) {
            assertThat(query("admin", "SELECT count(*) FROM admitto.analytics." + table.name() + " WHERE event_date <= DATE '2026-03-03'"))
                    .as(table.name())
                    .containsExactly(List.of(table == Tables.DEPARTMENT_HOURLY ? 3L : 0L));
        }
    }

    @Test
    void aDayTheJobsCommitAfterRegistrationIsFoundWithoutASync()
            throws Exception
    {
        Instant later = Instant.parse("2026-03-09T10:00:00Z");
        warehouse.commit(List.of(hour("F1", "CLIN", later, 4, 60.0)));

        assertThat(query("analyst", "SELECT sum(registrations) FROM admitto.analytics.department_hourly WHERE event_date = DATE '2026-03-09'"))
                .containsExactly(List.of(4L));
    }

    @Test
    void applyingTheDdlAgainKeepsTheData()
            throws Exception
    {
        trino.execute("admin", config.ddl().script(List.of(Tables.DEPARTMENT_HOURLY)));

        assertThat(query("analyst", "SELECT count(*) FROM admitto.analytics.department_hourly WHERE event_date <= DATE '2026-03-03'"))
                .containsExactly(List.of(3L));
    }

    @Test
    void analystsAndLeadershipAreRefusedPhiDeadLettersAndTheAuditLog()
    {
        for (String user : List.of("analyst", "leadership")) {
            for (String table : List.of("registration_phi", "dead_letters", "audit_log")) {
                assertThatThrownBy(() -> query(user, "SELECT count(*) FROM admitto.analytics." + table))
                        .as(user + " reading " + table)
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("Access Denied");
            }
        }
    }

    @Test
    void qaReviewersReadPhiAndDeadLettersButNotTheAuditLogWhichAdminsRead()
            throws Exception
    {
        assertThat(query("qa_reviewer", "SELECT count(*) FROM admitto.analytics.registration_phi")).containsExactly(List.of(0L));
        assertThat(query("qa_reviewer", "SELECT count(*) FROM admitto.analytics.dead_letters")).containsExactly(List.of(0L));
        assertThatThrownBy(() -> query("qa_reviewer", "SELECT count(*) FROM admitto.analytics.audit_log"))
                .hasMessageContaining("Access Denied");
        assertThat(query("admin", "SELECT count(*) FROM admitto.analytics.audit_log")).containsExactly(List.of(0L));
    }

    @Test
    void aUserInNoGroupReadsNothingAndCannotChangeTables()
    {
        assertThatThrownBy(() -> query("mallory", "SELECT count(*) FROM admitto.analytics.department_hourly"))
                .hasMessageContaining("Access Denied");
        assertThatThrownBy(() -> query("analyst", "DROP TABLE admitto.analytics.department_hourly"))
                .hasMessageContaining("Access Denied");
    }

    @Test
    void jdbcMetadataShowsAnalystsOnlyTheTablesTheyMayRead()
            throws Exception
    {
        List<String> tables = new ArrayList<>();
        try (Connection connection = trino.connect("analyst");
                ResultSet resultSet = connection.getMetaData().getTables("admitto", "analytics", "%", null)) {
            while (resultSet.next()) {
                tables.add(resultSet.getString("TABLE_NAME"));
            }
        }
        assertThat(tables).contains("department_hourly", "denials").doesNotContain("registration_phi", "audit_log", "dead_letters");
    }

    private List<List<Object>> query(String user, String sql)
            throws SQLException
    {
        try (Connection connection = trino.connect(user);
                Statement statement = connection.createStatement();
                ResultSet resultSet = statement.executeQuery(sql)) {
            List<List<Object>> rows = new ArrayList<>();
            int columns = resultSet.getMetaData().getColumnCount();
            while (resultSet.next()) {
                List<Object> row = new ArrayList<>();
                for (int column = 1; column <= columns; column++) {
                    Object value = resultSet.getObject(column);
                    row.add(value instanceof java.sql.Date date ? date.toLocalDate() : value);
                }
                rows.add(row);
            }
            return rows;
        }
    }

    private static DepartmentHour hour(String facility, String department, Instant start, long registrations, Double median)
    {
        return new DepartmentHour(facility, department, start, registrations, median);
    }
}
