package io.admitto.ingest.kafka;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

/**
 * A real single-node Kafka (KRaft, broker and controller in one process) running inside this JVM,
 * listening on 127.0.0.1 only.
 *
 * <p>The data directory belongs to the broker: it is formatted on first use and reused as is
 * afterwards, so a broker started again on the same directory sees every topic, record and committed
 * consumer offset of the previous run. Records are kept forever (no time or size retention) because
 * this broker holds a local, bounded data set whose record timestamps may lie far in the past.
 *
 * <p>Kafka logs through SLF4J; whoever embeds this broker chooses the binding and its levels.
 */
public final class EmbeddedKafkaBroker
        implements AutoCloseable
{
    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    private static final int NODE_ID = 1;
    private static final String LOOPBACK = "127.0.0.1";
    private static final String BROKER_LISTENER = "PLAINTEXT";
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final String LOCK_FILE_NAME = ".admitto-broker.lock";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration READINESS_PROBE_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration READINESS_PROBE_PAUSE = Duration.ofMillis(50);

    /**
     * @param dataDirectory where the broker keeps its metadata and logs; created if missing
     * @param brokerPort client port on 127.0.0.1, 0 to pick a free one
     * @param controllerPort KRaft controller port on 127.0.0.1, 0 to pick a free one
     * @param defaultPartitions partitions of a topic created without an explicit count
     */
    public record Config(Path dataDirectory, int brokerPort, int controllerPort, int defaultPartitions)
    {
        public Config
        {
            requireNonNull(dataDirectory, "dataDirectory is null");
            dataDirectory = dataDirectory.toAbsolutePath();
            checkPort(brokerPort, "brokerPort");
            checkPort(controllerPort, "controllerPort");
            if (defaultPartitions < 1) {
                throw new IllegalArgumentException("defaultPartitions must be positive: " + defaultPartitions);
            }
            if (brokerPort != 0 && brokerPort == controllerPort) {
                throw new IllegalArgumentException("brokerPort and controllerPort must differ: " + brokerPort);
            }
        }

        /** Free ports, four partitions per topic. */
        public static Config inDirectory(Path dataDirectory)
        {
            return new Config(dataDirectory, 0, 0, 4);
        }

        private static void checkPort(int port, String name)
        {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException(name + " out of range: " + port);
            }
        }
    }

    private final Config config;
    private final int brokerPort;
    private final int controllerPort;
    private KafkaRaftServer server;
    private FileLock dataDirectoryLock;
    private String clusterId;
    private boolean closed;

    public EmbeddedKafkaBroker(Config config)
    {
        this.config = requireNonNull(config, "config is null");
        // The controller port must be concrete before start: the static voter list names it.
        // Picking both here also makes bootstrapServers() answerable before start().
        this.brokerPort = config.brokerPort() == 0 ? freeLoopbackPort() : config.brokerPort();
        this.controllerPort = config.controllerPort() == 0 ? freeLoopbackPort(brokerPort) : config.controllerPort();
    }

    /**
     * Formats the data directory if it has never been formatted, starts broker and controller, and
     * returns once the broker answers a cluster description (bounded by a one-minute timeout).
     */
    public synchronized EmbeddedKafkaBroker start()
    {
        if (closed) {
            throw new IllegalStateException("broker was closed");
        }
        if (server != null) {
            throw new IllegalStateException("broker already started");
        }
        long startNanos = System.nanoTime();
        FileLock lock = lockDataDirectory();
        KafkaRaftServer raftServer = null;
        try {
            formatIfNew();
            raftServer = new KafkaRaftServer(KafkaConfig.fromProps(serverProperties(), false), Time.SYSTEM);
            raftServer.startup();
            clusterId = awaitClusterAnswers();
        }
        catch (RuntimeException e) {
            if (raftServer != null) {
                shutDownQuietly(raftServer, e);
            }
            releaseQuietly(lock, e);
            throw e;
        }
        server = raftServer;
        dataDirectoryLock = lock;
        log.info("Kafka broker on {} started in {} ms (data in {})",
                bootstrapServers(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos), config.dataDirectory());
        return this;
    }

    /** {@code 127.0.0.1:<port>} of the client listener. */
    public String bootstrapServers()
    {
        return LOOPBACK + ":" + brokerPort;
    }

    public int controllerPort()
    {
        return controllerPort;
    }

    /** The id written into the data directory when it was formatted; stable across restarts. */
    public synchronized String clusterId()
    {
        if (clusterId == null) {
            throw new IllegalStateException("broker not started");
        }
        return clusterId;
    }

    public Config config()
    {
        return config;
    }

    /** Shuts the broker down cleanly and waits for it; safe to call more than once. */
    @Override
    public synchronized void close()
    {
        closed = true;
        if (server == null) {
            return;
        }
        KafkaRaftServer raftServer = server;
        server = null;
        try {
            raftServer.shutdown();
            raftServer.awaitShutdown();
        }
        finally {
            release(dataDirectoryLock);
            dataDirectoryLock = null;
        }
    }

    /**
     * Kafka locks its log directory only from the broker side, after the controller of a second
     * instance has already started writing the shared metadata log: two instances on one directory
     * would corrupt it. Taking our own lock first keeps the second one out.
     */
    private FileLock lockDataDirectory()
    {
        Path lockFile = config.dataDirectory().resolve(LOCK_FILE_NAME);
        FileChannel channel = null;
        try {
            Files.createDirectories(config.dataDirectory());
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new IllegalStateException("Kafka data directory " + config.dataDirectory() + " is used by another process");
            }
            return lock;
        }
        catch (OverlappingFileLockException e) {
            closeQuietly(channel, e);
            throw new IllegalStateException("Kafka data directory " + config.dataDirectory() + " is used by another broker in this JVM", e);
        }
        catch (IOException e) {
            closeQuietly(channel, e);
            throw new UncheckedIOException("Cannot lock Kafka data directory " + config.dataDirectory(), e);
        }
        catch (RuntimeException e) {
            closeQuietly(channel, e);
            throw e;
        }
    }

    private static void release(FileLock lock)
    {
        try {
            lock.channel().close();
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot release the Kafka data directory lock", e);
        }
    }

    private static void releaseQuietly(FileLock lock, Exception cause)
    {
        try {
            release(lock);
        }
        catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    private static void closeQuietly(FileChannel channel, Exception cause)
    {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        }
        catch (IOException e) {
            cause.addSuppressed(e);
        }
    }

    private Properties serverProperties()
    {
        String dataDirectory = config.dataDirectory().toString();
        Map<String, String> settings = Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", String.valueOf(NODE_ID)),
                // A static voter set keeps the controller address out of the stored metadata, so a
                // restart may pick a different free port.
                Map.entry("controller.quorum.voters", NODE_ID + "@" + LOOPBACK + ":" + controllerPort),
                Map.entry("listeners", BROKER_LISTENER + "://" + LOOPBACK + ":" + brokerPort + ","
                        + CONTROLLER_LISTENER + "://" + LOOPBACK + ":" + controllerPort),
                Map.entry("advertised.listeners", BROKER_LISTENER + "://" + LOOPBACK + ":" + brokerPort),
                Map.entry("listener.security.protocol.map", BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT"),
                Map.entry("controller.listener.names", CONTROLLER_LISTENER),
                Map.entry("inter.broker.listener.name", BROKER_LISTENER),
                Map.entry("log.dirs", dataDirectory),
                Map.entry("metadata.log.dir", dataDirectory),
                Map.entry("num.partitions", String.valueOf(config.defaultPartitions())),
                Map.entry("default.replication.factor", "1"),
                Map.entry("min.insync.replicas", "1"),
                // Internal topics default to replication factor 3: with one node, consumer groups
                // and transactions would never get a coordinator.
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("offsets.topic.num.partitions", "4"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("transaction.state.log.num.partitions", "4"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                // Producers must name topics that exist; a typo should fail, not create a topic.
                Map.entry("auto.create.topics.enable", "false"),
                Map.entry("log.retention.ms", "-1"),
                Map.entry("log.retention.bytes", "-1"),
                Map.entry("log.segment.bytes", String.valueOf(16 * 1024 * 1024)),
                // The default 128 MiB compaction buffer is sized for production; only
                // __consumer_offsets is compacted here.
                Map.entry("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024)));
        Properties properties = new Properties();
        properties.putAll(settings);
        return properties;
    }

    private void formatIfNew()
    {
        Path dataDirectory = config.dataDirectory();
        if (Files.exists(dataDirectory.resolve(MetaPropertiesEnsemble.META_PROPERTIES_NAME))) {
            log.debug("Reusing formatted Kafka data directory {}", dataDirectory);
            return;
        }
        try {
            Files.createDirectories(dataDirectory);
            // What `kafka-storage.sh format --cluster-id <id> --config <file>` runs, minus the file.
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream(), true, UTF_8))
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setMetadataLogDirectory(dataDirectory.toString())
                    .addDirectory(dataDirectory.toString())
                    .run();
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot create Kafka data directory " + dataDirectory, e);
        }
        catch (Exception e) {
            throw new IllegalStateException("Cannot format Kafka data directory " + dataDirectory, e);
        }
    }

    private String awaitClusterAnswers()
    {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        Map<String, Object> adminConfig = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG, "admitto-embedded-broker-probe",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) READINESS_PROBE_TIMEOUT.toMillis(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) READINESS_PROBE_TIMEOUT.toMillis());
        Exception lastFailure = null;
        try (Admin admin = Admin.create(adminConfig)) {
            while (System.nanoTime() < deadline) {
                try {
                    DescribeClusterResult cluster = admin.describeCluster(
                            new DescribeClusterOptions().timeoutMs((int) READINESS_PROBE_TIMEOUT.toMillis()));
                    // Only unfenced brokers are listed: an empty list means "not ready yet".
                    if (!cluster.nodes().get().isEmpty()) {
                        return cluster.clusterId().get();
                    }
                }
                catch (ExecutionException e) {
                    lastFailure = e;
                }
                TimeUnit.MILLISECONDS.sleep(READINESS_PROBE_PAUSE.toMillis());
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the Kafka broker on " + bootstrapServers(), e);
        }
        throw new IllegalStateException(
                "Kafka broker on " + bootstrapServers() + " did not answer within " + STARTUP_TIMEOUT, lastFailure);
    }

    private static void shutDownQuietly(KafkaRaftServer raftServer, Exception cause)
    {
        try {
            raftServer.shutdown();
            raftServer.awaitShutdown();
        }
        catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    private static int freeLoopbackPort(int... avoid)
    {
        for (int attempt = 0; attempt < 10; attempt++) {
            int port;
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0));
                port = socket.getLocalPort();
            }
            catch (IOException e) {
                throw new UncheckedIOException("Cannot find a free port on 127.0.0.1", e);
            }
            if (Arrays.stream(avoid).noneMatch(taken -> taken == port)) {
                return port;
            }
        }
        throw new IllegalStateException("Cannot find a free port on 127.0.0.1");
    }
}
