package io.admitto.api.sql;

import io.admitto.tables.TableSchema;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * The scale-out engine: Trino over the same Parquet tables, registered in a catalog (the Hive connector)
 * as {@code <catalog>.<schema>.<table>}. Each query opens its own Trino JDBC connection, which is an HTTP
 * session and cheap; the Trino coordinator does the pooling that matters.
 */
public final class TrinoSqlEngine
        implements SqlEngine
{
    /** Catalog and schema names go into SQL text, so they are restricted to plain lower-case identifiers. */
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    private final Config config;

    public TrinoSqlEngine(Config config)
    {
        this.config = requireNonNull(config, "config is null");
        try {
            // trino-jdbc registers itself through the service loader; this only fails if the jar is missing.
            Class.forName("io.trino.jdbc.TrinoDriver");
        }
        catch (ClassNotFoundException e) {
            throw new IllegalStateException("trino-jdbc is not on the class path", e);
        }
    }

    /**
     * @param url a Trino JDBC URL, {@code jdbc:trino://host:port}
     * @param user the user the API queries as (Trino's access control applies to it)
     */
    public record Config(String url, String catalog, String schema, String user)
    {
        public Config
        {
            requireNonNull(url, "url is null");
            if (!url.startsWith("jdbc:trino://")) {
                throw new IllegalArgumentException("Trino URL must start with jdbc:trino://, got " + url);
            }
            checkIdentifier("catalog", catalog);
            checkIdentifier("schema", schema);
            requireNonNull(user, "user is null");
        }

        private static void checkIdentifier(String name, String value)
        {
            requireNonNull(value, name + " is null");
            if (!IDENTIFIER.matcher(value).matches()) {
                throw new IllegalArgumentException(name + " must be a lower-case identifier ([a-z][a-z0-9_]*), got " + value);
            }
        }
    }

    @Override
    public String name()
    {
        return "trino";
    }

    @Override
    public boolean hasData(TableSchema table)
    {
        CataloguedTables.check(table);
        List<Long> tables = run(new RenderedSql(
                "SELECT count(*) FROM " + config.catalog() + ".information_schema.tables WHERE table_schema = ? AND table_name = ?",
                List.of(config.schema(), table.name())), row -> row.getLong(1));
        if (tables.get(0) == 0) {
            return false;
        }
        return !run(new RenderedSql("SELECT 1 FROM " + reference(table) + " LIMIT 1", List.of()), row -> row.getInt(1)).isEmpty();
    }

    @Override
    public <T> List<T> query(SqlQuery query, RowReader<T> reader)
    {
        requireNonNull(query, "query is null");
        requireNonNull(reader, "reader is null");
        return run(render(query), reader);
    }

    RenderedSql render(SqlQuery query)
    {
        return RenderedSql.render(query, (table, text, parameters) -> text.append(reference(table.table())));
    }

    private String reference(TableSchema table)
    {
        return '"' + config.catalog() + "\".\"" + config.schema() + "\".\"" + table.name() + '"';
    }

    private <T> List<T> run(RenderedSql sql, RowReader<T> reader)
    {
        Properties properties = new Properties();
        properties.setProperty("user", config.user());
        try (Connection connection = DriverManager.getConnection(config.url(), properties)) {
            return sql.run(connection, reader);
        }
        catch (SQLException e) {
            throw new AnalyticsQueryException("Trino query failed: " + sql.text(), e);
        }
    }

    @Override
    public void close()
    {
        // no connection is held between queries
    }
}
