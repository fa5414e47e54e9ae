package io.admitto.api.server;

import io.admitto.api.sql.DuckDbSqlEngine;
import io.admitto.api.sql.SqlEngine;
import io.admitto.api.sql.TrinoSqlEngine;
import io.admitto.api.sql.cache.CachingSqlEngine;
import io.admitto.api.sql.cache.WarehouseTableVersions;
import io.admitto.tables.Tables;

import java.time.Clock;

/** Opens the engine a configuration asks for: Trino or DuckDB, with or without the answer cache. */
public final class SqlEngines
{
    /** Rows of answers kept in memory at most: small records, ~200 MB at worst. */
    static final long CACHED_ROWS = 1_000_000;

    private SqlEngines() {}

    public static SqlEngine open(ReportingServerConfig config)
    {
        SqlEngine engine = config.trino().<SqlEngine>map(TrinoSqlEngine::new).orElseGet(() -> DuckDbSqlEngine.open(config.warehouse()));
        if (config.answerCache().isEmpty()) {
            return engine;
        }
        try {
            return new CachingSqlEngine(engine,
                    WarehouseTableVersions.polling(config.warehouse(), Tables.all(), config.answerCache().get(), Clock.systemUTC()),
                    CACHED_ROWS);
        }
        catch (RuntimeException e) {
            engine.close();
            throw e;
        }
    }
}
