package io.admitto.launcher;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code admitto}: the command line of the embedded platform. The sub-command names and options are a
 * contract that the docs, the tests and users' scripts rely on.
 */
@Command(
        name = "admitto",
        mixinStandardHelpOptions = true,
        versionProvider = AdmittoCommand.Version.class,
        description = "Patient-access analytics and registration QA: Kafka, Flink, Parquet, DuckDB, one machine.",
        subcommands = {
                DemoCommand.class,
                GenerateCommand.class,
                RunCommand.class,
                ServeCommand.class,
                RulesCommand.class,
                EvaluateCommand.class,
                IngestCommand.class,
                TrinoConfigCommand.class,
                CommandLine.HelpCommand.class,
        })
public final class AdmittoCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: demo, generate, run, serve, rules, evaluate, ingest or trino-config");
    }

    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new AdmittoCommand());
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            cmd.getErr().println(cmd.getColorScheme().errorText("admitto " + cmd.getCommandName() + ": " + describe(exception)));
            return exception instanceof IllegalArgumentException ? 2 : 1;
        });
        return commandLine;
    }

    private static String describe(Throwable exception) {
        StringBuilder message = new StringBuilder(String.valueOf(exception.getMessage()));
        for (Throwable cause = exception.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            message.append("\n  caused by: ").append(cause.getMessage());
        }
        return message.toString();
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = AdmittoCommand.class.getPackage().getImplementationVersion();
            return new String[] {"admitto " + (version == null ? "development build" : version)};
        }
    }
}
