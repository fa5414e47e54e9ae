package io.admitto.api.sql.cache;

import io.admitto.tables.TableSchema;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Copies of job-written tables that a test may change (the job-written warehouse is shared). */
final class WarehouseCopies
{
    private WarehouseCopies() {}

    /** Copies the table's files; answers its copied partition folders in name order. */
    static List<Path> copy(Path from, Path to, TableSchema table)
            throws IOException
    {
        Path source = table.location(from);
        Path target = table.location(to);
        List<Path> partitions = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : paths.sorted().toList()) {
                Path copy = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                    if (!path.equals(source)) {
                        partitions.add(copy);
                    }
                }
                else {
                    Files.copy(path, copy);
                }
            }
        }
        return partitions;
    }
}
