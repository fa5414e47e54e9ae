package io.admitto.trino.benchmark;

import io.admitto.api.security.Role;
import io.admitto.launcher.AdmittoCommand;
import io.admitto.tables.TableSchema;
import io.admitto.tables.Tables;
import io.admitto.trino.AnalystQueries;
import io.admitto.trino.AnalystQuery;
import io.admitto.trino.TrinoConfig;
import io.admitto.trino.testing.TrinoServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * Warm latency of the analysts' worked queries ({@link AnalystQueries}, docs/analysts.md) on a real Trino server and
 * on embedded DuckDB, over the same Parquet warehouse, in one run: per query and engine one warm-up run, then
 * {@code --runs} timed runs (execute to last row fetched); the median and the longest are reported, with whether
 * the two engines' answers agree. Trino runs single-node through the test harness ({@link TrinoServer}: the
 * {@code trino-server-core} + {@code trino-hive} of the {@code trino} Maven profile), configured by
 * {@code admitto trino-config} exactly as analysts get it, queried as an analyst.
 *
 * <pre>
 * ./admitto bench dashboards --main io.admitto.trino.benchmark.AnalystQueriesBenchmark --warehouse DIR [--runs 3]
 * </pre>
 *
 * A warehouse at scale comes from {@link ScaledWarehouse}; docs/benchmarks.md has the figures and the steps.
 */
@Command(name = "AnalystQueriesBenchmark", mixinStandardHelpOptions = true,
        description = "Warm latency of the analysts' queries on Trino and DuckDB over one warehouse.")
public final class AnalystQueriesBenchmark
        implements Callable<Integer>
{
    /** The goal for each query on Trino. */
    private static final Duration GOAL = Duration.ofSeconds(2);

    @Option(names = "--warehouse", required = true, description = "The warehouse to query (e.g. one ScaledWarehouse wrote).")
    Path warehouse;

    @Option(names = "--work", description = "Folder for the Trino configuration, server and logs (default: a new temporary folder).")
    Path work;

    @Option(names = "--warmups", defaultValue = "1", description = "Untimed runs per query and engine first (default: ${DEFAULT-VALUE}).")
    int warmups;

    @Option(names = "--runs", defaultValue = "3", description = "Timed runs per query and engine (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--trino-heap", defaultValue = "5G", description = "The Trino server's -Xmx; queries may use 60%% of it (default: ${DEFAULT-VALUE}).")
    String trinoHeap;

    @Option(names = "--duckdb-memory", defaultValue = "4GB", description = "DuckDB's memory_limit (default: ${DEFAULT-VALUE}).")
    String duckDbMemory;

    @Option(names = "--user", defaultValue = Role.ANALYST_NAME, description = "The Trino user (group) the queries run as (default: ${DEFAULT-VALUE}).")
    String user;

    @Option(names = "--trino-archives", defaultValue = "dashboards/target/trino/archives",
            description = "Where the trino profile copied trino-server-core and trino-hive (default: ${DEFAULT-VALUE}).")
    Path trinoArchives;

    @Option(names = "--catalog-property", paramLabel = "KEY=VALUE",
            description = "A Hive catalog setting added to what trino-config writes, to measure a tuning (repeatable).")
    List<String> catalogProperties = List.of();

    @Option(names = "--query", split = ",", description = "Only these queries, by name prefix (e.g. 06,07).")
    List<String> only = List.of();

    public static void main(String[] args)
    {
        System.exit(new CommandLine(new AnalystQueriesBenchmark()).execute(args));
    }

    @Override
    public Integer call()
            throws Exception
    {
        if (runs < 1 || warmups < 0) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--runs must be at least 1 and --warmups not negative");
        }
        if (!Files.isDirectory(warehouse.resolve(Tables.REGISTRATION_QUALITY.name()))) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--warehouse " + warehouse + " holds no registration_quality table");
        }
        if (System.getProperty("admitto.trino.archives", "").isBlank()) {
            System.setProperty("admitto.trino.archives", trinoArchives.toAbsolutePath().toString());
        }
        Path folder = work != null ? Files.createDirectories(work) : Files.createTempDirectory("analyst-queries-benchmark");
        List<AnalystQuery> queries = AnalystQueries.all().stream()
                .filter(query -> only.isEmpty() || only.stream().anyMatch(prefix -> query.name().startsWith(prefix)))
                .toList();

        System.out.printf("started %s; load average %.2f on %d cores%n", Instant.now(), loadAverage(),
                Runtime.getRuntime().availableProcessors());
        try (DuckDbAnalytics duckDb = DuckDbAnalytics.open(warehouse, Tables.all(), duckDbMemory)) {
            describe(duckDb.connection());

            Path trinoConfig = folder.resolve("trino-config");
            int exitCode = AdmittoCommand.commandLine().execute("trino-config", "--warehouse", warehouse.toString(), "--out", trinoConfig.toString());
            if (exitCode != 0) {
                throw new IllegalStateException("admitto trino-config exited " + exitCode);
            }
            if (!catalogProperties.isEmpty()) {
                Files.writeString(trinoConfig.resolve(TrinoConfig.CATALOG_FILE), "# added by the benchmark\n" + String.join("\n", catalogProperties) + "\n",
                        StandardOpenOption.APPEND);
                System.out.println("catalog settings added: " + String.join(", ", catalogProperties));
            }
            long starting = System.nanoTime();
            try (TrinoServer trino = TrinoServer.start(folder.resolve("trino"), trinoConfig.resolve("etc"), trinoHeap)) {
                trino.execute(Role.ADMIN_NAME, Files.readString(trinoConfig.resolve(TrinoConfig.DDL_FILE)));
                System.out.printf("Trino 476 single node, -Xmx%s, started in %.0f s (log %s)%n%n", trinoHeap,
                        (System.nanoTime() - starting) / 1e9, trino.log());
                try (Connection trinoConnection = trino.connect(user); Connection admin = trino.connect(Role.ADMIN_NAME)) {
                    List<String> lines = new ArrayList<>();
                    lines.add("| query | rows | Trino median | Trino max | DuckDB median | DuckDB max | Trino planning | Trino median ≤ 2 s | answers agree |");
                    lines.add("|---|---:|---:|---:|---:|---:|---:|:---:|---|");
                    for (AnalystQuery query : queries) {
                        Measured onTrino = measure(trinoConnection, query.sql());
                        Measured onDuckDb = measure(duckDb.connection(), query.sql());
                        Optional<String> difference = ResultComparison.difference(onTrino.rows(), onDuckDb.rows(),
                                query.sql().contains("approx_percentile"));
                        String line = "| %s | %,d | %s | %s | %s | %s | %s | %s | %s |".formatted(query.name(), onTrino.rows().size(),
                                seconds(onTrino.latency().median()), seconds(onTrino.latency().max()),
                                seconds(onDuckDb.latency().median()), seconds(onDuckDb.latency().max()),
                                lastPlanningTime(admin, query.sql()).map(AnalystQueriesBenchmark::seconds).orElse("?"),
                                onTrino.latency().median().compareTo(GOAL) <= 0 ? "yes" : "**no**",
                                difference.map(where -> "no: " + where).orElse("yes"));
                        System.out.println(line);
                        lines.add(line);
                    }
                    System.out.printf("%nfinished %s; load average %.2f%n%n", Instant.now(), loadAverage());
                    lines.forEach(System.out::println);
                }
            }
        }
        return 0;
    }

    private record Measured(Latency latency, List<List<String>> rows) {}

    private Measured measure(Connection connection, String sql)
            throws SQLException
    {
        List<List<String>> rows = List.of();
        for (int run = 0; run < warmups; run++) {
            rows = rows(connection, sql);
        }
        List<Duration> timed = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            rows = rows(connection, sql);
            timed.add(Duration.ofNanos(System.nanoTime() - start));
        }
        return new Measured(new Latency(timed), rows);
    }

    /**
     * Analysis and planning time of the last finished run of {@code sql}, from Trino's own query list: the part of the
     * latency spent before any split is read (partition projection enumerates every day of its range here).
     */
    private static Optional<Duration> lastPlanningTime(Connection admin, String sql)
            throws SQLException
    {
        try (PreparedStatement statement = admin.prepareStatement("""
                SELECT analysis_time_ms + planning_time_ms FROM system.runtime.queries
                WHERE query = ? AND state = 'FINISHED' ORDER BY created DESC LIMIT 1""")) {
            statement.setString(1, sql);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? Optional.of(Duration.ofMillis(result.getLong(1))) : Optional.empty();
            }
        }
    }

    /** Every row's values as text ({@code null} for SQL null); fetching all of them is part of the latency. */
    private static List<List<String>> rows(Connection connection, String sql)
            throws SQLException
    {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            ResultSetMetaData metaData = result.getMetaData();
            List<List<String>> rows = new ArrayList<>();
            while (result.next()) {
                List<String> row = new ArrayList<>(metaData.getColumnCount());
                for (int column = 1; column <= metaData.getColumnCount(); column++) {
                    row.add(result.getString(column));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    /** The data set: rows, files and bytes per table, and the distinct encounters the goal is stated in. */
    private void describe(Connection duckDb)
            throws SQLException
    {
        long totalRows = 0;
        long totalBytes = 0;
        long totalFiles = 0;
        System.out.printf("warehouse %s%n", warehouse.toAbsolutePath());
        for (TableSchema table : Tables.all()) {
            Path location = table.location(warehouse);
            if (!ScaledWarehouse.hasFiles(location)) {
                continue;
            }
            long rows = single(duckDb, "SELECT count(*) FROM " + TrinoConfig.CATALOG + "." + TrinoConfig.SCHEMA + "." + table.name());
            List<Path> files = parquetFiles(location);
            long bytes = files.stream().mapToLong(AnalystQueriesBenchmark::size).sum();
            long days = files.stream().map(Path::getParent).distinct().count();
            System.out.printf("  %-24s %,14d rows %,8d files %,6d days %,10.1f MB%n", table.name(), rows, files.size(), days, bytes / 1e6);
            totalRows += rows;
            totalBytes += bytes;
            totalFiles += files.size();
        }
        System.out.printf("  %-24s %,14d rows %,8d files %,17.2f GB%n", "total", totalRows, totalFiles, totalBytes / 1e9);
        System.out.printf("registration_quality: %,d distinct encounters%n", single(duckDb,
                "SELECT count(DISTINCT encounter_id) FROM " + TrinoConfig.CATALOG + "." + TrinoConfig.SCHEMA + "." + Tables.REGISTRATION_QUALITY.name()));
    }

    private static long single(Connection connection, String sql)
            throws SQLException
    {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static List<Path> parquetFiles(Path location)
    {
        try (Stream<Path> files = Files.walk(location)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".parquet")).toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file)
    {
        try {
            return Files.size(file);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String seconds(Duration duration)
    {
        return String.format(Locale.ROOT, "%.2f s", duration.toNanos() / 1e9);
    }

    private static double loadAverage()
    {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
