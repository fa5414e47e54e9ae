package io.admitto.tables;

/**
 * Column types of the analytic tables, chosen so that Parquet, DuckDB and Trino's Hive connector all
 * read them the same way: timestamps are UTC instants in milliseconds (Trino's Hive default
 * precision), money is a decimal, never a double.
 */
public enum ColumnType {
    STRING("VARCHAR"),
    INTEGER("INTEGER"),
    BIGINT("BIGINT"),
    DOUBLE("DOUBLE"),
    BOOLEAN("BOOLEAN"),
    DATE("DATE"),
    /** An instant, stored as Parquet INT64 TIMESTAMP(MILLIS, adjustedToUTC). */
    TIMESTAMP("TIMESTAMP(3)"),
    /** Money: DECIMAL(12,2). */
    MONEY("DECIMAL(12,2)"),
    /** Opaque bytes, such as a serialized percentile sketch. */
    BINARY("VARBINARY");

    private final String sqlType;

    ColumnType(String sqlType) {
        this.sqlType = sqlType;
    }

    /** The SQL type analysts see (Trino names). */
    public String sqlType() {
        return sqlType;
    }
}
