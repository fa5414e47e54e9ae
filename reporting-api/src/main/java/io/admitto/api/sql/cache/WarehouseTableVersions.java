package io.admitto.api.sql.cache;

import io.admitto.tables.TableSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static java.util.Objects.requireNonNull;

/**
 * Table versions of a warehouse on a local file system, found by looking at its folders every
 * {@code interval}.
 *
 * <p>The streaming jobs commit a Parquet file by renaming it into its partition folder, and a new
 * partition is a new folder in the table's folder; either changes a folder's modification time. So a
 * table's fingerprint is its folder's and its partition folders' names and modification times: a poll
 * costs one {@code stat} per partition, not a listing of every file (a four-year table has ~1,500
 * partitions and ~2,000 files). Two changes within one tick of the file system's clock would leave the
 * time unchanged; a folder modified less than {@link #SETTLING} ago therefore counts as changed at every
 * poll until it has been quiet that long.
 */
public final class WarehouseTableVersions
        implements TableVersions
{
    /** How long a folder must be unmodified before its modification time is trusted to cover all changes. */
    static final Duration SETTLING = Duration.ofSeconds(2);

    private static final Logger log = LoggerFactory.getLogger(WarehouseTableVersions.class);

    private final Path warehouse;
    private final List<TableSchema> tables;
    private final Clock clock;
    private final Map<String, TableState> states = new ConcurrentHashMap<>();
    private final ScheduledExecutorService poller;

    private WarehouseTableVersions(Path warehouse, Collection<TableSchema> tables, Clock clock, ScheduledExecutorService poller)
    {
        this.warehouse = requireNonNull(warehouse, "warehouse is null");
        this.tables = List.copyOf(tables);
        this.clock = requireNonNull(clock, "clock is null");
        this.poller = poller;
        refresh();
    }

    /** Versions refreshed by a background thread every {@code interval}. */
    public static WarehouseTableVersions polling(Path warehouse, Collection<TableSchema> tables, Duration interval, Clock clock)
    {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive: " + interval);
        }
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "warehouse-table-versions");
            thread.setDaemon(true);
            return thread;
        });
        WarehouseTableVersions versions = new WarehouseTableVersions(warehouse, tables, clock, poller);
        poller.scheduleWithFixedDelay(versions::refreshQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return versions;
    }

    /** Versions that change only when {@link #refresh()} is called: for tests that decide when to look. */
    public static WarehouseTableVersions manual(Path warehouse, Collection<TableSchema> tables, Clock clock)
    {
        return new WarehouseTableVersions(warehouse, tables, clock, null);
    }

    @Override
    public long version(TableSchema table)
    {
        TableState state = states.get(table.name());
        if (state == null) {
            throw new IllegalArgumentException("Table is not watched: " + table.name());
        }
        return state.version();
    }

    /** Looks at every table's folders now and moves the version of each table whose fingerprint changed. */
    public void refresh()
    {
        Instant now = clock.instant();
        for (TableSchema table : tables) {
            long fingerprint = fingerprint(table.location(warehouse), now);
            states.computeIfAbsent(table.name(), name -> new TableState()).observe(fingerprint);
        }
    }

    @Override
    public void close()
    {
        if (poller != null) {
            poller.shutdownNow();
        }
    }

    private void refreshQuietly()
    {
        try {
            refresh();
        }
        catch (RuntimeException e) {
            // a failed poll keeps the last versions; the next poll tries again
            log.warn("Cannot look at the warehouse folders under {}", warehouse, e);
        }
    }

    /** A hash of the table folder's and its partition folders' names and times; unsettled folders make it unique. */
    private long fingerprint(Path tableFolder, Instant now)
    {
        BasicFileAttributes tableAttributes;
        try {
            tableAttributes = Files.readAttributes(tableFolder, BasicFileAttributes.class);
        }
        catch (NoSuchFileException e) {
            return 0;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Instant settledBefore = now.minus(SETTLING);
        boolean unsettled = modifiedAfter(tableAttributes, settledBefore);
        long hash = tableAttributes.lastModifiedTime().toMillis() * 31 + 17;
        // folders are hashed order-independently (sum of mixed values): listing order is the file system's
        long partitions = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(tableFolder)) {
            for (Path entry : entries) {
                BasicFileAttributes attributes;
                try {
                    attributes = Files.readAttributes(entry, BasicFileAttributes.class);
                }
                catch (NoSuchFileException e) {
                    unsettled = true; // removed while we looked
                    continue;
                }
                unsettled |= modifiedAfter(attributes, settledBefore);
                partitions += mix(entry.getFileName().toString().hashCode() * 1_000_003L + attributes.lastModifiedTime().to(TimeUnit.MICROSECONDS));
            }
        }
        catch (NoSuchFileException e) {
            return 0;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        hash = hash * 31 + partitions;
        return unsettled ? hash ^ mix(now.toEpochMilli() ^ System.nanoTime()) : hash;
    }

    private static boolean modifiedAfter(BasicFileAttributes attributes, Instant instant)
    {
        return attributes.lastModifiedTime().toInstant().isAfter(instant);
    }

    /** SplitMix64's finaliser: spreads each folder's bits so sums of different folder sets rarely collide. */
    private static long mix(long value)
    {
        long z = value + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The last fingerprint seen and the version it was given. */
    private static final class TableState
    {
        private final AtomicLong version = new AtomicLong();
        private long fingerprint;
        private boolean observed;

        synchronized void observe(long newFingerprint)
        {
            if (!observed || newFingerprint != fingerprint) {
                fingerprint = newFingerprint;
                observed = true;
                version.incrementAndGet();
            }
        }

        long version()
        {
            return version.get();
        }
    }
}
