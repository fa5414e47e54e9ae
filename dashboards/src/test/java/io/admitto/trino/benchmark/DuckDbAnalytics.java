package io.admitto.trino.benchmark;

import io.admitto.tables.TableSchema;
import io.admitto.trino.TrinoConfig;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * An embedded DuckDB that answers the analysts' Trino SQL as it is written: catalog {@code admitto}, schema
 * {@code analytics}, one view per table over the warehouse's Parquet ({@code read_parquet(..., hive_partitioning
 * = true)}, the same files Trino reads), and macros for the two Trino functions the queries use that DuckDB names
 * otherwise ({@code approx_percentile}, {@code array_join}). A table without files is an empty view of its
 * catalogue columns, as Trino reads an empty table folder.
 */
public final class DuckDbAnalytics
        implements AutoCloseable
{
    private final Connection connection;

    private DuckDbAnalytics(Connection connection)
    {
        this.connection = requireNonNull(connection, "connection is null");
    }

    /** @param memoryLimit DuckDB's {@code memory_limit}, e.g. {@code 4GB} */
    public static DuckDbAnalytics open(Path warehouse, List<TableSchema> tables, String memoryLimit)
            throws SQLException
    {
        Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement statement = connection.createStatement()) {
            // Trino reads the files' timestamps as UTC wall time; hour() must see the same.
            statement.execute("SET TimeZone = 'UTC'");
            statement.execute("SET memory_limit = '" + memoryLimit + "'");
            statement.execute("ATTACH ':memory:' AS " + TrinoConfig.CATALOG);
            statement.execute("CREATE SCHEMA " + TrinoConfig.CATALOG + "." + TrinoConfig.SCHEMA);
            for (TableSchema table : tables) {
                statement.execute("CREATE VIEW " + TrinoConfig.CATALOG + "." + TrinoConfig.SCHEMA + "." + table.name() + " AS "
                        + (ScaledWarehouse.hasFiles(table.location(warehouse)) ? scan(warehouse, table) : empty(table)));
            }
            statement.execute("CREATE MACRO approx_percentile(x, percentage) AS approx_quantile(x, percentage)");
            // DuckDB's array_to_string cannot take its separator through a macro parameter; a fold can.
            statement.execute("CREATE MACRO array_join(list, separator) AS "
                    + "CASE WHEN len(list) = 0 THEN '' ELSE list_reduce(list, lambda joined, element: joined || separator || element) END");
            return new DuckDbAnalytics(connection);
        }
        catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    public Connection connection()
    {
        return connection;
    }

    @Override
    public void close()
            throws SQLException
    {
        connection.close();
    }

    private static String scan(Path warehouse, TableSchema table)
    {
        return "SELECT * FROM read_parquet('" + table.location(warehouse) + "/*/*.parquet', hive_partitioning = true, "
                + "hive_types = {'" + table.partitionColumn().name() + "': DATE})";
    }

    private static String empty(TableSchema table)
    {
        return Stream.concat(table.columns().stream(), Stream.of(table.partitionColumn()))
                .map(column -> "CAST(NULL AS " + ScaledWarehouse.duckDbType(column.type()) + ") AS \"" + column.name() + "\"")
                .collect(Collectors.joining(", ", "SELECT ", " WHERE false"));
    }
}
