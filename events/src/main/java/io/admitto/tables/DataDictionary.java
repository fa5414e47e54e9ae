package io.admitto.tables;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Renders the data dictionary (docs/tables.md) from the table definitions, so the documentation is
 * generated from the same source the jobs write with; a test keeps the committed file in step.
 */
public final class DataDictionary {
    private final List<TableSchema> tables;

    public DataDictionary(List<TableSchema> tables) {
        this.tables = List.copyOf(requireNonNull(tables, "tables is null"));
    }

    public String markdown() {
        StringBuilder doc = new StringBuilder()
                .append("# Analytic tables\n\n")
                .append("Generated from `io.admitto.tables.Tables` (the definitions the jobs write with); ")
                .append("`DataDictionaryTest` fails when this file is out of date. Regenerate with\n")
                .append("`mvn -pl events test -Dtest=DataDictionaryTest -Dadmitto.docs.write=true`.\n\n")
                .append("Every table lives at `<warehouse>/<table>/<partition>=<value>/part-*.parquet`. ")
                .append("Timestamps are UTC instants in milliseconds; money is DECIMAL(12,2). ")
                .append("No table here holds a direct patient identifier.\n");
        return doc.append(tableSections("##")).toString();
    }

    /**
     * One section per table under a heading of the given level ({@code ##}, {@code ###}), each starting
     * with a blank line: the part of the dictionary other documents (docs/analysts.md) embed.
     */
    public String tableSections(String heading) {
        StringBuilder doc = new StringBuilder();
        for (TableSchema table : tables) {
            doc.append('\n').append(heading).append(" `").append(table.name()).append("`\n\n")
                    .append(table.description()).append("\n\n")
                    .append("| column | type | null | description |\n|---|---|---|---|\n");
            for (Column column : table.columns()) {
                row(doc, column, "");
            }
            row(doc, table.partitionColumn(), " (partition)");
        }
        return doc.toString();
    }

    private static void row(StringBuilder doc, Column column, String note) {
        doc.append("| `").append(column.name()).append('`').append(note)
                .append(" | ").append(column.type().sqlType())
                .append(" | ").append(column.nullable() ? "yes" : "no")
                .append(" | ").append(column.description().replace("|", "\\|"))
                .append(" |\n");
    }
}
