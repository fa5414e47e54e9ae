package io.admitto.trino;

import static java.util.Objects.requireNonNull;

/**
 * One of the worked queries of docs/analysts.md, kept as a {@code .sql} resource so the tests run exactly
 * what the guide shows.
 *
 * @param name the file name without {@code .sql}, e.g. {@code 01-registration-volume}
 * @param title the first comment line
 * @param description the following comment lines, joined
 * @param sql the statement, without the leading comments or a trailing {@code ;}
 */
public record AnalystQuery(String name, String title, String description, String sql)
{
    public AnalystQuery
    {
        requireNonNull(name, "name is null");
        requireNonNull(title, "title is null");
        requireNonNull(description, "description is null");
        requireNonNull(sql, "sql is null");
    }

    /** Parses a query file: {@code -- Title}, then {@code -- description} lines, then the SQL. */
    public static AnalystQuery parse(String name, String text)
    {
        StringBuilder description = new StringBuilder();
        String title = null;
        StringBuilder sql = new StringBuilder();
        for (String line : text.lines().toList()) {
            if (sql.isEmpty() && line.startsWith("--")) {
                String comment = line.substring(2).strip();
                if (title == null) {
                    title = comment;
                }
                else {
                    description.append(description.isEmpty() ? "" : " ").append(comment);
                }
            }
            else if (!sql.isEmpty() || !line.isBlank()) {
                sql.append(line).append('\n');
            }
        }
        String statement = sql.toString().strip();
        if (statement.endsWith(";")) {
            statement = statement.substring(0, statement.length() - 1).strip();
        }
        if (title == null || title.isEmpty() || statement.isEmpty()) {
            throw new IllegalArgumentException("Query " + name + " needs a '-- title' line and a statement");
        }
        return new AnalystQuery(name, title, description.toString(), statement);
    }
}
