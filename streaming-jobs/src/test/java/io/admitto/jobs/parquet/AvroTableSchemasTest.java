package io.admitto.jobs.parquet;

import io.admitto.tables.Column;
import io.admitto.tables.ColumnType;
import io.admitto.tables.TableSchema;
import io.admitto.tables.Tables;
import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AvroTableSchemasTest {
    private static final TableSchema EVERY_TYPE = new TableSchema("every_type", "One column of each type, twice.",
            Arrays.stream(ColumnType.values())
                    .flatMap(type -> List.of(
                            Column.required("required_" + type.name().toLowerCase(), type, "required " + type),
                            Column.optional("optional_" + type.name().toLowerCase(), type, "optional " + type)).stream())
                    .toList(),
            Tables.EVENT_DATE);

    @Test
    void recordIsNamedAfterTheTableWithOneFieldPerColumnInOrder() {
        Schema schema = AvroTableSchemas.of(Tables.DEPARTMENT_HOURLY);

        assertThat(schema.getType()).isEqualTo(Schema.Type.RECORD);
        assertThat(schema.getFullName()).isEqualTo("io.admitto.tables.department_hourly");
        assertThat(schema.getFields()).extracting(Schema.Field::name)
                .containsExactly("facility_id", "department", "hour_start", "registrations", "median_registration_wait_seconds");
        assertThat(schema.getField("hour_start").doc()).isEqualTo(Tables.DEPARTMENT_HOURLY.column("hour_start").description());
    }

    @Test
    void partitionColumnIsAFolderNotAField() {
        assertThat(AvroTableSchemas.of(Tables.DEPARTMENT_HOURLY).getField("event_date")).isNull();
    }

    @Test
    void mapsEveryColumnTypeToTheAvroTypeParquetReadersExpect() {
        assertThat(AvroTableSchemas.valueSchema(ColumnType.STRING)).isEqualTo(Schema.create(Schema.Type.STRING));
        assertThat(AvroTableSchemas.valueSchema(ColumnType.INTEGER)).isEqualTo(Schema.create(Schema.Type.INT));
        assertThat(AvroTableSchemas.valueSchema(ColumnType.BIGINT)).isEqualTo(Schema.create(Schema.Type.LONG));
        assertThat(AvroTableSchemas.valueSchema(ColumnType.DOUBLE)).isEqualTo(Schema.create(Schema.Type.DOUBLE));
        assertThat(AvroTableSchemas.valueSchema(ColumnType.BOOLEAN)).isEqualTo(Schema.create(Schema.Type.BOOLEAN));

        Schema date = AvroTableSchemas.valueSchema(ColumnType.DATE);
        assertThat(date.getType()).isEqualTo(Schema.Type.INT);
        assertThat(date.getLogicalType()).isEqualTo(LogicalTypes.date());

        Schema timestamp = AvroTableSchemas.valueSchema(ColumnType.TIMESTAMP);
        assertThat(timestamp.getType()).isEqualTo(Schema.Type.LONG);
        assertThat(timestamp.getLogicalType()).isEqualTo(LogicalTypes.timestampMillis());

        Schema money = AvroTableSchemas.valueSchema(ColumnType.MONEY);
        assertThat(money.getType()).isEqualTo(Schema.Type.BYTES);
        assertThat(money.getLogicalType()).isEqualTo(LogicalTypes.decimal(12, 2));

        Schema binary = AvroTableSchemas.valueSchema(ColumnType.BINARY);
        assertThat(binary).isEqualTo(Schema.create(Schema.Type.BYTES));
        assertThat(binary.getLogicalType()).isNull();
    }

    @ParameterizedTest
    @EnumSource(ColumnType.class)
    void requiredColumnIsThePlainTypeWithoutDefault(ColumnType type) {
        Schema.Field field = AvroTableSchemas.of(EVERY_TYPE).getField("required_" + type.name().toLowerCase());

        assertThat(field.schema()).isEqualTo(AvroTableSchemas.valueSchema(type));
        assertThat(field.hasDefaultValue()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(ColumnType.class)
    void nullableColumnIsAUnionWithNullThatDefaultsToNull(ColumnType type) {
        Schema.Field field = AvroTableSchemas.of(EVERY_TYPE).getField("optional_" + type.name().toLowerCase());

        assertThat(field.schema().getType()).isEqualTo(Schema.Type.UNION);
        assertThat(field.schema().getTypes())
                .containsExactly(Schema.create(Schema.Type.NULL), AvroTableSchemas.valueSchema(type));
        assertThat(field.defaultVal()).isEqualTo(JsonProperties.NULL_VALUE);
    }

    @Test
    void schemaOfEveryTypeParsesBackUnchanged() {
        Schema schema = AvroTableSchemas.of(EVERY_TYPE);

        assertThat(new Schema.Parser().parse(schema.toString())).isEqualTo(schema);
    }
}
