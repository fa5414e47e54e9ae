package io.admitto.api.sql;

import io.admitto.api.testing.DepartmentHourlyWarehouse;
import io.admitto.api.testing.RegistrationFixtures;
import io.admitto.tables.Column;
import io.admitto.tables.ColumnType;
import io.admitto.tables.TableSchema;
import io.admitto.tables.Tables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.admitto.api.testing.RegistrationFixtures.COMMITTED;
import static io.admitto.api.testing.RegistrationFixtures.FAC01_ED_0105_14;
import static io.admitto.api.testing.RegistrationFixtures.FAC01_ED_0105_15;
import static io.admitto.api.testing.RegistrationFixtures.FAC01_ED_0106_00;
import static io.admitto.api.testing.RegistrationFixtures.FAC01_ED_0107_08;
import static io.admitto.api.testing.RegistrationFixtures.FAC01_IMG_0105_14;
import static io.admitto.api.testing.RegistrationFixtures.FAC02_ED_0105_14;
import static io.admitto.api.testing.RegistrationFixtures.FAC02_SURG_0106_09;
import static io.admitto.api.testing.RegistrationFixtures.hour;
import static io.admitto.tables.Tables.DEPARTMENT_HOURLY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

final class AnalyticsQueriesTest
{
    @TempDir
    Path warehouse;

    private DuckDbSqlEngine engine;
    private AnalyticsQueries queries;

    @BeforeEach
    void openEngine()
    {
        engine = DuckDbSqlEngine.open(warehouse);
        queries = new AnalyticsQueries(engine);
    }

    @AfterEach
    void closeEngine()
    {
        engine.close();
    }

    @Test
    void readsEveryCommittedRowInHourFacilityDepartmentOrder()
    {
        RegistrationFixtures.writeTo(warehouse);

        assertThat(queries.departmentHours(ReportFilter.all())).containsExactlyElementsOf(COMMITTED);
    }

    @Test
    void ignoresFilesTheWriterHasNotCommitted()
    {
        RegistrationFixtures.writeTo(warehouse);

        assertThat(queries.departmentHours(ReportFilter.all()))
                .extracting(DepartmentHour::registrations)
                .doesNotContain(1000L);
    }

    @Test
    void restrictsToInclusiveEventDateRange()
    {
        RegistrationFixtures.writeTo(warehouse);

        assertThat(queries.departmentHours(ReportFilter.all().withDates(LocalDate.parse("2026-01-06"), LocalDate.parse("2026-01-07"))))
                .containsExactly(FAC01_ED_0106_00, FAC02_SURG_0106_09, FAC01_ED_0107_08);
        assertThat(queries.departmentHours(ReportFilter.all().withDates(LocalDate.parse("2026-01-05"), LocalDate.parse("2026-01-05"))))
                .containsExactly(FAC01_ED_0105_14, FAC01_IMG_0105_14, FAC02_ED_0105_14, FAC01_ED_0105_15);
    }

    @Test
    void restrictsToFacilityAndDepartment()
    {
        RegistrationFixtures.writeTo(warehouse);

        assertThat(queries.departmentHours(ReportFilter.all().withFacility("FAC02")))
                .containsExactly(FAC02_ED_0105_14, FAC02_SURG_0106_09);
        assertThat(queries.departmentHours(ReportFilter.all().withFacility("FAC01").withDepartment("ED")))
                .containsExactly(FAC01_ED_0105_14, FAC01_ED_0105_15, FAC01_ED_0106_00, FAC01_ED_0107_08);
    }

    @Test
    void treatsFilterValuesAsValuesNotSql()
    {
        RegistrationFixtures.writeTo(warehouse);

        // Codes are validated before they get here; a hyphen-laden code still only ever matches literally.
        assertThat(queries.departmentHours(ReportFilter.all().withFacility("FAC01--").withDepartment("ED"))).isEmpty();
    }

    @Test
    void warehouseWithoutTheTableHasNoDataAndNoRows()
    {
        assertThat(queries.hasData(DEPARTMENT_HOURLY)).isFalse();
        assertThat(queries.departmentHours(ReportFilter.all())).isEmpty();
    }

    @Test
    void warehouseFolderNeedNotExist()
    {
        try (DuckDbSqlEngine missing = DuckDbSqlEngine.open(warehouse.resolve("not-created-yet"))) {
            assertThat(missing.hasData(DEPARTMENT_HOURLY)).isFalse();
            assertThat(new AnalyticsQueries(missing).departmentHours(ReportFilter.all())).isEmpty();
        }
    }

    @Test
    void tableWithOnlyInProgressFilesHasNoData()
    {
        new DepartmentHourlyWarehouse(warehouse).leaveInProgress(RegistrationFixtures.IN_PROGRESS);

        assertThat(queries.hasData(DEPARTMENT_HOURLY)).isFalse();
        assertThat(queries.departmentHours(ReportFilter.all())).isEmpty();
    }

    @Test
    void seesFilesCommittedAfterItOpened()
    {
        RegistrationFixtures.writeTo(warehouse);
        DepartmentHour late = hour("FAC03", "CLIN", "2026-01-08T11:00:00Z", 6, 95.0);

        new DepartmentHourlyWarehouse(warehouse).commit(List.of(late));

        assertThat(queries.departmentHours(ReportFilter.all())).hasSize(COMMITTED.size() + 1).last().isEqualTo(late);
    }

    @Test
    void answersConcurrentQueries()
            throws Exception
    {
        RegistrationFixtures.writeTo(warehouse);
        ExecutorService executor = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<DepartmentHour>>> answers = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                answers.add(executor.submit(() -> queries.departmentHours(ReportFilter.all())));
            }
            for (Future<List<DepartmentHour>> answer : answers) {
                assertThat(answer.get(60, TimeUnit.SECONDS)).containsExactlyElementsOf(COMMITTED);
            }
        }
        finally {
            executor.shutdownNow();
            assertThat(executor.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void refusesTablesOutsideTheCatalogue()
    {
        TableSchema impostor = new TableSchema("department_hourly/../../etc", "not ours",
                List.of(Column.required("x", ColumnType.STRING, "x")), Tables.EVENT_DATE);

        assertThatThrownBy(() -> queries.hasData(impostor))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Not a catalogued table");
    }

    @Test
    void refusesWarehousePathsThatWouldBeReadAsGlobs()
    {
        assertThatThrownBy(() -> DuckDbSqlEngine.open(warehouse.resolve("wh[1]")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not contain");
    }
}
