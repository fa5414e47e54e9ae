package io.admitto.api.testing;

import io.admitto.api.sql.RowReader;
import io.admitto.api.sql.SqlEngine;
import io.admitto.api.sql.SqlQuery;
import io.admitto.tables.TableSchema;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static java.util.Objects.requireNonNull;

/** A real engine that also counts the statements it is asked to run, so a test can see that none ran. */
public final class CountingSqlEngine
        implements SqlEngine
{
    private final SqlEngine engine;
    private final AtomicLong statements = new AtomicLong();

    public CountingSqlEngine(SqlEngine engine)
    {
        this.engine = requireNonNull(engine, "engine is null");
    }

    /** The engine itself, to ask without counting. */
    public SqlEngine engine()
    {
        return engine;
    }

    public long statements()
    {
        return statements.get();
    }

    @Override
    public String name()
    {
        return engine.name();
    }

    @Override
    public boolean hasData(TableSchema table)
    {
        statements.incrementAndGet();
        return engine.hasData(table);
    }

    @Override
    public <T> List<T> query(SqlQuery query, RowReader<T> reader)
    {
        statements.incrementAndGet();
        return engine.query(query, reader);
    }

    @Override
    public void close()
    {
        engine.close();
    }
}
