package io.admitto.jobs.parquet;

import io.admitto.tables.Column;
import io.admitto.tables.ColumnType;
import io.admitto.tables.TableSchema;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.formats.avro.typeutils.GenericRecordAvroTypeInfo;

import static java.util.Objects.requireNonNull;

/** Turns a job's rows into Avro records of a table, checking every value against its column. */
public final class TableRecordEncoder<T> implements MapFunction<T, GenericRecord>, ResultTypeQueryable<GenericRecord> {
    private static final long serialVersionUID = 1L;

    // TableSchema is not Serializable; the function keeps what it needs of it.
    private final String tableName;
    private final String[] columnNames;
    private final ColumnType[] columnTypes;
    private final boolean[] nullable;
    private final Schema schema;
    private final RowEncoder<T> encoder;

    public TableRecordEncoder(TableSchema table, RowEncoder<T> encoder) {
        requireNonNull(table, "table is null");
        this.encoder = requireNonNull(encoder, "encoder is null");
        this.tableName = table.name();
        this.columnNames = table.columns().stream().map(Column::name).toArray(String[]::new);
        this.columnTypes = table.columns().stream().map(Column::type).toArray(ColumnType[]::new);
        this.nullable = new boolean[columnNames.length];
        for (int i = 0; i < nullable.length; i++) {
            nullable[i] = table.columns().get(i).nullable();
        }
        this.schema = AvroTableSchemas.of(table);
    }

    @Override
    public GenericRecord map(T row) {
        Object[] values = encoder.columnValues(row);
        if (values.length != columnNames.length) {
            throw new IllegalArgumentException(tableName + " has " + columnNames.length + " columns, the row gives "
                    + values.length + " values: " + row);
        }
        GenericData.Record record = new GenericData.Record(schema);
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value == null) {
                if (!nullable[i]) {
                    throw new IllegalArgumentException(tableName + "." + columnNames[i] + " is not nullable: " + row);
                }
                continue;
            }
            try {
                record.put(i, AvroValues.toAvro(columnTypes[i], value));
            }
            catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(tableName + "." + columnNames[i] + ": " + e.getMessage(), e);
            }
        }
        return record;
    }

    public Schema schema() {
        return schema;
    }

    @Override
    public TypeInformation<GenericRecord> getProducedType() {
        return new GenericRecordAvroTypeInfo(schema);
    }
}
