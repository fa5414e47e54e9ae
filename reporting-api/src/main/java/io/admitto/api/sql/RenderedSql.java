package io.admitto.api.sql;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** A {@link SqlQuery} as one engine runs it: the statement text and its parameters in order. */
record RenderedSql(String text, List<Object> parameters)
{
    RenderedSql
    {
        requireNonNull(text, "text is null");
        parameters = List.copyOf(parameters);
    }

    /** How an engine writes a reference to a table: text, and any parameters that text introduces. */
    @FunctionalInterface
    interface TableRenderer
    {
        void append(SqlQuery.Table table, StringBuilder text, List<Object> parameters);
    }

    /** The query's text and parameters, with each table written by the engine's renderer. */
    static RenderedSql render(SqlQuery query, TableRenderer tables)
    {
        StringBuilder text = new StringBuilder();
        List<Object> parameters = new ArrayList<>();
        for (SqlQuery.Fragment fragment : query.fragments()) {
            if (fragment instanceof SqlQuery.Text sql) {
                text.append(sql.sql());
            }
            else if (fragment instanceof SqlQuery.Parameter parameter) {
                text.append('?');
                parameters.add(parameter.value());
            }
            else if (fragment instanceof SqlQuery.Table table) {
                CataloguedTables.check(table.table());
                tables.append(table, text, parameters);
            }
        }
        return new RenderedSql(text.toString(), parameters);
    }

    <T> List<T> run(Connection connection, RowReader<T> reader)
            throws SQLException
    {
        try (PreparedStatement statement = connection.prepareStatement(text)) {
            for (int index = 0; index < parameters.size(); index++) {
                bind(statement, index + 1, parameters.get(index));
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet resultSet = statement.executeQuery()) {
                while (resultSet.next()) {
                    rows.add(reader.read(resultSet));
                }
            }
            return rows;
        }
    }

    private static void bind(PreparedStatement statement, int index, Object value)
            throws SQLException
    {
        if (value instanceof String string) {
            statement.setString(index, string);
        }
        else if (value instanceof LocalDate date) {
            statement.setObject(index, date);
        }
        else if (value instanceof Integer number) {
            statement.setInt(index, number);
        }
        else if (value instanceof Long number) {
            statement.setLong(index, number);
        }
        else if (value instanceof Double number) {
            statement.setDouble(index, number);
        }
        else if (value instanceof Boolean bool) {
            statement.setBoolean(index, bool);
        }
        else if (value instanceof BigDecimal decimal) {
            statement.setBigDecimal(index, decimal);
        }
        else {
            throw new IllegalArgumentException("Unsupported parameter type: " + value.getClass().getName());
        }
    }
}
