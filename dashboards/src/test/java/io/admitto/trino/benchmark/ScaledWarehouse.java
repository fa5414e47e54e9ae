package io.admitto.trino.benchmark;

import io.admitto.tables.Column;
import io.admitto.tables.ColumnType;
import io.admitto.tables.TableSchema;
import io.admitto.tables.Tables;
import io.admitto.trino.TrinoDdl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * A large warehouse made by replicating one the real jobs wrote ({@code admitto run}), for measuring queries at
 * scale without running the pipeline for years of data. It is <em>replication</em>, not new data: copy
 * {@code k} (0 is the original) is the source with
 * <ul>
 *     <li>every identifier of a visit, claim, patient or event ({@link #IDENTIFIERS}) suffixed {@code -c<k>}, so
 *     copies are distinct encounters that still join across tables;</li>
 *     <li>every timestamp and date, the {@code event_date} partition included, moved {@code k} whole weeks back,
 *     so the copies line up one after the other like a warehouse the jobs have filled for years: weekdays,
 *     hours of the day and per-day volumes stay as the generator made them;</li>
 *     <li>everything else (facilities, departments, registrars, payers, rules, amounts) unchanged.</li>
 * </ul>
 * The files are written by DuckDB ({@code COPY ... (FORMAT PARQUET, PARTITION_BY (event_date))}) as
 * {@code <table>/event_date=YYYY-MM-DD/part-<uuid>.parquet}, the columns in the catalogue's order and of the
 * Parquet types the Trino DDL reads (INT64 TIMESTAMP(MILLIS) for TIMESTAMP(3), DECIMAL(12,2) for money). DuckDB
 * writes a millisecond timestamp without the UTC-adjusted flag the jobs set; both engines read the same UTC wall
 * time from either.
 */
public final class ScaledWarehouse
{
    /** The columns that identify one visit, claim, patient or event: suffixed per copy. */
    public static final Set<String> IDENTIFIERS = Set.of("encounter_id", "claim_id", "patient_key", "mrn", "member_id", "event_id", "review_id");

    private static final String COPY = "copy_number";

    private final Path source;
    private final Path target;
    private final List<TableSchema> tables;
    private final int copiesPerStatement;

    /**
     * @param copiesPerStatement copies written by one {@code COPY} statement: bounds DuckDB's memory (each open
     * partition buffers its rows until the statement ends)
     */
    public ScaledWarehouse(Path source, Path target, List<TableSchema> tables, int copiesPerStatement)
    {
        this.source = requireNonNull(source, "source is null").toAbsolutePath().normalize();
        this.target = requireNonNull(target, "target is null").toAbsolutePath().normalize();
        this.tables = List.copyOf(requireNonNull(tables, "tables is null"));
        if (copiesPerStatement < 1) {
            throw new IllegalArgumentException("copiesPerStatement must be at least 1: " + copiesPerStatement);
        }
        this.copiesPerStatement = copiesPerStatement;
        if (!Files.isDirectory(this.source.resolve(Tables.REGISTRATION_QUALITY.name()))) {
            throw new IllegalArgumentException(this.source + " is not a warehouse the jobs wrote: it has no "
                    + Tables.REGISTRATION_QUALITY.name() + " folder (write one with ./admitto run --warehouse DIR)");
        }
    }

    /** The copies needed for at least {@code minimumEncounters} distinct encounters in {@code registration_quality}. */
    public int copiesFor(long minimumEncounters)
            throws SQLException
    {
        long encounters = sourceEncounters();
        if (encounters == 0) {
            throw new IllegalStateException("The source warehouse " + source + " has no registrations to replicate");
        }
        return Math.toIntExact(Math.max(1, (minimumEncounters + encounters - 1) / encounters));
    }

    /** Distinct encounters of the source's {@code registration_quality}. */
    public long sourceEncounters()
            throws SQLException
    {
        return encounters(source);
    }

    /** Distinct encounters of a warehouse's {@code registration_quality}. */
    public static long encounters(Path warehouse)
            throws SQLException
    {
        try (Connection duckDb = duckDb(); Statement statement = duckDb.createStatement();
                ResultSet result = statement.executeQuery("SELECT count(DISTINCT encounter_id) FROM " + read(warehouse, Tables.REGISTRATION_QUALITY))) {
            result.next();
            return result.getLong(1);
        }
    }

    /** Writes {@code copies} copies of every table the source holds into the target, which must not hold tables yet. */
    public Map<String, Long> write(int copies)
            throws SQLException
    {
        if (copies < 1) {
            throw new IllegalArgumentException("copies must be at least 1: " + copies);
        }
        refuseExistingTables();
        try {
            Files.createDirectories(target);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + target, e);
        }
        Map<String, Long> rows = new LinkedHashMap<>();
        try (Connection duckDb = duckDb(); Statement statement = duckDb.createStatement()) {
            for (TableSchema table : tables) {
                if (!hasFiles(table.location(source))) {
                    continue;
                }
                long written = 0;
                for (int first = 0; first < copies; first += copiesPerStatement) {
                    written += statement.executeLargeUpdate(copyStatement(table, first, Math.min(copies, first + copiesPerStatement)));
                }
                rows.put(table.name(), written);
            }
        }
        return rows;
    }

    /** The {@code COPY} of copies {@code first} (inclusive) to {@code end} (exclusive) of one table. */
    String copyStatement(TableSchema table, int first, int end)
    {
        String columns = Stream.concat(table.columns().stream(), Stream.of(table.partitionColumn()))
                .map(column -> copied(column) + " AS \"" + column.name() + "\"")
                .collect(Collectors.joining(",\n       "));
        return "COPY (SELECT " + columns + "\n"
                + "      FROM " + read(table) + " CROSS JOIN range(" + first + ", " + end + ") AS copies(" + COPY + "))\n"
                + "TO '" + table.location(target) + "' (FORMAT PARQUET, PARTITION_BY (\"" + table.partitionColumn().name() + "\"), "
                + "FILENAME_PATTERN 'part-{uuid}', APPEND)";
    }

    /** One column of copy {@value #COPY}, cast to the type the DDL reads so DuckDB's inference cannot change it. */
    private static String copied(Column column)
    {
        String name = "\"" + column.name() + "\"";
        if (column.type() == ColumnType.STRING && IDENTIFIERS.contains(column.name())) {
            // copy 0 keeps the jobs' ids; a null id stays null
            return "CASE WHEN " + COPY + " = 0 THEN " + name + " ELSE " + name + " || '-c' || " + COPY + " END";
        }
        return switch (column.type()) {
            // The session is UTC, so a TIMESTAMPTZ of the jobs' files becomes its UTC wall time before the shift.
            case TIMESTAMP -> "CAST(CAST(" + name + " AS TIMESTAMP) - to_weeks(" + COPY + ") AS TIMESTAMP_MS)";
            case DATE -> "CAST(" + name + " - to_weeks(" + COPY + ") AS DATE)";
            default -> "CAST(" + name + " AS " + duckDbType(column.type()) + ")";
        };
    }

    /**
     * The DuckDB type whose Parquet form Trino reads as the DDL's type of the column: the DDL's own type name
     * where DuckDB spells it the same (VARCHAR, INTEGER, ..., DECIMAL(12,2)).
     */
    static String duckDbType(ColumnType type)
    {
        return switch (type) {
            // INT64 TIMESTAMP(MILLIS): TIMESTAMP(3) in Trino, like the jobs' files
            case TIMESTAMP -> "TIMESTAMP_MS";
            case BINARY -> "BLOB";
            default -> TrinoDdl.trinoType(type);
        };
    }

    private String read(TableSchema table)
    {
        return read(source, table);
    }

    private static String read(Path warehouse, TableSchema table)
    {
        return "read_parquet('" + table.location(warehouse) + "/*/*.parquet', hive_partitioning = true, "
                + "hive_types = {'" + table.partitionColumn().name() + "': DATE})";
    }

    private void refuseExistingTables()
    {
        for (TableSchema table : tables) {
            if (Files.exists(table.location(target))) {
                throw new IllegalStateException("The target " + target + " already holds " + table.name() + ": give an empty or new folder");
            }
        }
    }

    static boolean hasFiles(Path location)
    {
        if (!Files.isDirectory(location)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(location)) {
            return files.anyMatch(file -> file.getFileName().toString().endsWith(".parquet"));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Connection duckDb()
            throws SQLException
    {
        Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET TimeZone = 'UTC'");
            // rows need no order inside a partition; without it DuckDB buffers less
            statement.execute("SET preserve_insertion_order = false");
        }
        return connection;
    }

    /**
     * {@code ScaledWarehouse SOURCE TARGET [MINIMUM_ENCOUNTERS] [COPIES_PER_STATEMENT]}: replicates SOURCE into TARGET
     * until {@code registration_quality} holds at least MINIMUM_ENCOUNTERS (default 10,000,000) distinct encounters.
     */
    public static void main(String[] args)
            throws SQLException
    {
        if (args.length < 2) {
            System.err.println("usage: ScaledWarehouse SOURCE_WAREHOUSE TARGET_WAREHOUSE [MINIMUM_ENCOUNTERS] [COPIES_PER_STATEMENT]");
            System.exit(2);
        }
        long minimum = args.length > 2 ? Long.parseLong(args[2]) : 10_000_000L;
        int perStatement = args.length > 3 ? Integer.parseInt(args[3]) : 16;
        ScaledWarehouse scaled = new ScaledWarehouse(Path.of(args[0]), Path.of(args[1]), Tables.all(), perStatement);
        long encounters = scaled.sourceEncounters();
        int copies = scaled.copiesFor(minimum);
        System.out.printf("source: %,d encounters; writing %d copies (%d weeks back) into %s%n", encounters, copies, copies - 1, args[1]);
        long start = System.nanoTime();
        Map<String, Long> rows = scaled.write(copies);
        rows.forEach((table, count) -> System.out.printf("  %-24s %,14d rows%n", table, count));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%,d distinct encounters in registration_quality; written in %.0f s%n", encounters(Path.of(args[1])), seconds);
    }
}
