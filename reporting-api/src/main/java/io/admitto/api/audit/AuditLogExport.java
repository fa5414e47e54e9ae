package io.admitto.api.audit;

import io.admitto.tables.Column;
import io.admitto.tables.Tables;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * Copies the audit log into the {@code audit_log} table of the warehouse, for retention and for analysis
 * with the other tables: {@code <warehouse>/audit_log/event_date=YYYY-MM-DD/part-audit-<first>-<last>.parquet}.
 *
 * <p>Each file is written under a hidden name (a leading dot, which readers skip, as for the jobs' in-progress
 * files) and renamed atomically when complete, so a reader never sees a partial file. The file names carry the
 * sequences they hold; the next export starts after the highest one found, so an export interrupted
 * between two files neither loses nor repeats entries.
 */
public final class AuditLogExport
{
    private static final Pattern EXPORTED = Pattern.compile("part-audit-(\\d{20})-(\\d{20})\\.parquet");
    private static final int PAGE = 10_000;

    private final AuditLog auditLog;
    private final Path table;
    private final Schema schema = avroSchema();
    private final ReentrantLock exporting = new ReentrantLock();

    /** What one export wrote. */
    public record Exported(long entries, List<Path> files) {}

    public AuditLogExport(AuditLog auditLog, Path warehouse)
    {
        this.auditLog = requireNonNull(auditLog, "auditLog is null");
        this.table = Tables.AUDIT_LOG.location(requireNonNull(warehouse, "warehouse is null"));
    }

    /** Writes the entries recorded since the last export; one file per event date. */
    public Exported exportNew()
    {
        exporting.lock();
        try {
            long next = lastExportedSequence() + 1;
            long exported = 0;
            List<Path> files = new ArrayList<>();
            for (List<AuditLog.AuditEntry> page = auditLog.read(next, PAGE); !page.isEmpty(); page = auditLog.read(next, PAGE)) {
                for (List<AuditLog.AuditEntry> day : byEventDate(page).values()) {
                    files.add(write(day));
                    exported += day.size();
                }
                next = page.get(page.size() - 1).sequence() + 1;
            }
            return new Exported(exported, files);
        }
        finally {
            exporting.unlock();
        }
    }

    private long lastExportedSequence()
    {
        if (!Files.isDirectory(table)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(table, 2)) {
            return files.map(file -> EXPORTED.matcher(file.getFileName().toString()))
                    .filter(Matcher::matches)
                    .mapToLong(matcher -> Long.parseLong(matcher.group(2)))
                    .max()
                    .orElse(0);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + table, e);
        }
    }

    private static Map<LocalDate, List<AuditLog.AuditEntry>> byEventDate(List<AuditLog.AuditEntry> entries)
    {
        Map<LocalDate, List<AuditLog.AuditEntry>> days = new TreeMap<>();
        for (AuditLog.AuditEntry entry : entries) {
            days.computeIfAbsent(LocalDate.ofInstant(entry.occurredAt(), ZoneOffset.UTC), day -> new ArrayList<>()).add(entry);
        }
        return days;
    }

    private Path write(List<AuditLog.AuditEntry> entries)
    {
        AuditLog.AuditEntry first = entries.get(0);
        LocalDate eventDate = LocalDate.ofInstant(first.occurredAt(), ZoneOffset.UTC);
        String name = "part-audit-%020d-%020d.parquet".formatted(first.sequence(), entries.get(entries.size() - 1).sequence());
        try {
            Path folder = Files.createDirectories(table.resolve(Tables.AUDIT_LOG.partitionColumn().name() + "=" + eventDate));
            Path hidden = folder.resolve("." + name + "." + UUID.randomUUID() + ".inprogress");
            try (ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(hidden))
                    .withSchema(schema)
                    .withDataModel(GenericData.get())
                    .withCompressionCodec(CompressionCodecName.SNAPPY)
                    .build()) {
                for (AuditLog.AuditEntry entry : entries) {
                    writer.write(toAvro(entry));
                }
            }
            Path target = folder.resolve(name);
            Files.move(hidden, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot export audit entries to " + table, e);
        }
    }

    private GenericRecord toAvro(AuditLog.AuditEntry entry)
    {
        GenericRecord row = new GenericData.Record(schema);
        row.put("sequence", entry.sequence());
        row.put("occurred_at", entry.occurredAt().toEpochMilli());
        row.put("actor", entry.record().actor());
        row.put("role", entry.record().role());
        row.put("action", entry.record().action());
        row.put("encounter_id", entry.record().encounterId());
        row.put("fields", String.join(",", entry.record().fields()));
        row.put("purpose", entry.record().purpose());
        row.put("previous_hash", entry.previousHash());
        row.put("hash", entry.hash());
        return row;
    }

    /** The table's columns as the jobs write them: BIGINT as long, TIMESTAMP as timestamp-millis, STRING as string. */
    private static Schema avroSchema()
    {
        SchemaBuilder.FieldAssembler<Schema> fields = SchemaBuilder.record("audit_log").namespace("io.admitto.tables").fields();
        for (Column column : Tables.AUDIT_LOG.columns()) {
            Schema type = switch (column.type()) {
                case BIGINT -> Schema.create(Schema.Type.LONG);
                case TIMESTAMP -> LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG));
                case STRING -> Schema.create(Schema.Type.STRING);
                default -> throw new IllegalStateException("audit_log has no column of type " + column.type());
            };
            if (column.nullable()) {
                fields = fields.name(column.name()).type(Schema.createUnion(Schema.create(Schema.Type.NULL), type)).withDefault(null);
            }
            else {
                fields = fields.name(column.name()).type(type).noDefault();
            }
        }
        return fields.endRecord();
    }
}
