package io.admitto.api.sql;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Reads values the same way whatever the engine: DuckDB hands Parquet's UTC timestamps over as
 * {@link OffsetDateTime} and dates as {@link LocalDate}; Trino's Hive tables as {@link Timestamp}
 * (wall-clock fields of a UTC timestamp) and {@link java.sql.Date}.
 */
public final class Rows
{
    private Rows() {}

    public static Instant instant(ResultSet row, String column)
            throws SQLException
    {
        Object value = row.getObject(column);
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof LocalDateTime local) {
            return local.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        if (value instanceof java.time.ZonedDateTime zoned) {
            return zoned.toInstant();
        }
        throw new IllegalStateException("Not a timestamp in column " + column + ": " + value.getClass().getName());
    }

    public static LocalDate date(ResultSet row, String column)
            throws SQLException
    {
        Object value = row.getObject(column);
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        throw new IllegalStateException("Not a date in column " + column + ": " + value.getClass().getName());
    }

    public static Double nullableDouble(ResultSet row, String column)
            throws SQLException
    {
        double value = row.getDouble(column);
        return row.wasNull() ? null : value;
    }

    public static Integer nullableInt(ResultSet row, String column)
            throws SQLException
    {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }

    /** Binary columns: DuckDB hands them over as a {@link java.sql.Blob}, Trino as {@code byte[]}. */
    public static byte[] bytes(ResultSet row, String column)
            throws SQLException
    {
        Object value = row.getObject(column);
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] bytes) {
            return bytes;
        }
        if (value instanceof java.sql.Blob blob) {
            return blob.getBytes(1, Math.toIntExact(blob.length()));
        }
        throw new IllegalStateException("Not binary in column " + column + ": " + value.getClass().getName());
    }

    /** Money and other decimals; engines differ in the scale of sums, so callers set their own. */
    public static BigDecimal decimal(ResultSet row, String column)
            throws SQLException
    {
        return row.getBigDecimal(column);
    }
}
