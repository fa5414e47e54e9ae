package io.admitto.api.sql;

import io.admitto.tables.TableSchema;

import java.util.List;

/**
 * The engine that answers the API's SQL over the warehouse tables: DuckDB embedded (the default) or Trino
 * scaled out. Queries are written once ({@link SqlQuery}); the engine only decides how a catalogued table
 * is reached and runs the statement with its parameters.
 *
 * <p>Implementations are thread-safe: one instance serves all concurrent requests.
 */
public interface SqlEngine
        extends AutoCloseable
{
    /** Short engine name for health reports and logs: {@code duckdb} or {@code trino}. */
    String name();

    /**
     * Whether the table has committed data. A table the jobs have not written yet is normal, not an error.
     *
     * @throws IllegalArgumentException if the table is not in the {@link io.admitto.tables.Tables} catalogue
     */
    boolean hasData(TableSchema table);

    /** Runs the query and reads every row. A table without data reads as empty. */
    <T> List<T> query(SqlQuery query, RowReader<T> reader);

    /** Runs the query and folds its rows into one value. */
    default <A, R> R fold(SqlQuery query, RowFolder<A, R> folder)
    {
        A accumulator = folder.start();
        query(query, row -> {
            folder.add(accumulator, row);
            return Boolean.TRUE;
        });
        return folder.finish(accumulator);
    }

    @Override
    void close();
}
