package io.admitto.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.admitto.api.testing.ApiClient;
import io.admitto.events.EventJson;
import io.admitto.ingest.generator.GroundTruth;
import io.admitto.ingest.generator.GroundTruthJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code admitto demo} as a newcomer runs it: the packaged launcher in its own JVM. It must print the
 * ready line with a URL that answers, serve KPIs equal to the ground truth it generated, stop cleanly on
 * SIGTERM (what Ctrl-C sends through the shell), and on a second start serve what it committed without
 * generating again.
 */
class DemoCommandIT {
    private static final Pattern READY = Pattern.compile("Admitto is ready at (http://127\\.0\\.0\\.1:\\d+/)");
    private static final Duration START_BOUND = Duration.ofMinutes(3);

    private final ObjectMapper json = EventJson.newMapper();

    @Test
    void demoServesTheGroundTruthStopsCleanlyAndRestartsWithoutRegenerating(@TempDir Path work) throws Exception {
        Path warehouse = work.resolve("warehouse");

        List<String> firstOutput = Collections.synchronizedList(new ArrayList<>());
        Demo first = start(work, firstOutput, "demo", "--port", "0", "--days", "2", "--daily-encounters", "80",
                "--warehouse", warehouse.toString());
        try {
            URI uri = awaitReady(first.process(), firstOutput);
            ApiClient anonymous = new ApiClient(uri);
            assertThat(anonymous.get("/api/health").statusCode()).isEqualTo(200);
            assertThat(anonymous.get("/api/kpi/registration-volume").statusCode()).isEqualTo(401);
            assertThat(firstOutput).anyMatch(line -> line.matches("\\s+lead\\s+password lead-demo\\s+role leadership"));
            ApiClient api = anonymous.loggedIn("lead", "lead-demo");
            assertThat(api.send("GET", "/", "text/html").statusCode()).isEqualTo(200);

            GroundTruth truth = new GroundTruthJson().read(Backfill.truthFile(warehouse));
            HttpResponse<String> volume = api.get("/api/kpi/registration-volume");
            JsonNode body = json.readTree(volume.body());
            assertThat(body.get("totalRegistrations").asLong()).isEqualTo(truth.kpis().registrationVolume().totalRegistrations());
            assertThat(body.get("hourly").size()).isEqualTo(truth.kpis().departmentHourly().size());
        }
        finally {
            int exitCode = stop(first);
            assertThat(exitCode).as(String.join("\n", firstOutput)).isIn(0, 143);
        }
        assertThat(firstOutput).anyMatch(line -> line.startsWith("First start: generating"));
        assertThat(firstOutput).containsSubsequence("Stopping...", "Stopped.");

        List<String> secondOutput = Collections.synchronizedList(new ArrayList<>());
        Demo second = start(work, secondOutput, "demo", "--port", "0", "--warehouse", warehouse.toString());
        try {
            URI uri = awaitReady(second.process(), secondOutput);
            assertThat(new ApiClient(uri).get("/api/health").statusCode()).isEqualTo(200);
        }
        finally {
            assertThat(stop(second)).isIn(0, 143);
        }
        assertThat(secondOutput).anyMatch(line -> line.startsWith("Serving the tables already in"));
        assertThat(secondOutput).noneMatch(line -> line.startsWith("First start"));
    }

    /** A launched demo and the thread copying its output, which ends when the process closes it. */
    private record Demo(Process process, CompletableFuture<Void> output) {}

    private static Demo start(Path work, List<String> output, String... arguments) throws IOException {
        Path jar = Path.of(System.getProperty("admitto.jar", "target/admitto.jar"));
        assertThat(jar).as("the packaged launcher (run with mvn verify)").isRegularFile();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-jar", jar.toAbsolutePath().toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true);
        builder.environment().put("ADMITTO_LOG_DIR", work.resolve("logs").toString());
        Process process = builder.start();
        CompletableFuture<Void> copying = CompletableFuture.runAsync(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    output.add(line);
                }
            }
            catch (IOException ignored) {
                // the process ended
            }
        });
        return new Demo(process, copying);
    }

    private static URI awaitReady(Process process, List<String> output) throws InterruptedException {
        long deadline = System.nanoTime() + START_BOUND.toNanos();
        while (System.nanoTime() < deadline) {
            synchronized (output) {
                for (String line : output) {
                    Matcher matcher = READY.matcher(line);
                    if (matcher.find()) {
                        return URI.create(matcher.group(1));
                    }
                }
            }
            assertThat(process.isAlive()).as("demo exited early:\n" + String.join("\n", output)).isTrue();
            process.waitFor(200, TimeUnit.MILLISECONDS);
        }
        throw new AssertionError("No ready line within " + START_BOUND + ":\n" + String.join("\n", output));
    }

    /** SIGTERM, as the shell sends on Ctrl-C: the JVM runs its shutdown hooks and exits with 143 (128 + 15). */
    private static int stop(Demo demo) throws Exception {
        // Through the handle: Process.destroy() would also close our end of its output at once, and lose the last lines.
        demo.process().toHandle().destroy();
        if (!demo.process().waitFor(60, TimeUnit.SECONDS)) {
            demo.process().destroyForcibly().waitFor();
            throw new AssertionError("demo did not stop within 60 s of SIGTERM");
        }
        demo.output().get(10, TimeUnit.SECONDS);
        return demo.process().exitValue();
    }
}
