package io.admitto.api.sql;

import io.admitto.tables.Column;
import io.admitto.tables.TableSchema;
import org.duckdb.DuckDBConnection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * The embedded engine: an in-memory DuckDB that reads the warehouse's Parquet files in place. Nothing is
 * loaded or cached: every query globs the committed files again, so rows the streaming jobs commit show
 * up on the next request. A table reference that names its partition days (at most a year of them) globs
 * only those partition folders: for a week of a four-year table that is 4× less work.
 *
 * <p>A table reference becomes {@code read_parquet(?, hive_partitioning = true, ...)} with the table's
 * glob as a parameter; a table without committed files becomes an empty relation with the table's
 * columns, because {@code read_parquet} fails on a glob that matches nothing.
 *
 * <p>DuckDB connections are not safe for concurrent use, but connections to one database are: one
 * connection holds the in-memory database open and every query runs on its own
 * {@link DuckDBConnection#duplicate() duplicate}.
 */
public final class DuckDbSqlEngine
        implements SqlEngine
{
    /**
     * Glob characters would change which files a table's glob matches, and DuckDB has no way to escape
     * them, so a warehouse path containing one is refused up front.
     */
    private static final Pattern GLOB_CHARACTERS = Pattern.compile("[*?\\[\\]{}]");

    /** A committed Parquet file's name, as a glob both DuckDB and {@link Files#newDirectoryStream(Path, String)} read alike. */
    private static final String COMMITTED_FILE_GLOB = "[!.]*.parquet";

    /** Longest partition range listed day by day; beyond it a whole-table glob is about as cheap. */
    static final int MAX_LISTED_PARTITIONS = 366;

    private final Path warehouse;
    private final DuckDBConnection database;

    private DuckDbSqlEngine(Path warehouse, DuckDBConnection database)
    {
        this.warehouse = requireNonNull(warehouse, "warehouse is null");
        this.database = requireNonNull(database, "database is null");
    }

    /** Opens an in-memory DuckDB over the warehouse directory, which need not exist yet. */
    public static DuckDbSqlEngine open(Path warehouse)
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
            return new DuckDbSqlEngine(absoluteWarehouse, database);
        }
        catch (SQLException e) {
            throw new AnalyticsQueryException("Cannot open an in-memory DuckDB database", e);
        }
    }

    @Override
    public String name()
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
    public <T> List<T> query(SqlQuery query, RowReader<T> reader)
    {
        requireNonNull(query, "query is null");
        requireNonNull(reader, "reader is null");
        RenderedSql sql = render(query);
        try (Connection connection = database.duplicate()) {
            return sql.run(connection, reader);
        }
        catch (SQLException e) {
            throw new AnalyticsQueryException("DuckDB query failed: " + sql.text(), e);
        }
    }

    RenderedSql render(SqlQuery query)
    {
        Map<TableSchema, Boolean> written = new HashMap<>();
        return RenderedSql.render(query, (reference, text, parameters) -> {
            TableSchema table = reference.table();
            Optional<List<String>> partitionGlobs = reference.partitions().flatMap(days -> committedPartitionGlobs(table, days));
            if (partitionGlobs.isPresent()) {
                if (partitionGlobs.get().isEmpty()) {
                    text.append(emptyRelation(table));
                    return;
                }
                text.append("read_parquet([").append(String.join(", ", Collections.nCopies(partitionGlobs.get().size(), "?")));
                appendReadOptions(table, text.append("]"));
                parameters.addAll(partitionGlobs.get());
            }
            else if (written.computeIfAbsent(table, this::hasData)) {
                appendReadOptions(table, text.append("read_parquet(?"));
                parameters.add(committedFilesGlob(table));
            }
            else {
                text.append(emptyRelation(table));
            }
        });
    }

    private static void appendReadOptions(TableSchema table, StringBuilder text)
    {
        text.append(", hive_partitioning = true, hive_types = {'").append(table.partitionColumn().name()).append("': DATE})");
    }

    /**
     * The committed-files glob of each partition folder among the days that holds a committed file; empty
     * when the range is too long to be worth listing day by day (then the whole table's glob is cheaper).
     * Globbing a whole table lists every partition folder (~1,500 for four years of days, 25 ms) and DuckDB
     * refuses a glob that matches nothing, so a folder is named only once a committed file is seen in it;
     * committed files are never removed, so the glob still matches when DuckDB reads it.
     */
    private Optional<List<String>> committedPartitionGlobs(TableSchema table, SqlQuery.PartitionDays days)
    {
        if (days.days() > MAX_LISTED_PARTITIONS) {
            return Optional.empty();
        }
        Path location = CataloguedTables.check(table).location(warehouse);
        List<String> globs = new ArrayList<>();
        for (LocalDate day = days.first(); !day.isAfter(days.last()); day = day.plusDays(1)) {
            Path partition = location.resolve(table.partitionColumn().name() + "=" + day);
            if (hasCommittedFile(partition)) {
                globs.add(partition.resolve(COMMITTED_FILE_GLOB).toString());
            }
        }
        return Optional.of(globs);
    }

    private static boolean hasCommittedFile(Path partition)
    {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(partition, COMMITTED_FILE_GLOB)) {
            return files.iterator().hasNext();
        }
        catch (NoSuchFileException | NotDirectoryException e) {
            return false;
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + partition, e);
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
     * whose names start with a dot are a writer's in-progress files and may be incomplete, so the glob
     * excludes them ({@code [!.]}); so is any hidden partition folder, because the folder must start with
     * the partition column's name.
     */
    private String committedFilesGlob(TableSchema table)
    {
        return CataloguedTables.check(table).location(warehouse)
                .resolve(table.partitionColumn().name() + "=*")
                .resolve(COMMITTED_FILE_GLOB)
                .toString();
    }

    /** A relation with the table's columns (and types as DuckDB reads them from Parquet) and no rows. */
    private static String emptyRelation(TableSchema table)
    {
        List<Column> columns = new ArrayList<>(table.columns());
        columns.add(table.partitionColumn());
        return columns.stream()
                .map(column -> "CAST(NULL AS " + duckDbType(column) + ") AS " + column.name())
                .collect(Collectors.joining(", ", "(SELECT ", " WHERE false)"));
    }

    private static String duckDbType(Column column)
    {
        return switch (column.type()) {
            case STRING -> "VARCHAR";
            case INTEGER -> "INTEGER";
            case BIGINT -> "BIGINT";
            case DOUBLE -> "DOUBLE";
            case BOOLEAN -> "BOOLEAN";
            case DATE -> "DATE";
            // parquet-avro writes timestamp-millis adjusted to UTC, which DuckDB reads as TIMESTAMPTZ
            case TIMESTAMP -> "TIMESTAMPTZ";
            case MONEY -> "DECIMAL(12,2)";
            case BINARY -> "BLOB";
        };
    }
}
