package io.admitto.launcher;

import io.admitto.events.EventJson;
import io.admitto.events.Topic;
import io.admitto.ingest.csv.CsvMapping;
import io.admitto.ingest.csv.CsvSourceAdapter;
import io.admitto.ingest.hl7.Hl7MessageHandler;
import io.admitto.ingest.hl7.Hl7Options;
import io.admitto.ingest.hl7.Hl7SourceAdapter;
import io.admitto.ingest.hl7.MllpListener;
import io.admitto.ingest.kafka.EventPublisher;
import io.admitto.ingest.kafka.TopicAdmin;
import io.admitto.ingest.kafka.TopicSpec;
import io.admitto.ingest.source.IngestCounts;
import io.admitto.ingest.source.IngestSink;
import io.admitto.ingest.source.KafkaIngestSink;
import io.admitto.ingest.source.SourceAdapter;
import io.admitto.ingest.source.SourceAdapters;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.Flushable;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code admitto ingest FORMAT FILE...}: source files (or, for HL7, an MLLP feed) into Kafka as canonical
 * events, with dead letters for what cannot be mapped. Exit codes: 0 all mapped; 3 something was
 * dead-lettered (unless {@code --allow-dead-letters}); 1 a file could not be read or publishing failed;
 * 2 a usage error.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Ingest source files (hl7, x12, fhir, csv) into Kafka as canonical events; "
                + "unmappable input goes to the dead-letter topic with its reason.",
                "With --listen (hl7 only) receive HL7 v2 over MLLP until Ctrl-C."})
final class IngestCommand implements Callable<Integer> {
    static final int EXIT_DEAD_LETTERS = 3;
    private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(60);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FORMAT", description = "hl7, x12, fhir or csv.")
    String format;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "FILE", description = "Files or directories (read recursively, in name order).")
    List<Path> files = new ArrayList<>();

    @Option(names = "--listen", paramLabel = "PORT", description = "hl7 only: receive messages over MLLP on this port (0 = any free port) until Ctrl-C.")
    Integer listen;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Interface the MLLP listener binds to (default: ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT",
            description = "Kafka to publish to; required unless --dry-run (e.g. the broker of 'admitto run').")
    String bootstrap;

    @Option(names = "--dry-run", description = "Publish nothing: events as NDJSON on stdout, dead letters on stderr.")
    boolean dryRun;

    @Option(names = "--allow-dead-letters", description = "Exit 0 even when some input was dead-lettered.")
    boolean allowDeadLetters;

    @Option(names = "--zone", paramLabel = "ZONE",
            description = "hl7: zone of timestamps sent without a UTC offset (default: this machine's zone).")
    ZoneId zone;

    @Option(names = "--facility", paramLabel = "ID", description = "hl7: facility of messages with neither MSH-4 nor PV1-3.4.")
    String facility;

    @Option(names = "--mapping", paramLabel = "FILE", description = "csv: the column mapping (default: the shipped example mapping).")
    Path mapping;

    @Override
    public Integer call() throws Exception {
        String name = format.toLowerCase(Locale.ROOT);
        validate(name);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // in a dry run stdout is the NDJSON; everything for the person goes to stderr
        Console console = new Console(new java.io.PrintStream(new WriterOutputStream(dryRun ? err : out), true, java.nio.charset.StandardCharsets.UTF_8));
        Clock clock = Clock.systemUTC();
        if (dryRun) {
            IngestDryRunSink dryRunSink = new IngestDryRunSink(out, err, new EventJson());
            IngestCounts counts = new IngestCounts(dryRunSink);
            return ingest(name, counts, dryRunSink::flush, console, clock);
        }
        try (TopicAdmin topics = new TopicAdmin(bootstrap, TOPIC_TIMEOUT)) {
            // before the first publish: a Kafka 4.2 broker can drop the first batch sent to a brand-new partition
            topics.ensureTopics(Arrays.stream(Topic.values()).map(topic -> new TopicSpec(topic.topicName(), Topic.DEFAULT_PARTITIONS)).toList());
        }
        try (EventPublisher publisher = new EventPublisher(new EventPublisher.Config(bootstrap, "admitto-ingest-" + name))) {
            IngestCounts counts = new IngestCounts(new KafkaIngestSink(publisher, new EventJson()));
            return ingest(name, counts, publisher::flush, console, clock);
        }
    }

    private void validate(String name) {
        if (listen != null && !name.equals("hl7")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--listen is for hl7 only (MLLP carries HL7 v2)");
        }
        if (listen == null && files.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Give at least one FILE, or --listen PORT for hl7");
        }
        if (listen != null && !files.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Give FILEs or --listen, not both");
        }
        if (!dryRun && bootstrap == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--bootstrap HOST:PORT is required unless --dry-run");
        }
    }

    private int ingest(String name, IngestCounts counts, Flushable durability, Console console, Clock clock) throws Exception {
        if (listen != null) {
            return listen(counts, durability, console, clock);
        }
        SourceAdapter adapter = adapter(name, clock);
        IngestFiles.Result result = new IngestFiles(adapter, counts, durability, new ProgressBars(console)).ingest(expand(files), console);
        console.info(IngestSummary.of(counts, result.files(), result.bytes(), result.unreadable(), result.elapsed()));
        if (!result.unreadable().isEmpty()) {
            return 1;
        }
        return counts.totalDeadLetters() > 0 && !allowDeadLetters ? EXIT_DEAD_LETTERS : 0;
    }

    private int listen(IngestCounts counts, Flushable durability, Console console, Clock clock) throws Exception {
        ShutdownSignal shutdown = new ShutdownSignal();
        long started = System.nanoTime();
        try (MllpListener listener = new MllpListener(new MllpListener.Config(InetAddress.getByName(bind), listen), hl7Handler(clock), counts, durability, clock).start()) {
            console.info("Listening for HL7 v2 over MLLP on " + bind + ":" + listener.port() + " (Ctrl-C to stop)");
            shutdown.await();
        }
        finally {
            console.info(IngestSummary.of(counts, 0, 0, List.of(), Duration.ofNanos(System.nanoTime() - started)));
            shutdown.stopped();
        }
        return 0;
    }

    private SourceAdapter adapter(String name, Clock clock) throws IOException {
        switch (name) {
            case "hl7":
                return new Hl7SourceAdapter(hl7Handler(clock));
            case "csv":
                return new CsvSourceAdapter(mapping == null ? CsvMapping.example() : CsvMapping.read(mapping), clock);
            default:
                SourceAdapters adapters = SourceAdapters.discover();
                return adapters.forFormat(name).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                        "Unknown format '" + name + "'; available: " + String.join(", ", withBuiltIns(adapters.formats()))));
        }
    }

    private Hl7MessageHandler hl7Handler(Clock clock) {
        Hl7Options options = Hl7Options.inZone(zone == null ? ZoneId.systemDefault() : zone);
        if (facility != null) {
            options = options.withDefaultFacility(facility);
        }
        return new Hl7MessageHandler(options, clock);
    }

    private static List<String> withBuiltIns(List<String> discovered) {
        return Stream.concat(Stream.of("csv", "hl7"), discovered.stream()).distinct().sorted().toList();
    }

    /** Files as given; directories expanded to their regular, non-hidden files in path order. */
    static List<Path> expand(List<Path> paths) throws IOException {
        List<Path> expanded = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile)
                            .filter(file -> !file.getFileName().toString().startsWith("."))
                            .sorted()
                            .forEach(expanded::add);
                }
            }
            else {
                expanded.add(path);
            }
        }
        return expanded;
    }

    /** Lets the Console print through picocli's writers, which tests capture. */
    private static final class WriterOutputStream extends java.io.OutputStream {
        private final PrintWriter writer;
        private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

        WriterOutputStream(PrintWriter writer) {
            this.writer = writer;
        }

        @Override
        public synchronized void write(int b) {
            line.write(b);
        }

        @Override
        public synchronized void flush() {
            writer.print(line.toString(java.nio.charset.StandardCharsets.UTF_8));
            writer.flush();
            line.reset();
        }

        @Override
        public void close() {
            flush();
        }
    }
}
