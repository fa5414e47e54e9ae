package io.admitto.launcher;

import io.admitto.tables.Tables;
import io.admitto.trino.ProjectionRange;
import io.admitto.trino.TrinoConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code admitto trino-config}: the Trino catalog, access rules and DDL for analysts over a warehouse. */
@Command(name = "trino-config", mixinStandardHelpOptions = true,
        description = "Write a Trino Hive catalog over the warehouse, file-based access control rules per role "
                + "(analyst, qa_reviewer, leadership, admin) and the DDL that registers every table with partition "
                + "projection, so days the jobs write later are found without a sync. See docs/analysts.md.")
final class TrinoConfigCommand implements Callable<Integer> {
    @Option(names = "--warehouse", required = true, description = "Root folder of the Parquet tables.")
    Path warehouse;

    @Option(names = "--out", required = true,
            description = "Folder to write etc/ (add it to the Trino server's etc/) and admitto.sql (apply as admin) into.")
    Path out;

    @Option(names = "--since",
            description = "First event_date Trino looks for, YYYY-MM-DD (default: the warehouse's earliest partition, else today).")
    LocalDate since;

    @Override
    public Integer call() {
        Console console = new Console(System.out);
        Path root = warehouse.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("--warehouse " + root + " is not a directory; run `admitto run` or `admitto demo` first");
        }
        ProjectionRange range = ProjectionRange.of(root, Tables.all(), LocalDate.now(Clock.systemUTC()), Optional.ofNullable(since));
        List<Path> written = new TrinoConfig(root, Tables.all(), range).write(out);
        written.forEach(file -> console.info("Wrote " + file));
        console.info("Partition projection over event_date from " + range.first() + " to now + " + range.daysAhead() + " days.");
        console.info("Next: copy " + out.resolve("etc") + " into the Trino server's etc/, restart it, then apply the DDL: "
                + "trino --user admin --file " + out.resolve(TrinoConfig.DDL_FILE));
        return 0;
    }
}
