package io.admitto.api.sql;

import io.admitto.tables.TableSchema;
import io.admitto.tables.Tables;
import org.duckdb.DuckDBConnection;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static io.admitto.tables.Tables.DEPARTMENT_HOURLY;
import static java.util.Objects.requireNonNull;

/**
 * Answers {@link AnalyticsQueries} with an embedded, in-memory DuckDB that reads the warehouse's Parquet
 * files in place. Nothing is loaded or cached: every query globs the committed files again, so rows the
 * streaming job commits show up on the next request.
 *
 * <p>DuckDB connections are not safe for concurrent use, but connections to one database are. This class
 * keeps one connection only to hold the in-memory database open and gives every query its own
 * {@link DuckDBConnection#duplicate() duplicate}, which is cheap and closed after the query.
 */
public final class DuckDbAnalyticsQueries
        implements AnalyticsQueries
{
    /**
     * Glob characters would change which files a table's glob matches, and DuckDB has no way to escape
     * them, so a warehouse path containing one is refused up front.
     */
    private static final Pattern GLOB_CHARACTERS = Pattern.compile("[*?\\[\\]{}]");

    private final Path warehouse;
    private final DuckDBConnection database;

    private DuckDbAnalyticsQueries(Path warehouse, DuckDBConnection database)
    {
        this.warehouse = requireNonNull(warehouse, "warehouse is null");
        this.database = requireNonNull(database, "database is null");
    }

    /** Opens an in-memory DuckDB over the warehouse directory, which need not exist yet. */
    public static DuckDbAnalyticsQueries open(Path warehouse)
    {
        Path absoluteWarehouse = warehouse.toAbsolutePath().normalize();
        if (GLOB_CHARACTERS.matcher(absoluteWarehouse.toString()).find()) {
            throw new IllegalArgumentException("Warehouse path must not contain any of * ? [ ] { }: " + absoluteWarehouse);
        }
        try {
            DuckDBConnection database = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
            try (Statement statement = database.createStatement()) {
                // Timestamps are UTC instants; keep casts and date arithmetic independent of the host's zone.
                statement.execute("SET TimeZone = 'UTC'");
            }
            return new DuckDbAnalyticsQueries(absoluteWarehouse, database);
        }
        catch (SQLException e) {
            throw new AnalyticsQueryException("Cannot open an in-memory DuckDB database", e);
        }
    }

    @Override
    public String engineName()
    {
        return "duckdb";
    }

    @Override
    public boolean hasData(TableSchema table)
    {
        String glob = committedFilesGlob(table);
        try (Connection connection = database.duplicate();
                PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM glob(?)")) {
            statement.setString(1, glob);
            try (ResultSet resultSet = statement.executeQuery()) {
                resultSet.next();
                return resultSet.getLong(1) > 0;
            }
        }
        catch (SQLException e) {
            throw new AnalyticsQueryException("Cannot list the files of " + table.name(), e);
        }
    }

    @Override
    public List<DepartmentHour> departmentHours(ReportFilter filter)
    {
        requireNonNull(filter, "filter is null");
        // read_parquet fails on a glob that matches nothing; an unwritten table is simply empty.
        if (!hasData(DEPARTMENT_HOURLY)) {
            return List.of();
        }

        List<Object> parameters = new ArrayList<>();
        parameters.add(committedFilesGlob(DEPARTMENT_HOURLY));
        StringBuilder sql = new StringBuilder("""
                SELECT facility_id, department, epoch_ms(hour_start) AS hour_start_millis, registrations,
                       median_registration_wait_seconds
                FROM read_parquet(?, hive_partitioning = true, hive_types = {'event_date': DATE})
                WHERE true""");
        // Only fixed SQL fragments are appended; every value travels as a JDBC parameter. The event_date
        // bounds prune whole partition folders before any file is opened.
        filter.from().ifPresent(from -> {
            sql.append(" AND event_date >= ?");
            parameters.add(from);
        });
        filter.to().ifPresent(to -> {
            sql.append(" AND event_date <= ?");
            parameters.add(to);
        });
        filter.facility().ifPresent(facility -> {
            sql.append(" AND facility_id = ?");
            parameters.add(facility);
        });
        filter.department().ifPresent(department -> {
            sql.append(" AND department = ?");
            parameters.add(department);
        });
        sql.append(" ORDER BY hour_start, facility_id, department");

        try (Connection connection = database.duplicate();
                PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            for (int index = 0; index < parameters.size(); index++) {
                bind(statement, index + 1, parameters.get(index));
            }
            List<DepartmentHour> rows = new ArrayList<>();
            try (ResultSet resultSet = statement.executeQuery()) {
                while (resultSet.next()) {
                    double median = resultSet.getDouble("median_registration_wait_seconds");
                    rows.add(new DepartmentHour(
                            resultSet.getString("facility_id"),
                            resultSet.getString("department"),
                            Instant.ofEpochMilli(resultSet.getLong("hour_start_millis")),
                            resultSet.getLong("registrations"),
                            resultSet.wasNull() ? null : median));
                }
            }
            return List.copyOf(rows);
        }
        catch (SQLException e) {
            throw new AnalyticsQueryException("Query on " + DEPARTMENT_HOURLY.name() + " failed", e);
        }
    }

    @Override
    public void close()
    {
        try {
            database.close();
        }
        catch (SQLException e) {
            throw new AnalyticsQueryException("Cannot close the DuckDB database", e);
        }
    }

    /**
     * The committed Parquet files of a table: {@code <table>/<partition>=<value>/<file>.parquet}. Files
     * whose names start with a dot are the writer's in-progress files and may be incomplete, so the glob
     * excludes them ({@code [!.]}); so is any hidden partition folder, because the folder must start with
     * the partition column's name.
     */
    private String committedFilesGlob(TableSchema table)
    {
        return checkCatalogued(table).location(warehouse)
                .resolve(table.partitionColumn().name() + "=*")
                .resolve("[!.]*.parquet")
                .toString();
    }

    /** Table names become part of file paths, so only the catalogue's own tables are accepted. */
    private static TableSchema checkCatalogued(TableSchema table)
    {
        requireNonNull(table, "table is null");
        if (!Tables.byName(table.name()).filter(table::equals).isPresent()) {
            throw new IllegalArgumentException("Not a catalogued table: " + table.name());
        }
        return table;
    }

    private static void bind(PreparedStatement statement, int index, Object value)
            throws SQLException
    {
        if (value instanceof LocalDate date) {
            statement.setObject(index, date);
        }
        else if (value instanceof String string) {
            statement.setString(index, string);
        }
        else {
            throw new IllegalArgumentException("Unsupported parameter type: " + value.getClass().getName());
        }
    }
}
