package io.admitto.tables;

import java.nio.file.Path;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * An analytic table: its columns, the Hive-style partition column (a folder {@code name=value}, not
 * stored in the files) and its place in the warehouse, {@code <warehouse>/<name>/<partition>=…/*.parquet}.
 * The jobs write from this definition and the docs, DDL and API read it, so they cannot drift apart.
 */
public record TableSchema(String name, String description, List<Column> columns, Column partitionColumn) {
    public TableSchema {
        requireNonNull(name, "name is null");
        requireNonNull(description, "description is null");
        columns = List.copyOf(columns);
        requireNonNull(partitionColumn, "partitionColumn is null");
        if (columns.stream().anyMatch(column -> column.name().equals(partitionColumn.name()))) {
            throw new IllegalArgumentException("Partition column is stored in folder names, not in files: " + partitionColumn.name());
        }
    }

    public Path location(Path warehouse) {
        return warehouse.resolve(name);
    }

    public Column column(String columnName) {
        return columns.stream()
                .filter(column -> column.name().equals(columnName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No column " + columnName + " in " + name));
    }
}
