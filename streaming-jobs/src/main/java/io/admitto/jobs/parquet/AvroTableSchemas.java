package io.admitto.jobs.parquet;

import io.admitto.tables.Column;
import io.admitto.tables.ColumnType;
import io.admitto.tables.TableSchema;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

import java.util.List;

/**
 * The Avro form of a {@link TableSchema}, which parquet-avro turns into the Parquet schema of the
 * table's files. The mapping follows what DuckDB and Trino's Hive connector read back as the
 * column's SQL type: timestamps as INT64 TIMESTAMP(MILLIS, UTC), dates as INT32 DATE, money as a
 * DECIMAL(12,2) — never a floating-point number.
 */
public final class AvroTableSchemas {
    public static final String NAMESPACE = "io.admitto.tables";
    public static final int MONEY_PRECISION = 12;
    public static final int MONEY_SCALE = 2;

    private AvroTableSchemas() {}

    /** A record schema named after the table, one field per column in column order; the partition column is not a field. */
    public static Schema of(TableSchema table) {
        List<Schema.Field> fields = table.columns().stream()
                .map(AvroTableSchemas::field)
                .toList();
        return Schema.createRecord(table.name(), table.description(), NAMESPACE, false, fields);
    }

    /** The schema of a column's non-null values. */
    public static Schema valueSchema(ColumnType type) {
        return switch (type) {
            case STRING -> Schema.create(Schema.Type.STRING);
            case INTEGER -> Schema.create(Schema.Type.INT);
            case BIGINT -> Schema.create(Schema.Type.LONG);
            case DOUBLE -> Schema.create(Schema.Type.DOUBLE);
            case BOOLEAN -> Schema.create(Schema.Type.BOOLEAN);
            case DATE -> LogicalTypes.date().addToSchema(Schema.create(Schema.Type.INT));
            case TIMESTAMP -> LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG));
            case MONEY -> LogicalTypes.decimal(MONEY_PRECISION, MONEY_SCALE).addToSchema(Schema.create(Schema.Type.BYTES));
            case BINARY -> Schema.create(Schema.Type.BYTES);
        };
    }

    private static Schema.Field field(Column column) {
        Schema values = valueSchema(column.type());
        if (!column.nullable()) {
            return new Schema.Field(column.name(), values, column.description());
        }
        // null first, so that null can be the default (Avro takes a union's default from its first branch)
        return new Schema.Field(column.name(), Schema.createUnion(Schema.create(Schema.Type.NULL), values),
                column.description(), Schema.Field.NULL_DEFAULT_VALUE);
    }
}
