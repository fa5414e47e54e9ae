package io.admitto.api.sql.cache;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.admitto.api.sql.RowFolder;
import io.admitto.api.sql.RowReader;
import io.admitto.api.sql.SqlEngine;
import io.admitto.api.sql.SqlQuery;
import io.admitto.tables.TableSchema;
import io.admitto.tables.Tables;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * An engine that answers a query again from memory as long as none of the tables it reads has changed.
 *
 * <p>Dashboards ask the same few questions over and over (the leadership page of fifty people opens on
 * the same default week), and the warehouse changes only when the jobs commit, every few seconds at most.
 * So an answer is kept under its query (the SQL fragments with their parameter values), the reader that
 * turned rows into values and the {@link TableVersions version} of every table the query reads; a commit
 * to one of those tables moves its version, and the next request computes a fresh answer. Concurrent
 * requests for the same missing answer wait for one computation instead of each running the query.
 *
 * <p>Reports that aggregate in Java ({@link #fold}) are kept as their folded value.
 *
 * <p>The reader is part of the key by identity: a lambda that captures nothing is one object for the life
 * of the program, so its answers are shared; a reader that captures state is a new object each time, so
 * its answers are simply never reused — never wrongly reused.
 *
 * <p>Answers are immutable lists of immutable records. The cache is bounded by the number of rows held
 * (least recently used answers go first); an answer larger than {@link #MAX_ROWS_PER_ANSWER} is evicted
 * as soon as the requests waiting for it have it.
 */
public final class CachingSqlEngine
        implements SqlEngine
{
    static final int MAX_ROWS_PER_ANSWER = 250_000;

    private final SqlEngine engine;
    private final TableVersions versions;
    private final AsyncCache<AnswerKey, List<?>> answers;
    private final Cache<DataKey, Boolean> hasData;

    public CachingSqlEngine(SqlEngine engine, TableVersions versions, long maxRows)
    {
        this.engine = requireNonNull(engine, "engine is null");
        this.versions = requireNonNull(versions, "versions is null");
        if (maxRows <= 0) {
            throw new IllegalArgumentException("maxRows must be positive: " + maxRows);
        }
        this.answers = Caffeine.newBuilder()
                .maximumWeight(maxRows)
                .<AnswerKey, List<?>>weigher((key, rows) -> {
                    int size = rows.size() == 1 && rows.get(0) instanceof Collection<?> folded ? folded.size() : rows.size();
                    return size > MAX_ROWS_PER_ANSWER ? Integer.MAX_VALUE : size + 1;
                })
                .buildAsync();
        this.hasData = Caffeine.newBuilder().maximumSize(1_000).build();
    }

    @Override
    public String name()
    {
        return engine.name();
    }

    @Override
    public boolean hasData(TableSchema table)
    {
        return hasData.get(new DataKey(table.name(), versions.version(table)), key -> engine.hasData(table));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> List<T> query(SqlQuery query, RowReader<T> reader)
    {
        requireNonNull(query, "query is null");
        requireNonNull(reader, "reader is null");
        return (List<T>) answer(new AnswerKey(query.fragments(), reader, tableVersions(query)), () -> immutable(engine.query(query, reader)));
    }

    /** The kept answer, or the one {@code compute} gives, computed once however many requests ask at once. */
    private List<?> answer(AnswerKey key, Supplier<List<?>> compute)
    {
        CompletableFuture<List<?>> mine = new CompletableFuture<>();
        CompletableFuture<List<?>> existing = answers.asMap().putIfAbsent(key, mine);
        if (existing != null) {
            return await(existing);
        }
        try {
            List<?> answer = compute.get();
            mine.complete(answer);
            return answer;
        }
        catch (RuntimeException | Error e) {
            // waiting requests get the same failure; nothing is kept, the next request tries again
            mine.completeExceptionally(e);
            answers.asMap().remove(key, mine);
            throw e;
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <A, R> R fold(SqlQuery query, RowFolder<A, R> folder)
    {
        requireNonNull(query, "query is null");
        requireNonNull(folder, "folder is null");
        List<?> answer = answer(new AnswerKey(query.fragments(), folder, tableVersions(query)), () -> Collections.singletonList(engine.fold(query, folder)));
        return (R) answer.get(0);
    }

    /** A number that changes whenever any catalogued table changes: the version of the whole warehouse. */
    public long warehouseVersion()
    {
        long version = 1;
        for (TableSchema table : Tables.all()) {
            version = version * 31 + versions.version(table);
        }
        return version;
    }

    @Override
    public void close()
    {
        try (versions) {
            engine.close();
        }
    }

    private List<Long> tableVersions(SqlQuery query)
    {
        List<Long> tableVersions = new ArrayList<>();
        for (SqlQuery.Fragment fragment : query.fragments()) {
            if (fragment instanceof SqlQuery.Table table) {
                tableVersions.add(versions.version(table.table()));
            }
        }
        return tableVersions;
    }

    private static List<?> await(CompletableFuture<List<?>> answer)
    {
        try {
            return answer.join();
        }
        catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static <T> List<T> immutable(List<T> rows)
    {
        // rows may hold nulls (List.copyOf refuses them)
        return Collections.unmodifiableList(new ArrayList<>(rows));
    }

    /** @param reader the {@link RowReader} or {@link RowFolder}, by identity */
    private record AnswerKey(List<SqlQuery.Fragment> fragments, Object reader, List<Long> tableVersions) {}

    private record DataKey(String table, long version) {}
}
