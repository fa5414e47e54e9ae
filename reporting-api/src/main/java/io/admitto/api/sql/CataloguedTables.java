package io.admitto.api.sql;

import io.admitto.tables.TableSchema;
import io.admitto.tables.Tables;

import static java.util.Objects.requireNonNull;

/** Table names become part of file paths and SQL, so engines accept only the catalogue's own tables. */
final class CataloguedTables
{
    private CataloguedTables() {}

    static TableSchema check(TableSchema table)
    {
        requireNonNull(table, "table is null");
        if (!Tables.byName(table.name()).filter(table::equals).isPresent()) {
            throw new IllegalArgumentException("Not a catalogued table: " + table.name());
        }
        return table;
    }
}
