package io.admitto.jobs.parquet;

import org.apache.avro.generic.GenericRecord;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.streaming.api.functions.sink.filesystem.BucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.SimpleVersionedStringSerializer;

import java.time.LocalDate;
import java.time.ZoneOffset;

import static java.util.Objects.requireNonNull;

/**
 * Puts each row into the Hive-style folder {@code <partition>=YYYY-MM-DD} of the UTC date of its
 * event time, read from a TIMESTAMP field (epoch milliseconds). Readers prune on the folder name,
 * so the date is always UTC, the same as {@code hour_start} and every other timestamp in the tables.
 * A row that is about a calendar day rather than an instant names its folder by a DATE field (epoch
 * days) instead, as is.
 */
public final class EventDateBucketAssigner implements BucketAssigner<GenericRecord, String> {
    private static final long serialVersionUID = 1L;

    private final String partitionColumn;
    private final String eventTimeField;

    public EventDateBucketAssigner(String partitionColumn, String eventTimeField) {
        this.partitionColumn = requireNonNull(partitionColumn, "partitionColumn is null");
        this.eventTimeField = requireNonNull(eventTimeField, "eventTimeField is null");
    }

    @Override
    public String getBucketId(GenericRecord row, Context context) {
        Object value = row.get(eventTimeField);
        if (value instanceof Long millis) {
            return bucketOf(millis);
        }
        if (value instanceof Integer epochDay) {
            return bucketOfDay(epochDay);
        }
        throw new IllegalArgumentException("Row has no event time in " + eventTimeField + ": " + row);
    }

    String bucketOf(long epochMillis) {
        LocalDate date = LocalDate.ofInstant(java.time.Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC);
        return partitionColumn + "=" + date;
    }

    String bucketOfDay(int epochDay) {
        return partitionColumn + "=" + LocalDate.ofEpochDay(epochDay);
    }

    @Override
    public SimpleVersionedSerializer<String> getSerializer() {
        return SimpleVersionedStringSerializer.INSTANCE;
    }

    @Override
    public String toString() {
        return "EventDateBucketAssigner{" + partitionColumn + " from " + eventTimeField + "}";
    }
}
