package io.admitto.api.sql.cache;

import io.admitto.tables.TableSchema;

/**
 * A number per table that changes whenever the table's committed files may have changed. Two reads of
 * a table under the same version see the same rows, so an answer computed from it can be reused.
 */
public interface TableVersions
        extends AutoCloseable
{
    /** The table's current version; any change of its committed files gives a different number. */
    long version(TableSchema table);

    @Override
    void close();
}
