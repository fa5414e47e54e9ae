package io.admitto.tables;

import static java.util.Objects.requireNonNull;

/** One column of an analytic table, documented where it is defined. */
public record Column(String name, ColumnType type, boolean nullable, String description) {
    public Column {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(description, "description is null");
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("Column names are lower snake case: " + name);
        }
    }

    public static Column required(String name, ColumnType type, String description) {
        return new Column(name, type, false, description);
    }

    public static Column optional(String name, ColumnType type, String description) {
        return new Column(name, type, true, description);
    }
}
