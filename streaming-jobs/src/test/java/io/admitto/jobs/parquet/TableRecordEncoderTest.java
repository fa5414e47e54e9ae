package io.admitto.jobs.parquet;

import io.admitto.tables.Column;
import io.admitto.tables.ColumnType;
import io.admitto.tables.TableSchema;
import io.admitto.tables.Tables;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TableRecordEncoderTest {
    private static final TableSchema PAYMENTS = new TableSchema("payments", "A table with every kind of value.",
            List.of(
                    Column.required("facility_id", ColumnType.STRING, "Facility."),
                    Column.required("collected_at", ColumnType.TIMESTAMP, "When."),
                    Column.required("service_date", ColumnType.DATE, "Date of service."),
                    Column.required("amount", ColumnType.MONEY, "Amount."),
                    Column.optional("units", ColumnType.INTEGER, "Units."),
                    Column.optional("payments", ColumnType.BIGINT, "Count."),
                    Column.optional("share", ColumnType.DOUBLE, "Share."),
                    Column.optional("online", ColumnType.BOOLEAN, "Online?")),
            Tables.EVENT_DATE);

    private static ByteBuffer unscaled(long value) {
        return ByteBuffer.wrap(BigInteger.valueOf(value).toByteArray());
    }

    @Test
    void writesEachValueInTheFormOfItsAvroType() {
        TableRecordEncoder<Object[]> encoder = new TableRecordEncoder<>(PAYMENTS, row -> row);

        GenericRecord record = encoder.map(new Object[] {"F01", Instant.parse("2026-03-02T08:15:30.125Z"),
                LocalDate.parse("2026-03-02"), new BigDecimal("40.5"), 3, 7L, 0.25, true});

        assertThat(record.get("facility_id")).isEqualTo("F01");
        assertThat(record.get("collected_at")).isEqualTo(1772439330125L);
        assertThat(record.get("service_date")).isEqualTo(20514);
        assertThat(record.get("amount")).isEqualTo(unscaled(4050));
        assertThat(record.get("units")).isEqualTo(3);
        assertThat(record.get("payments")).isEqualTo(7L);
        assertThat(record.get("share")).isEqualTo(0.25);
        assertThat(record.get("online")).isEqualTo(true);
    }

    @Test
    void leavesNullableColumnsNull() {
        TableRecordEncoder<Object[]> encoder = new TableRecordEncoder<>(PAYMENTS, row -> row);

        GenericRecord record = encoder.map(new Object[] {"F01", Instant.EPOCH, LocalDate.EPOCH, BigDecimal.ZERO, null, null, null, null});

        assertThat(record.get("units")).isNull();
        assertThat(record.get("online")).isNull();
    }

    @Test
    void refusesNullInARequiredColumn() {
        TableRecordEncoder<Object[]> encoder = new TableRecordEncoder<>(PAYMENTS, row -> row);

        assertThatThrownBy(() -> encoder.map(new Object[] {null, Instant.EPOCH, LocalDate.EPOCH, BigDecimal.ZERO, null, null, null, null}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("payments.facility_id is not nullable");
    }

    @Test
    void refusesAValueOfAnotherJavaType() {
        TableRecordEncoder<Object[]> encoder = new TableRecordEncoder<>(PAYMENTS, row -> row);

        assertThatThrownBy(() -> encoder.map(new Object[] {"F01", 1772439330125L, LocalDate.EPOCH, BigDecimal.ZERO, null, null, null, null}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("payments.collected_at: A TIMESTAMP column takes a Instant, not a java.lang.Long");
    }

    @Test
    void refusesARowWithTheWrongNumberOfValues() {
        TableRecordEncoder<Object[]> encoder = new TableRecordEncoder<>(PAYMENTS, row -> row);

        assertThatThrownBy(() -> encoder.map(new Object[] {"F01"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("payments has 8 columns, the row gives 1 values");
    }

    @Test
    void moneyKeepsCentsExactlyAndRefusesWhatDecimalTwelveTwoCannotHold() {
        assertThat(AvroValues.toAvro(ColumnType.MONEY, new BigDecimal("-1234567890.99"))).isEqualTo(unscaled(-123456789099L));
        assertThatThrownBy(() -> AvroValues.toAvro(ColumnType.MONEY, new BigDecimal("0.005")))
                .hasMessageStartingWith("Money has more than 2 decimals");
        assertThatThrownBy(() -> AvroValues.toAvro(ColumnType.MONEY, new BigDecimal("12345678901.00")))
                .hasMessageStartingWith("Money does not fit DECIMAL(12,2)");
    }

    @Test
    void datesAndTimestampsAreUtcEpochBased() {
        assertThat(AvroValues.toAvro(ColumnType.DATE, LocalDate.parse("1969-12-31"))).isEqualTo(-1);
        assertThat(AvroValues.toAvro(ColumnType.TIMESTAMP, Instant.parse("1970-01-01T00:00:00.001Z"))).isEqualTo(1L);
    }
}
