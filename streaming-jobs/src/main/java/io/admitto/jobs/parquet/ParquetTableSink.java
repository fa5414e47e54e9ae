package io.admitto.jobs.parquet;

import io.admitto.tables.Column;
import io.admitto.tables.ColumnType;
import io.admitto.tables.TableSchema;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.core.fs.Path;
import org.apache.flink.formats.parquet.avro.AvroParquetWriters;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamSink;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;

import static java.util.Objects.requireNonNull;

/**
 * Writes a table of the warehouse as Parquet files, {@code <warehouse>/<table>/event_date=YYYY-MM-DD/part-….parquet}.
 *
 * <p>Files roll on every checkpoint and are committed (renamed from a hidden in-progress name) only when
 * that checkpoint completes: readers see whole files of completed checkpoints, and a restart from a
 * checkpoint neither loses nor repeats rows. The {@code .parquet} suffix matters — Flink names part
 * files without one, and readers glob on it.
 */
public final class ParquetTableSink {
    public static final String PART_PREFIX = "part";
    public static final String PART_SUFFIX = ".parquet";

    private final TableSchema table;
    private final Path location;
    private final String eventTimeColumn;
    private final Schema avroSchema;

    /**
     * @param warehouse the warehouse root: an absolute local path or a Flink file system URI
     * @param eventTimeColumn the required column that names the partition folder: a TIMESTAMP (its UTC date)
     *        or a DATE (itself, for tables whose rows are about a day rather than an instant, such as kpi_daily)
     */
    public ParquetTableSink(TableSchema table, String warehouse, String eventTimeColumn) {
        this.table = requireNonNull(table, "table is null");
        requireNonNull(warehouse, "warehouse is null");
        this.eventTimeColumn = requireNonNull(eventTimeColumn, "eventTimeColumn is null");
        Column eventTime = table.column(eventTimeColumn);
        if (eventTime.type() != ColumnType.TIMESTAMP && eventTime.type() != ColumnType.DATE || eventTime.nullable()) {
            throw new IllegalArgumentException("Event time column must be a required TIMESTAMP or DATE: " + eventTime);
        }
        if (table.partitionColumn().type() != ColumnType.DATE) {
            throw new IllegalArgumentException("Tables are partitioned by a DATE: " + table.partitionColumn());
        }
        this.location = new Path(new Path(warehouse), table.name());
        this.avroSchema = AvroTableSchemas.of(table);
    }

    /** The folder of the table. */
    public Path location() {
        return location;
    }

    public Schema avroSchema() {
        return avroSchema;
    }

    public FileSink<GenericRecord> fileSink() {
        return FileSink.forBulkFormat(location, AvroParquetWriters.forGenericRecord(avroSchema))
                .withBucketAssigner(new EventDateBucketAssigner(table.partitionColumn().name(), eventTimeColumn))
                .withRollingPolicy(OnCheckpointRollingPolicy.build())
                .withOutputFileConfig(OutputFileConfig.builder()
                        .withPartPrefix(PART_PREFIX)
                        .withPartSuffix(PART_SUFFIX)
                        .build())
                .build();
    }

    /** Encodes {@code rows} and writes them to this table; operator uids derive from the table name. */
    public <T> DataStreamSink<GenericRecord> write(DataStream<T> rows, RowEncoder<T> encoder) {
        return rows
                .map(new TableRecordEncoder<>(table, encoder))
                .name("Encode " + table.name())
                .uid(table.name() + "-encode")
                .sinkTo(fileSink())
                .name("Parquet " + table.name())
                .uid(table.name() + "-parquet");
    }
}
