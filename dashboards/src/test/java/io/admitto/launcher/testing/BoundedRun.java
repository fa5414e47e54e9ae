package io.admitto.launcher.testing;

import io.admitto.launcher.AdmittoCommand;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code admitto run} in-process, as a user runs it: the generator, a real Kafka broker and the Flink
 * jobs write a warehouse of Parquet tables. Fails with the command's output when it does not exit 0.
 */
public final class BoundedRun
{
    private BoundedRun() {}

    /** Runs {@code admitto run OPTIONS --warehouse WAREHOUSE}; returns what it printed. */
    public static String into(Path warehouse, String... options)
    {
        List<String> arguments = new ArrayList<>(List.of("run"));
        arguments.addAll(List.of(options));
        arguments.addAll(List.of("--warehouse", warehouse.toString()));
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
        if (exitCode != 0) {
            throw new AssertionError("admitto " + String.join(" ", arguments) + " exited " + exitCode + ":\n" + output);
        }
        return output;
    }
}
