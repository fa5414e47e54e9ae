package io.admitto.api.sql;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Turns the current row of a result into a value. */
@FunctionalInterface
public interface RowReader<T>
{
    T read(ResultSet row)
            throws SQLException;
}
