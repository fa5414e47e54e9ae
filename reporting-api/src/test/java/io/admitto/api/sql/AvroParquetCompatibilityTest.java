package io.admitto.api.sql;

import io.admitto.tables.Tables;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The department-flow job writes {@code department_hourly} through Flink's Avro-Parquet writer, where
 * {@code hour_start} is an Avro {@code timestamp-millis}: Parquet INT64 TIMESTAMP(MILLIS, adjustedToUTC).
 * The other tests write Parquet with DuckDB, which stores microseconds; this one writes the job's encoding
 * with the same library the job uses, so a unit or time-zone slip between the two cannot go unnoticed.
 */
final class AvroParquetCompatibilityTest
{
    private static final Schema DEPARTMENT_HOURLY = SchemaBuilder.record("DepartmentHourly").namespace("io.admitto.tables")
            .fields()
            .requiredString("facility_id")
            .requiredString("department")
            .name("hour_start").type(org.apache.avro.LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG))).noDefault()
            .requiredLong("registrations")
            .requiredDouble("median_registration_wait_seconds")
            .endRecord();

    @TempDir
    Path warehouse;

    @Test
    void readsTheJobsTimestampMillisAsUtcInstants()
            throws Exception
    {
        Path file = Files.createDirectories(warehouse.resolve("department_hourly/event_date=2026-01-05")).resolve("part-0-0.parquet");
        write(file,
                record("FAC01", "ED", Instant.parse("2026-01-05T14:00:00Z"), 12, 431.5),
                record("FAC01", "ED", Instant.parse("2026-01-05T23:00:00Z"), 3, 95.25));

        assertThat(hourStartEncoding(file)).isEqualTo("TimestampType(isAdjustedToUTC=1, unit=TimeUnit(MILLIS=MilliSeconds(), MICROS=<null>, NANOS=<null>))");
        try (DuckDbSqlEngine engine = DuckDbSqlEngine.open(warehouse)) {
            AnalyticsQueries queries = new AnalyticsQueries(engine);
            assertThat(queries.hasData(Tables.DEPARTMENT_HOURLY)).isTrue();
            assertThat(queries.departmentHours(ReportFilter.all())).containsExactly(
                    new DepartmentHour("FAC01", "ED", Instant.parse("2026-01-05T14:00:00Z"), 12, 431.5),
                    new DepartmentHour("FAC01", "ED", Instant.parse("2026-01-05T23:00:00Z"), 3, 95.25));
        }
    }

    private static GenericRecord record(String facility, String department, Instant hourStart, long registrations, double medianWaitSeconds)
    {
        return new GenericRecordBuilder(DEPARTMENT_HOURLY)
                .set("facility_id", facility)
                .set("department", department)
                .set("hour_start", hourStart.toEpochMilli())
                .set("registrations", registrations)
                .set("median_registration_wait_seconds", medianWaitSeconds)
                .build();
    }

    private static void write(Path file, GenericRecord... records)
            throws IOException
    {
        try (ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(file))
                .withSchema(DEPARTMENT_HOURLY)
                .withDataModel(GenericData.get())
                .withConf(new Configuration(false))
                .build()) {
            for (GenericRecord record : records) {
                writer.write(record);
            }
        }
    }

    private static String hourStartEncoding(Path file)
            throws SQLException
    {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                PreparedStatement statement = connection.prepareStatement("SELECT logical_type FROM parquet_schema(?) WHERE name = 'hour_start'")) {
            statement.setString(1, file.toString());
            try (ResultSet resultSet = statement.executeQuery()) {
                resultSet.next();
                return resultSet.getString(1);
            }
        }
    }
}
