package io.admitto.trino;

import io.admitto.tables.Tables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProjectionRangeTest
{
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    @Test
    void startsAtTheEarliestPartitionOfAnyTableAndReachesAWeekPastToday(@TempDir Path warehouse)
            throws Exception
    {
        Files.createDirectories(warehouse.resolve("denials/event_date=2026-03-05"));
        Files.createDirectories(warehouse.resolve("department_hourly/event_date=2026-03-02"));
        Files.createDirectories(warehouse.resolve("department_hourly/event_date=2026-03-03"));
        Files.createDirectories(warehouse.resolve("department_hourly/_not_a_partition"));
        Files.createDirectories(warehouse.resolve("department_hourly/event_date=garbage"));

        ProjectionRange range = ProjectionRange.of(warehouse, Tables.all(), TODAY, Optional.empty());

        assertThat(range).isEqualTo(new ProjectionRange(LocalDate.of(2026, 3, 2), ProjectionRange.MARGIN_DAYS));
        assertThat(range.sqlArray()).isEqualTo("ARRAY['2026-03-02', 'NOW+7DAYS']");
    }

    @Test
    void reachesPastPartitionsDatedAfterToday(@TempDir Path warehouse)
            throws Exception
    {
        Files.createDirectories(warehouse.resolve("kpi_daily/event_date=2026-12-07"));

        ProjectionRange range = ProjectionRange.of(warehouse, Tables.all(), TODAY, Optional.empty());

        assertThat(range.first()).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(range.daysAhead()).isEqualTo(10 + ProjectionRange.MARGIN_DAYS);
    }

    @Test
    void anEmptyWarehouseStartsTodayUnlessToldOtherwise(@TempDir Path warehouse)
    {
        assertThat(ProjectionRange.of(warehouse, Tables.all(), TODAY, Optional.empty()).first()).isEqualTo(TODAY);
        assertThat(ProjectionRange.of(warehouse, Tables.all(), TODAY, Optional.of(LocalDate.of(2025, 1, 1))).first())
                .isEqualTo(LocalDate.of(2025, 1, 1));
    }

    @Test
    void refusesANegativeMargin()
    {
        assertThatThrownBy(() -> new ProjectionRange(TODAY, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
