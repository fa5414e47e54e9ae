package io.admitto.trino.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a SQL script into statements the way the Trino CLI's {@code --file} does for the scripts we
 * write: a {@code ;} outside single-quoted literals and double-quoted identifiers ends a statement;
 * {@code --} comments outside quotes run to the end of the line and are dropped.
 */
public final class SqlScript
{
    private SqlScript() {}

    public static List<String> statements(String script)
    {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char quote = 0;
        for (int index = 0; index < script.length(); index++) {
            char character = script.charAt(index);
            if (quote != 0) {
                current.append(character);
                if (character == quote) {
                    quote = 0;
                }
            }
            else if (character == '\'' || character == '"') {
                quote = character;
                current.append(character);
            }
            else if (character == '-' && index + 1 < script.length() && script.charAt(index + 1) == '-') {
                int end = script.indexOf('\n', index);
                index = end < 0 ? script.length() : end;
                current.append('\n');
            }
            else if (character == ';') {
                add(statements, current);
            }
            else {
                current.append(character);
            }
        }
        add(statements, current);
        return List.copyOf(statements);
    }

    private static void add(List<String> statements, StringBuilder current)
    {
        String statement = current.toString().strip();
        if (!statement.isEmpty()) {
            statements.add(statement);
        }
        current.setLength(0);
    }
}
