package io.admitto.launcher;

import io.admitto.events.Topic;
import io.admitto.ingest.generator.GroundTruth;
import io.admitto.ingest.generator.GroundTruthJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The command names and options are a contract that docs, tests and users' scripts rely on. */
class CommandLineContractTest {
    @Test
    void everyDocumentedCommandHasHelpNamingItsOptions() {
        assertHelp("demo", "--seed", "--days", "--port", "--warehouse");
        assertHelp("generate", "--seed", "--days", "--out");
        assertHelp("run", "--seed", "--days", "--warehouse");
        assertHelp("serve", "--warehouse", "--port");
    }

    @Test
    void aMissingRequiredOptionIsAUsageErrorNamingIt() {
        StringWriter errors = new StringWriter();
        CommandLine commandLine = AdmittoCommand.commandLine();
        commandLine.setErr(new PrintWriter(errors, true));
        assertThat(commandLine.execute("generate", "--seed", "1")).isEqualTo(2);
        assertThat(errors.toString()).contains("--out");
    }

    @Test
    void generateWritesOneNdjsonFilePerTopicAndTheGroundTruth(@TempDir Path out) throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        int exitCode;
        try (PrintStream print = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(print);
            exitCode = AdmittoCommand.commandLine().execute("generate", "--seed", "5", "--days", "1", "--daily-encounters", "40", "--out", out.toString());
        }
        finally {
            System.setOut(originalOut);
        }
        assertThat(exitCode).isZero();
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("events/s");

        GroundTruth truth = new GroundTruthJson().read(out.resolve("truth.json"));
        long lines = 0;
        for (Topic topic : List.of(Topic.REGISTRATION, Topic.FLOW, Topic.ELIGIBILITY, Topic.CLAIMS)) {
            Path file = out.resolve(topic.ndjsonFileName());
            assertThat(file).isRegularFile();
            try (var stream = Files.lines(file)) {
                long count = stream.count();
                assertThat(count).as(topic.topicName()).isEqualTo(truth.counts().eventsByTopic().getOrDefault(topic.topicName(), 0L));
                lines += count;
            }
        }
        assertThat(lines).isPositive();
        assertThat(truth.config().seed()).isEqualTo(5);
    }

    private static void assertHelp(String command, String... options) {
        StringWriter help = new StringWriter();
        CommandLine commandLine = AdmittoCommand.commandLine();
        commandLine.setOut(new PrintWriter(help, true));
        assertThat(commandLine.execute(command, "--help")).isZero();
        assertThat(help.toString()).contains(options);
    }
}
