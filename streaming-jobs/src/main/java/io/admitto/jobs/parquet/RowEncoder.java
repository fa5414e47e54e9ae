package io.admitto.jobs.parquet;

import java.io.Serializable;

/**
 * The column values of one row of a job's output, in the table's column order, as Java values:
 * {@code String}, {@code Integer}, {@code Long}, {@code Double}, {@code Boolean},
 * {@code java.time.LocalDate}, {@code java.time.Instant} or {@code java.math.BigDecimal} (money);
 * {@code null} only in nullable columns. See {@link AvroValues}.
 */
@FunctionalInterface
public interface RowEncoder<T> extends Serializable {
    Object[] columnValues(T row);
}
