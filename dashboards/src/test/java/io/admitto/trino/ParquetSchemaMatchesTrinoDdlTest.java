package io.admitto.trino;

import io.admitto.jobs.parquet.AvroTableSchemas;
import io.admitto.launcher.testing.BoundedRun;
import io.admitto.tables.Column;
import io.admitto.tables.TableSchema;
import io.admitto.tables.Tables;
import org.apache.parquet.avro.AvroSchemaConverter;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Schema stability: the column names, order, types and nullability in the Parquet files the jobs write
 * are exactly those the Trino DDL declares, read the way Trino's Hive connector reads Parquet (a
 * TIMESTAMP(MILLIS) column as TIMESTAMP(3), a DECIMAL(12,2) as DECIMAL(12,2), ...). Tables the jobs do
 * not write yet are checked against the Parquet schema their writer would use.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ParquetSchemaMatchesTrinoDdlTest
{
    private final TrinoDdl ddl = new TrinoDdl("admitto", "analytics", new ProjectionRange(LocalDate.of(2026, 3, 2), 7));
    private Path warehouse;

    @BeforeAll
    void runTheJobs(@TempDir Path work)
    {
        warehouse = work.resolve("warehouse");
        BoundedRun.into(warehouse, "--seed", "7", "--days", "3", "--facilities", "2", "--daily-encounters", "80",
                "--checkpoint-interval", "PT1S");
    }

    @Test
    void everyJobWrittenFileHasExactlyTheColumnsOfTheDdl()
            throws IOException
    {
        List<String> checked = new ArrayList<>();
        for (TableSchema table : Tables.all()) {
            List<String> declared = declaredColumns(table);
            for (Path file : parquetFiles(table)) {
                MessageType schema = footer(file);
                assertThat(trinoColumns(schema)).as(file.toString()).containsExactlyElementsOf(declared);
                assertThat(requiredColumns(schema)).as(file + " REQUIRED columns")
                        .containsExactlyElementsOf(table.columns().stream().filter(column -> !column.nullable()).map(Column::name).toList());
                checked.add(table.name());
            }
        }
        // The run must have written the tables analysts query most, or this test proves nothing.
        assertThat(checked).contains("department_hourly", "wait_times", "wait_time_stats", "registration_quality",
                "registration_findings", "registration_phi", "denials");
    }

    @Test
    void tablesNotWrittenYetWouldBeWrittenWithTheDdlsColumns()
    {
        for (TableSchema table : Tables.all()) {
            MessageType writerSchema = new AvroSchemaConverter().convert(AvroTableSchemas.of(table));
            assertThat(trinoColumns(writerSchema)).as(table.name()).containsExactlyElementsOf(declaredColumns(table));
        }
    }

    @Test
    void theDdlDeclaresEveryColumnOfTheCatalogue()
    {
        for (TableSchema table : Tables.all()) {
            assertThat(declaredColumns(table)).as(table.name()).hasSize(table.columns().size());
        }
    }

    private List<String> declaredColumns(TableSchema table)
    {
        return TrinoParquetColumns.declared(ddl, table);
    }

    private static List<String> trinoColumns(MessageType schema)
    {
        return TrinoParquetColumns.of(schema);
    }

    private static List<String> requiredColumns(MessageType schema)
    {
        return schema.getFields().stream().filter(field -> field.isRepetition(Type.Repetition.REQUIRED)).map(Type::getName).toList();
    }

    private List<Path> parquetFiles(TableSchema table)
            throws IOException
    {
        Path location = table.location(warehouse);
        if (!Files.isDirectory(location)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(location)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".parquet") && !file.getFileName().toString().startsWith("."))
                    .toList();
        }
    }

    private static MessageType footer(Path file)
            throws IOException
    {
        return TrinoParquetColumns.footer(file);
    }
}
