package io.admitto.jobs.parquet;

import io.admitto.tables.ColumnType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Converts a column value from its Java form to the value parquet-avro writes for the column's
 * {@linkplain AvroTableSchemas#valueSchema Avro schema}: {@link Instant} to epoch milliseconds,
 * {@link LocalDate} to epoch days, {@link BigDecimal} money to the big-endian bytes of its unscaled
 * value at scale 2. Values of any other Java type are refused, so a row class cannot put, say,
 * seconds where the table expects an instant.
 */
public final class AvroValues {
    private AvroValues() {}

    /** The Avro value of a non-null {@code value} in a column of {@code type}. */
    public static Object toAvro(ColumnType type, Object value) {
        return switch (type) {
            case STRING -> cast(type, value, String.class);
            case INTEGER -> cast(type, value, Integer.class);
            case BIGINT -> cast(type, value, Long.class);
            case DOUBLE -> cast(type, value, Double.class);
            case BOOLEAN -> cast(type, value, Boolean.class);
            case DATE -> Math.toIntExact(cast(type, value, LocalDate.class).toEpochDay());
            case TIMESTAMP -> cast(type, value, Instant.class).toEpochMilli();
            case MONEY -> money(cast(type, value, BigDecimal.class));
            case BINARY -> ByteBuffer.wrap(cast(type, value, byte[].class));
        };
    }

    private static ByteBuffer money(BigDecimal amount) {
        BigDecimal scaled;
        try {
            scaled = amount.setScale(AvroTableSchemas.MONEY_SCALE, RoundingMode.UNNECESSARY);
        }
        catch (ArithmeticException e) {
            throw new IllegalArgumentException("Money has more than " + AvroTableSchemas.MONEY_SCALE + " decimals: " + amount, e);
        }
        if (scaled.precision() > AvroTableSchemas.MONEY_PRECISION) {
            throw new IllegalArgumentException("Money does not fit DECIMAL(" + AvroTableSchemas.MONEY_PRECISION + ","
                    + AvroTableSchemas.MONEY_SCALE + "): " + amount);
        }
        return ByteBuffer.wrap(scaled.unscaledValue().toByteArray());
    }

    private static <T> T cast(ColumnType type, Object value, Class<T> javaType) {
        if (!javaType.isInstance(value)) {
            throw new IllegalArgumentException("A " + type + " column takes a " + javaType.getSimpleName()
                    + ", not a " + value.getClass().getName() + ": " + value);
        }
        return javaType.cast(value);
    }
}
