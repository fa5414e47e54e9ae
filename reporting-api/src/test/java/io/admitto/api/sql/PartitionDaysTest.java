package io.admitto.api.sql;

import io.admitto.api.testing.JobWrittenWarehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static io.admitto.tables.Tables.DEPARTMENT_HOURLY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A table reference that names its partition days reads just those partition folders on DuckDB, and the
 * answer is the one the whole table's glob gives.
 */
@ExtendWith(JobWrittenWarehouse.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class PartitionDaysTest
{
    private static final FilterColumns COLUMNS = FilterColumns.of("q.event_date", "q.facility_id", "q.department");
    private static final RowReader<String> HOUR = row -> row.getString("facility_id") + " " + row.getString("department") + " "
            + Rows.instant(row, "hour_start") + " " + row.getLong("registrations");

    private DuckDbSqlEngine duckDb;
    private LocalDate firstDay;

    @BeforeAll
    void open(JobWrittenWarehouse.Warehouse warehouse)
    {
        duckDb = DuckDbSqlEngine.open(warehouse.root());
        firstDay = JobWrittenWarehouse.GENERATOR.startDate();
    }

    @AfterAll
    void close()
    {
        duckDb.close();
    }

    @Test
    void aFewDaysAreReadFromTheirOwnFoldersWithTheSameAnswer()
    {
        ReportFilter days = ReportFilter.all().withDates(firstDay.plusDays(1), firstDay.plusDays(2));

        RenderedSql rendered = duckDb.render(hours(days, true));

        assertThat(rendered.parameters()).filteredOn(parameter -> parameter.toString().endsWith(".parquet"))
                .hasSize(2)
                .allSatisfy(glob -> assertThat(glob.toString()).doesNotContain("event_date=*"));
        List<String> ranged = duckDb.query(hours(days, true), HOUR);
        assertThat(ranged).isNotEmpty().isEqualTo(duckDb.query(hours(days, false), HOUR));
    }

    @Test
    void daysWithoutFilesReadAsEmpty()
    {
        ReportFilter before = ReportFilter.all().withDates(firstDay.minusDays(30), firstDay.minusDays(20));

        assertThat(duckDb.query(hours(before, true), HOUR)).isEmpty();
    }

    @Test
    void aRangeReachingBeyondTheDataReadsTheDaysThatHaveFiles()
    {
        ReportFilter around = ReportFilter.all().withDates(firstDay.minusDays(3), firstDay.plusDays(1));

        assertThat(duckDb.query(hours(around, true), HOUR)).isNotEmpty().isEqualTo(duckDb.query(hours(around, false), HOUR));
    }

    @Test
    void moreThanAYearOfDaysGlobsTheWholeTable()
    {
        ReportFilter years = ReportFilter.all().withDates(firstDay.minusYears(2), firstDay.plusDays(3));

        assertThat(duckDb.render(hours(years, true)).parameters()).anySatisfy(glob -> assertThat(glob.toString()).contains("event_date=*"));
        assertThat(duckDb.query(hours(years, true), HOUR)).isEqualTo(duckDb.query(hours(years, false), HOUR));
    }

    @Test
    void aFilterWithoutBothDatesNamesNoPartitions()
    {
        SqlQuery query = SqlQuery.builder().table(DEPARTMENT_HOURLY, ReportFilter.all()).build();

        assertThat(query.fragments().get(0)).isEqualTo(new SqlQuery.Table(DEPARTMENT_HOURLY, Optional.empty()));
    }

    private static SqlQuery hours(ReportFilter filter, boolean namePartitions)
    {
        SqlQuery.Builder query = SqlQuery.builder().sql("SELECT q.facility_id, q.department, q.hour_start, q.registrations FROM ");
        if (namePartitions) {
            query.table(DEPARTMENT_HOURLY, filter);
        }
        else {
            query.table(DEPARTMENT_HOURLY);
        }
        return query.sql(" q WHERE 1 = 1").filter(filter, COLUMNS).sql(" ORDER BY 1, 2, 3").build();
    }
}
