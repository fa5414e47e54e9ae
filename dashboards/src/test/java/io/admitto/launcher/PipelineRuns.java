package io.admitto.launcher;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code admitto run} in this JVM, as the tests that need a warehouse written by the real jobs start it. */
final class PipelineRuns {
    private PipelineRuns() {}

    /** Runs the bounded pipeline into the warehouse, fails the test unless it exits 0, and returns what it printed. */
    static String run(Path warehouse, String... generatorOptions) {
        List<String> arguments = new ArrayList<>(List.of("run"));
        arguments.addAll(List.of(generatorOptions));
        arguments.addAll(List.of("--checkpoint-interval", "PT1S", "--warehouse", warehouse.toString()));
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        int exitCode;
        try (PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(out);
            exitCode = AdmittoCommand.commandLine().execute(arguments.toArray(String[]::new));
        }
        finally {
            System.setOut(originalOut);
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        assertThat(exitCode).as(output).isZero();
        return output;
    }
}
