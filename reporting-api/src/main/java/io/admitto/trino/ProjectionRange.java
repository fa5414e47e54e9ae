package io.admitto.trino;

import io.admitto.tables.TableSchema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * The days Trino's partition projection considers for the {@code event_date} folders: from
 * {@code first} to {@code daysAhead} days past the query's "now". Trino lists one folder per day in the
 * range for a query without a date filter, so the range starts at the warehouse's first day rather than
 * at an arbitrary epoch; it ends relative to now so that days the jobs write later are found without any
 * metastore update. The margin ahead covers dates after today: clock skew, service dates of
 * pre-registrations ({@code kpi_daily}) and synthetic data generated for the future.
 */
public record ProjectionRange(LocalDate first, int daysAhead)
{
    /** Days past now (or past the newest partition, if later) that the range reaches at least. */
    public static final int MARGIN_DAYS = 7;

    public ProjectionRange
    {
        requireNonNull(first, "first is null");
        if (daysAhead < 0) {
            throw new IllegalArgumentException("daysAhead must not be negative: " + daysAhead);
        }
    }

    /**
     * The range for a warehouse as it is now: from {@code since}, or else from the earliest partition of
     * any table (today when there is none), to {@link #MARGIN_DAYS} past the later of today and the
     * newest partition.
     */
    public static ProjectionRange of(Path warehouse, List<TableSchema> tables, LocalDate today, Optional<LocalDate> since)
    {
        requireNonNull(warehouse, "warehouse is null");
        requireNonNull(today, "today is null");
        requireNonNull(since, "since is null");
        List<LocalDate> dates = tables.stream()
                .flatMap(table -> partitionDates(warehouse, table))
                .sorted()
                .toList();
        LocalDate first = since.orElse(dates.isEmpty() ? today : dates.get(0));
        LocalDate newest = dates.isEmpty() ? today : dates.get(dates.size() - 1);
        long ahead = Math.max(0, ChronoUnit.DAYS.between(today, newest)) + MARGIN_DAYS;
        return new ProjectionRange(first, Math.toIntExact(ahead));
    }

    /** The table property value: {@code ARRAY['2026-03-02', 'NOW+7DAYS']}. */
    public String sqlArray()
    {
        return "ARRAY['" + first + "', 'NOW+" + daysAhead + "DAYS']";
    }

    private static Stream<LocalDate> partitionDates(Path warehouse, TableSchema table)
    {
        Path location = table.location(warehouse);
        if (!Files.isDirectory(location)) {
            return Stream.empty();
        }
        String prefix = table.partitionColumn().name() + "=";
        try (Stream<Path> folders = Files.list(location)) {
            return folders.filter(Files::isDirectory)
                    .map(folder -> folder.getFileName().toString())
                    .filter(name -> name.startsWith(prefix))
                    .flatMap(name -> parse(name.substring(prefix.length())))
                    .toList()
                    .stream();
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot list the partitions of " + location, e);
        }
    }

    private static Stream<LocalDate> parse(String value)
    {
        try {
            return Stream.of(LocalDate.parse(value));
        }
        catch (DateTimeParseException e) {
            // Not a folder the jobs wrote (they write ISO dates only); Trino would not project it either.
            return Stream.empty();
        }
    }
}
