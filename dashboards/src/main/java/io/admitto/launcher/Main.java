package io.admitto.launcher;

/** Entry point of {@code ./admitto}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        // Before anything touches java.util.logging: Grizzly and Jersey then log to our log file, not the terminal.
        System.setProperty("java.util.logging.manager", "org.apache.logging.log4j.jul.LogManager");
        // Logging stops after everything else has (see ShutdownSignal), so the last words of a clean stop are kept.
        System.setProperty("log4j2.shutdownHookEnabled", "false");
        System.exit(AdmittoCommand.commandLine().execute(args));
    }
}
