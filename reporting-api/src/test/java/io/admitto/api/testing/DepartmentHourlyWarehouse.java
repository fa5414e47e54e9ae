package io.admitto.api.testing;

import io.admitto.api.sql.DepartmentHour;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static java.util.Objects.requireNonNull;
import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.toList;

/**
 * Writes {@code department_hourly} into a test warehouse the way the department-flow job lays it out:
 * {@code department_hourly/event_date=YYYY-MM-DD/part-*.parquet}, with the job's in-progress files
 * (names starting with a dot) beside the committed ones.
 *
 * <p>DuckDB writes the Parquet. Its {@code TIMESTAMPTZ} becomes INT64 TIMESTAMP(MICROS, adjustedToUTC),
 * while the job's Avro {@code timestamp-millis} becomes INT64 TIMESTAMP(MILLIS, adjustedToUTC): same
 * logical type, so readers see the same {@code TIMESTAMP WITH TIME ZONE} column, at a finer unit.
 */
public final class DepartmentHourlyWarehouse
{
    private final Path warehouse;

    public DepartmentHourlyWarehouse(Path warehouse)
    {
        this.warehouse = requireNonNull(warehouse, "warehouse is null");
    }

    public Path root()
    {
        return warehouse;
    }

    /** Commits the rows: one part file per event date (the UTC date of each row's hour). */
    public void commit(List<DepartmentHour> rows)
    {
        byEventDate(rows).forEach((eventDate, partition) ->
                write(partition, partitionFolder(eventDate).resolve("part-" + UUID.randomUUID() + "-0.parquet")));
    }

    /**
     * Leaves the rows in a file the job has not committed yet: a complete Parquet file whose name starts with
     * a dot, so a reader that wrongly picks it up counts its rows. Beside it goes a truncated file named as
     * Flink names in-progress part files, which a reader that opens it fails on.
     */
    public void leaveInProgress(List<DepartmentHour> rows)
    {
        byEventDate(rows).forEach((eventDate, partition) -> {
            Path folder = partitionFolder(eventDate);
            write(partition, folder.resolve(".part-" + UUID.randomUUID() + "-1.parquet"));
            try {
                Files.write(folder.resolve(".part-" + UUID.randomUUID() + "-2.parquet.inprogress." + UUID.randomUUID()),
                        new byte[] {'P', 'A', 'R', '1', 0, 0});
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private Path partitionFolder(LocalDate eventDate)
    {
        Path folder = warehouse.resolve("department_hourly").resolve("event_date=" + eventDate);
        try {
            return Files.createDirectories(folder);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<LocalDate, List<DepartmentHour>> byEventDate(List<DepartmentHour> rows)
    {
        return rows.stream().collect(groupingBy(
                row -> LocalDate.ofInstant(row.hourStart(), ZoneOffset.UTC),
                TreeMap::new,
                toList()));
    }

    private static void write(List<DepartmentHour> rows, Path file)
    {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            statement.execute("SET TimeZone = 'UTC'");
            statement.execute("""
                    CREATE TABLE department_hourly (
                        facility_id VARCHAR NOT NULL,
                        department VARCHAR NOT NULL,
                        hour_start TIMESTAMPTZ NOT NULL,
                        registrations BIGINT NOT NULL,
                        median_registration_wait_seconds DOUBLE NOT NULL)""");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO department_hourly VALUES (?, ?, ?, ?, ?)")) {
                for (DepartmentHour row : rows) {
                    insert.setString(1, row.facilityId());
                    insert.setString(2, row.department());
                    insert.setObject(3, OffsetDateTime.ofInstant(row.hourStart(), ZoneOffset.UTC));
                    insert.setLong(4, row.registrations());
                    insert.setDouble(5, row.medianRegistrationWaitSeconds());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            // COPY takes no parameters for its target; the path is the test's own temporary folder.
            statement.execute("COPY department_hourly TO '" + file.toString().replace("'", "''") + "' (FORMAT parquet)");
        }
        catch (SQLException e) {
            throw new IllegalStateException("Cannot write " + file, e);
        }
    }
}
