package io.admitto.api.review;

import io.admitto.tables.Column;
import io.admitto.tables.TableSchema;
import io.admitto.tables.Tables;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * Exports decisions to the {@code qa_reviews} Parquet table for analysts, one file per decision at
 * {@code qa_reviews/event_date=<UTC date decided>/part-<review id>.parquet}, right after the decision is
 * stored. Each file is written under a hidden name ({@code .part-….inprogress}, which DuckDB's and Trino's
 * readers skip) and then renamed atomically, so readers never see a partial file. The store is the source
 * of truth: {@link #exportMissing()} writes the file of every decision that has none (after a crash
 * between commit and export, or a failed export), and the server runs it at start.
 *
 * <p>The note is not exported (it may quote PHI); {@code has_note} says whether there is one.
 */
public final class QaReviewsExport
{
    private static final Logger log = LoggerFactory.getLogger(QaReviewsExport.class);
    private static final TableSchema TABLE = Tables.QA_REVIEWS;
    private static final Schema SCHEMA = avroSchema(TABLE);
    private static final String IN_PROGRESS_SUFFIX = ".inprogress";

    private final Path tableRoot;
    private final ReviewStore store;

    public QaReviewsExport(Path warehouse, ReviewStore store)
    {
        this.tableRoot = TABLE.location(requireNonNull(warehouse, "warehouse is null").toAbsolutePath().normalize());
        this.store = requireNonNull(store, "store is null");
    }

    /** Writes the decision's file unless it exists; safe to call again. */
    public void export(ReviewDecision decision)
    {
        Path target = fileOf(decision);
        if (Files.exists(target)) {
            return;
        }
        Path temporary = target.resolveSibling("." + target.getFileName() + IN_PROGRESS_SUFFIX);
        try {
            Files.createDirectories(target.getParent());
            Files.deleteIfExists(temporary);
            try (ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(temporary))
                    .withSchema(SCHEMA)
                    .withDataModel(GenericData.get())
                    .withCompressionCodec(CompressionCodecName.SNAPPY)
                    .build()) {
                writer.write(record(decision));
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot export decision " + decision.reviewId() + " to " + target, e);
        }
    }

    /** Exports every stored decision that has no file yet; returns how many it wrote. */
    public int exportMissing()
    {
        int written = 0;
        for (ReviewDecision decision : store.allDecisions()) {
            if (!Files.exists(fileOf(decision))) {
                export(decision);
                written++;
            }
        }
        if (written > 0) {
            log.info("Exported {} decisions to {}", written, tableRoot);
        }
        return written;
    }

    /** The file of a decision; the review id is a UUID the store generated, so it is safe in a path. */
    Path fileOf(ReviewDecision decision)
    {
        LocalDate day = LocalDate.ofInstant(decision.decidedAt(), ZoneOffset.UTC);
        return tableRoot.resolve(TABLE.partitionColumn().name() + "=" + day).resolve("part-" + decision.reviewId() + ".parquet");
    }

    /** Files of decisions ever exported, for tests and health. */
    public List<Path> files()
    {
        if (!Files.isDirectory(tableRoot)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(tableRoot)) {
            return paths.filter(path -> path.getFileName().toString().endsWith(".parquet") && !path.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static GenericRecord record(ReviewDecision decision)
    {
        GenericRecord record = new GenericData.Record(SCHEMA);
        record.put("review_id", decision.reviewId());
        record.put("encounter_id", decision.encounterId());
        record.put("assessment_version", decision.assessmentVersion());
        record.put("facility_id", decision.facilityId());
        record.put("department", decision.department());
        record.put("registrar_id", decision.registrarId());
        record.put("rule_ids", String.join(",", decision.ruleIds()));
        record.put("reviewer", decision.reviewer());
        record.put("decision", decision.decision().wireName());
        record.put("has_note", decision.hasNote());
        record.put("revision", decision.revision());
        record.put("decided_at", decision.decidedAt().toEpochMilli());
        return record;
    }

    /**
     * The Avro schema of the table's columns, encoded as the streaming jobs encode theirs (timestamps as
     * INT64 timestamp-millis, nullable columns as a union with null first), so readers see one table.
     */
    private static Schema avroSchema(TableSchema table)
    {
        List<Schema.Field> fields = table.columns().stream().map(QaReviewsExport::field).toList();
        return Schema.createRecord(table.name(), table.description(), "io.admitto.tables", false, fields);
    }

    private static Schema.Field field(Column column)
    {
        Schema values = switch (column.type()) {
            case STRING -> Schema.create(Schema.Type.STRING);
            case INTEGER -> Schema.create(Schema.Type.INT);
            case BOOLEAN -> Schema.create(Schema.Type.BOOLEAN);
            case TIMESTAMP -> LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG));
            default -> throw new IllegalStateException("qa_reviews has no " + column.type() + " column: " + column.name());
        };
        if (!column.nullable()) {
            return new Schema.Field(column.name(), values, column.description());
        }
        return new Schema.Field(column.name(), Schema.createUnion(Schema.create(Schema.Type.NULL), values), column.description(), Schema.Field.NULL_DEFAULT_VALUE);
    }
}
