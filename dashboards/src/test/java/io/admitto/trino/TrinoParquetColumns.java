package io.admitto.trino;

import io.admitto.tables.TableSchema;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Columns as {@code name TYPE} twice over: as the Trino DDL declares them, and as Trino's Hive connector reads
 * a Parquet file's columns (a TIMESTAMP(MILLIS) column as TIMESTAMP(3), a DECIMAL(12,2) as DECIMAL(12,2), ...),
 * so a test can say that files and DDL agree.
 */
public final class TrinoParquetColumns
{
    private static final Pattern DDL_COLUMN = Pattern.compile("^ {4}\"([a-z0-9_]+)\" (\\S+) COMMENT '");

    private TrinoParquetColumns() {}

    /** {@code name TYPE} of each stored column, as the DDL text declares it (the partition column is a folder, not stored). */
    public static List<String> declared(TrinoDdl ddl, TableSchema table)
    {
        List<String> columns = new ArrayList<>();
        for (String line : ddl.createTable(table).lines().toList()) {
            Matcher matcher = DDL_COLUMN.matcher(line);
            if (matcher.find() && !matcher.group(1).equals(table.partitionColumn().name())) {
                columns.add(matcher.group(1) + " " + matcher.group(2));
            }
        }
        return columns;
    }

    /** {@code name TYPE} of each column of a Parquet file, as Trino reads it. */
    public static List<String> read(Path parquetFile)
            throws IOException
    {
        return of(footer(parquetFile));
    }

    public static List<String> of(MessageType schema)
    {
        return schema.getFields().stream().map(field -> field.getName() + " " + trinoType(field)).toList();
    }

    public static MessageType footer(Path file)
            throws IOException
    {
        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(
                new org.apache.hadoop.fs.Path(file.toUri()), new Configuration()))) {
            return reader.getFooter().getFileMetaData().getSchema();
        }
    }

    /** The type Trino's Hive connector reads a Parquet column as (only the shapes a flat table uses; {@code ?...} otherwise). */
    private static String trinoType(Type field)
    {
        if (!field.isPrimitive()) {
            return "?nested";
        }
        PrimitiveType primitive = field.asPrimitiveType();
        LogicalTypeAnnotation logical = primitive.getLogicalTypeAnnotation();
        return switch (primitive.getPrimitiveTypeName()) {
            case BOOLEAN -> "BOOLEAN";
            case DOUBLE -> "DOUBLE";
            case INT32 -> logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation ? "DATE" : logical == null || signed(logical, 32) ? "INTEGER" : "?" + logical;
            case INT64 -> {
                if (logical instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation timestamp) {
                    yield timestamp.getUnit() == LogicalTypeAnnotation.TimeUnit.MILLIS ? "TIMESTAMP(3)" : "TIMESTAMP(" + timestamp.getUnit() + ")";
                }
                if (logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation decimal) {
                    yield "DECIMAL(" + decimal.getPrecision() + "," + decimal.getScale() + ")";
                }
                yield logical == null || signed(logical, 64) ? "BIGINT" : "?" + logical;
            }
            case BINARY, FIXED_LEN_BYTE_ARRAY -> {
                if (logical instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation) {
                    yield "VARCHAR";
                }
                if (logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation decimal) {
                    yield "DECIMAL(" + decimal.getPrecision() + "," + decimal.getScale() + ")";
                }
                yield logical == null ? "VARBINARY" : "?" + logical;
            }
            default -> "?" + primitive;
        };
    }

    /** A plain signed integer of the physical width: some writers (DuckDB) annotate what others leave bare. */
    private static boolean signed(LogicalTypeAnnotation logical, int bits)
    {
        return logical instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation integer && integer.isSigned() && integer.getBitWidth() == bits;
    }
}
