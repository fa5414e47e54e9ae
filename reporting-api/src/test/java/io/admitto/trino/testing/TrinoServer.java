package io.admitto.trino.testing;

import io.admitto.api.security.Role;
import io.admitto.trino.TrinoConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * A real single-node Trino server on 127.0.0.1 for tests: the {@code trino-server-core} tarball with
 * the Hive plugin, fetched by Maven's {@code trino} profile (see the parent pom; {@link #installation()}),
 * run on a JDK >= 24 ({@link TrinoJava}).
 *
 * <pre>{@code
 * try (TrinoServer trino = TrinoServer.start(workDirectory, etcAdditions)) {
 *     try (Connection connection = trino.connect("admin")) { ... }
 * }
 * }</pre>
 *
 * {@code etcAdditions} is copied into the server's {@code etc/}: catalogs under {@code catalog/}, and
 * {@code access-control.properties} / {@code group-provider.properties} when present (what
 * {@code admitto trino-config} writes). Startup takes 20-30 s; share one server per test class.
 */
public final class TrinoServer
        implements AutoCloseable
{
    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final int port;
    private final Path log;

    private TrinoServer(Process process, int port, Path log)
    {
        this.process = requireNonNull(process, "process is null");
        this.port = port;
        this.log = requireNonNull(log, "log is null");
    }

    /**
     * The server installation: unpacked once, beside the archives that the {@code trino} Maven profile copies
     * to {@code -Dadmitto.trino.archives} ({@code target/trino/archives}), into {@code target/trino/server}.
     */
    public static synchronized Path installation()
            throws IOException
    {
        String configured = System.getProperty("admitto.trino.archives", "");
        Path archives = Path.of(configured);
        if (configured.isBlank() || !Files.isDirectory(archives)) {
            throw new IllegalStateException("No Trino archives at -Dadmitto.trino.archives=" + configured
                    + ": run the build with the trino profile (./admitto test does when a JDK >= 24 is present)");
        }
        Path serverArchive = single(archives, "trino-server-core-", ".tar.gz");
        Path hiveArchive = single(archives, "trino-hive-", ".zip");
        String folder = serverArchive.getFileName().toString().replace(".tar.gz", "");
        Path servers = archives.resolveSibling("server");
        Path home = servers.resolve(folder);
        if (Files.isExecutable(home.resolve("bin/launcher"))) {
            return home;
        }
        Path unpacking = Files.createDirectories(archives.resolveSibling("unpacking"));
        // The tarball's plugins share jars through hard links, which only a real tar restores.
        run(new ProcessBuilder("tar", "-xzf", serverArchive.toString(), "-C", unpacking.toString()));
        unzip(hiveArchive, unpacking.resolve(folder).resolve("plugin"));
        Files.createDirectories(servers);
        Files.move(unpacking.resolve(folder), home, StandardCopyOption.ATOMIC_MOVE);
        return home;
    }

    /**
     * A server with what {@code admitto trino-config} wrote into {@code trinoConfigOut} (its {@code etc/}),
     * and that configuration's DDL applied as an admin: the warehouse's tables are ready to query.
     */
    public static TrinoServer startWithAdmittoTables(Path workDirectory, Path trinoConfigOut)
            throws IOException, SQLException
    {
        TrinoServer server = start(workDirectory, trinoConfigOut.resolve("etc"));
        try {
            server.execute(Role.ADMIN.wireName(), Files.readString(trinoConfigOut.resolve(TrinoConfig.DDL_FILE)));
            return server;
        }
        catch (IOException | SQLException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    public static TrinoServer start(Path workDirectory, Path etcAdditions)
            throws IOException
    {
        return start(workDirectory, etcAdditions, "1G");
    }

    /** @param maxHeap the server's {@code -Xmx}, e.g. {@code 1G}; query memory is capped at 60% of it. */
    public static TrinoServer start(Path workDirectory, Path etcAdditions, String maxHeap)
            throws IOException
    {
        Path home = installation();
        Path java = TrinoJava.require();
        Path etc = workDirectory.resolve("etc");
        Path data = workDirectory.resolve("data");
        Files.createDirectories(etc.resolve("catalog"));
        Files.createDirectories(data);
        if (etcAdditions != null) {
            copyTree(etcAdditions, etc);
        }
        int port = freePort();
        Files.writeString(etc.resolve("node.properties"), """
                node.environment=test
                node.id=admitto-test
                node.data-dir=%s
                node.bind-ip=127.0.0.1
                node.internal-address=127.0.0.1
                """.formatted(data));
        long heapMegabytes = megabytes(maxHeap);
        List<String> config = new ArrayList<>(List.of(
                "coordinator=true",
                "node-scheduler.include-coordinator=true",
                "http-server.http.port=" + port,
                "discovery.uri=http://127.0.0.1:" + port,
                // One node on a shared, loaded machine: a heartbeat missed while the CPU is starved must not
                // mark the only node failed ("No nodes available to run query" mid-test).
                "failure-detector.enabled=false",
                "query.max-memory=" + heapMegabytes * 6 / 10 + "MB",
                "query.max-memory-per-node=" + heapMegabytes * 6 / 10 + "MB",
                "plugin.dir=" + home.resolve("plugin"),
                "catalog.config-dir=" + etc.resolve("catalog")));
        if (Files.exists(etc.resolve("access-control.properties"))) {
            config.add("access-control.config-files=" + etc.resolve("access-control.properties"));
        }
        // etc/group-provider.properties has no such setting: Trino reads it from the working directory's etc/,
        // which the launcher links to --etc-dir.
        Files.write(etc.resolve("config.properties"), config);
        Files.writeString(etc.resolve("jvm.config"), """
                -server
                -Xmx%s
                -XX:+UseG1GC
                -XX:+ExplicitGCInvokesConcurrent
                -XX:+ExitOnOutOfMemoryError
                -XX:-OmitStackTraceInFastThrow
                -XX:ReservedCodeCacheSize=256M
                -XX:+EnableDynamicAgentLoading
                -Djdk.attach.allowAttachSelf=true
                -Dfile.encoding=UTF-8
                """.formatted(maxHeap));
        Files.writeString(etc.resolve("log.properties"), "io.trino=INFO\n");

        Path log = workDirectory.resolve("trino.log");
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/launcher").toString(), "run",
                "--etc-dir", etc.toString(), "--data-dir", data.toString())
                .directory(workDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", java.toString());
        builder.environment().put("PATH", java.resolve("bin") + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        TrinoServer server = new TrinoServer(builder.start(), port, log);
        try {
            server.awaitReady();
            server.awaitSchedulableNode();
            return server;
        }
        catch (RuntimeException | Error e) {
            server.close();
            throw e;
        }
    }

    public int port()
    {
        return port;
    }

    public String jdbcUrl()
    {
        return "jdbc:trino://127.0.0.1:" + port;
    }

    /** A JDBC connection as {@code user}; without authentication Trino takes the name the client gives. */
    public Connection connect(String user)
            throws SQLException
    {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        return DriverManager.getConnection(jdbcUrl(), properties);
    }

    /** Runs each statement of a script ({@code ;} ends a statement outside quotes) as {@code user}. */
    public void execute(String user, String script)
            throws SQLException
    {
        try (Connection connection = connect(user); Statement statement = connection.createStatement()) {
            for (String sql : SqlScript.statements(script)) {
                statement.execute(sql);
            }
        }
    }

    public Path log()
    {
        return log;
    }

    @Override
    public void close()
    {
        // The launcher may run the JVM as a child: stop the whole tree.
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(STOP_TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            }
            catch (Exception e) {
                handle.destroyForcibly();
            }
        }
    }

    private void awaitReady()
    {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest info = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/info"))
                .timeout(Duration.ofSeconds(5))
                .build();
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Trino exited with " + process.exitValue() + " while starting:\n" + tail());
            }
            try {
                HttpResponse<String> response = http.send(info, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"starting\":false")) {
                    return;
                }
            }
            catch (IOException e) {
                // not listening yet
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause();
        }
        throw new IllegalStateException("Trino did not start within " + STARTUP_TIMEOUT + ":\n" + tail());
    }

    /**
     * "Started" is not "can run a query": the scheduler's view of the active nodes is refreshed a few seconds
     * after start, and until then any query with splits fails with "No nodes available to run query" (a CI
     * run saw the first three tests of a class fail so, the rest pass). So wait for a query whose splits the
     * scheduler places — the built-in {@code sequence} table function, which reads no catalog.
     */
    private void awaitSchedulableNode()
    {
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        SQLException last = null;
        while (Instant.now().isBefore(deadline)) {
            try (Connection connection = connect("admin");
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT count(*) FROM TABLE(sequence(start => 1, stop => 3))")) {
                rows.next();
                return;
            }
            catch (SQLException e) {
                if (!String.valueOf(e.getMessage()).contains("No nodes available")) {
                    throw new IllegalStateException("Trino cannot run a probe query:\n" + tail(), e);
                }
                last = e;
            }
            pause();
        }
        throw new IllegalStateException("Trino had no node to run queries on within " + STARTUP_TIMEOUT + ":\n" + tail(), last);
    }

    private static void pause()
    {
        try {
            Thread.sleep(250);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String tail()
    {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        }
        catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static long megabytes(String heap)
    {
        String number = heap.substring(0, heap.length() - 1);
        return switch (Character.toUpperCase(heap.charAt(heap.length() - 1))) {
            case 'G' -> Long.parseLong(number) * 1024;
            case 'M' -> Long.parseLong(number);
            default -> throw new IllegalArgumentException("Heap size like 1G or 1536M: " + heap);
        };
    }

    private static Path single(Path folder, String prefix, String suffix)
            throws IOException
    {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> matches = files.filter(file -> {
                String name = file.getFileName().toString();
                return name.startsWith(prefix) && name.endsWith(suffix);
            }).toList();
            if (matches.size() != 1) {
                throw new IllegalStateException("Expected one " + prefix + "*" + suffix + " in " + folder + ", found " + matches);
            }
            return matches.get(0);
        }
    }

    private static void run(ProcessBuilder command)
            throws IOException
    {
        Process process = command.redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        try {
            if (process.waitFor() != 0) {
                throw new IOException(String.join(" ", command.command()) + " failed: " + output);
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static void unzip(Path archive, Path into)
            throws IOException
    {
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(Files.newInputStream(archive))) {
            for (java.util.zip.ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("Zip entry outside the target folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                }
                else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static int freePort()
            throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void copyTree(Path from, Path to)
            throws IOException
    {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                }
                else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
