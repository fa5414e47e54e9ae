package io.admitto.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code admitto ingest}: options, dry run and exit codes. */
class IngestCommandTest {
    private static final String REGISTERED = String.join("\r",
            "MSH|^~\\&|EPIC|F01|ADMITTO|ADMITTO|20260302082400-0600||ADT^A04^ADT_A01|MSG1|P|2.5.1",
            "EVN|A04|20260302082300-0600||||R017",
            "PID|1||MRN42^^^F01^MR||RIVERA^ANA||19581130|F",
            "PV1|1|O|IMG||||||||||||||||V123|MC", "");
    private static final String NO_VISIT = REGISTERED.replace("MSG1", "MSG2").replace("|V123|", "||");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void dryRunWritesEventsAsNdjsonToStdoutAndDeadLettersToStderr(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("feed.hl7");
        Files.writeString(file, REGISTERED + "\n" + NO_VISIT, StandardCharsets.UTF_8);

        int exit = execute("hl7", "--dry-run", "--zone", "America/Chicago", file.toString());

        assertThat(exit).as("something was dead-lettered").isEqualTo(IngestCommand.EXIT_DEAD_LETTERS);
        assertThat(out.toString().lines().toList()).singleElement().satisfies(line -> {
            assertThat(line).startsWith("{\"eventId\":").contains("\"eventType\":\"registration.registered\"").contains("\"encounterId\":\"V123\"");
        });
        assertThat(err.toString()).contains("dead letter: " + file + ", message 2, segment PV1 (line 8): no visit: no PV1-19 visit number or PID-18 account number");
        assertThat(err.toString()).contains("events:        1 (registration.registered 1)").contains("dead letters:  1 (hl7 1)");
    }

    @Test
    void allowDeadLettersExitsZeroAndTheSameFileYieldsTheSameEventIds(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("feed.hl7");
        Files.writeString(file, REGISTERED + "\n" + NO_VISIT, StandardCharsets.UTF_8);

        assertThat(execute("hl7", "--dry-run", "--allow-dead-letters", file.toString())).isZero();
        String first = out.toString();
        out.getBuffer().setLength(0);
        assertThat(execute("hl7", "--dry-run", "--allow-dead-letters", directory.toString())).as("a directory is read file by file").isZero();
        assertThat(out.toString()).isEqualTo(first);
    }

    @Test
    void usageErrors() {
        assertThat(execute("hl7", "x.hl7")).isEqualTo(2);
        assertThat(err.toString()).contains("--bootstrap HOST:PORT is required unless --dry-run");
        assertThat(execute("csv", "--listen", "2575", "--dry-run")).isEqualTo(2);
        assertThat(err.toString()).contains("--listen is for hl7 only");
        assertThat(execute("hl7", "--dry-run")).isEqualTo(2);
        assertThat(err.toString()).contains("Give at least one FILE");
    }

    @Test
    void anUnknownFormatNamesTheAvailableOnes(@TempDir Path directory) throws IOException {
        Path file = Files.writeString(directory.resolve("x.txt"), "x");
        assertThat(execute("edifact", "--dry-run", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown format 'edifact'; available: ").contains("csv").contains("hl7");
    }

    @Test
    void csvDryRunWithTheShippedMapping(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("export.csv");
        try (var example = io.admitto.ingest.csv.CsvMapping.class.getResourceAsStream("registrations.example.csv")) {
            Files.write(file, example.readAllBytes());
        }
        assertThat(execute("csv", "--dry-run", file.toString())).isZero();
        assertThat(out.toString().lines()).hasSize(3);
    }

    private int execute(String... arguments) {
        CommandLine commandLine = new CommandLine(new IngestCommand());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(arguments);
    }
}
