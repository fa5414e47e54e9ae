package io.admitto.api.sql;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Folds every row of a result into one value, for reports that aggregate in Java what SQL cannot (merging
 * t-digests). Keep each folder in a {@code static final} field and free of outside state: engines that
 * cache answers key them by the folder, so one folder must always fold the same rows into the same value.
 *
 * @param <A> the accumulator, used by one thread for one query
 * @param <R> the folded value; immutable, as it may be shared between requests
 */
public interface RowFolder<A, R>
{
    A start();

    void add(A accumulator, ResultSet row)
            throws SQLException;

    R finish(A accumulator);
}
