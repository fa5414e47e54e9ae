package io.admitto.api.queue;

import com.fasterxml.jackson.databind.JsonNode;
import io.admitto.api.testing.ApiClient;
import io.admitto.api.testing.JobWrittenWarehouse;
import io.admitto.api.testing.ServerProcessMain;
import io.admitto.api.testing.TestServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A decision answered with 200 survives the server process being killed with {@code kill -9} right
 * after the answer: the server runs in a JVM of its own over the embedded (H2 file) review store, is
 * killed without any chance to flush, and a new process on the same state directory shows the decision
 * (and exports it to qa_reviews if the first one had not).
 */
@ExtendWith(JobWrittenWarehouse.class)
final class DecisionDurabilityTest
{
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    @Test
    void aDecisionAnsweredWith200SurvivesKillMinus9(JobWrittenWarehouse.Warehouse warehouse)
            throws Exception
    {
        Path state = warehouse.newStateDirectory("durability");
        String encounter;
        String reviewId;
        Process first = startServer(warehouse.root(), state);
        try {
            ApiClient reviewer = new ApiClient(readyUri(first)).loggedIn("alice", TestServers.password("alice"));
            encounter = reviewer.json(reviewer.get("/api/queue?status=all&size=1")).get("items").get(0).get("encounterId").asText();
            String etag = reviewer.json(reviewer.get("/api/queue/" + encounter)).get("etag").asText();

            HttpResponse<String> decided = reviewer.sendJson("POST", "/api/queue/" + encounter + "/decisions",
                    "{\"decision\":\"confirmed_error\",\"note\":\"survives kill -9\"}", Map.of("If-Match", "\"" + etag + "\""));
            assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
            reviewId = reviewer.json(decided).get("reviewId").asText();
            kill9(first);
        }
        finally {
            first.destroyForcibly();
        }

        Process second = startServer(warehouse.root(), state);
        try {
            ApiClient reviewer = new ApiClient(readyUri(second)).loggedIn("bob", TestServers.password("bob"));
            JsonNode history = reviewer.json(reviewer.get("/api/queue/" + encounter)).get("history");
            assertThat(history).hasSize(1);
            assertThat(history.get(0).get("reviewId").asText()).isEqualTo(reviewId);
            assertThat(history.get(0).get("reviewer").asText()).isEqualTo("alice");
            assertThat(history.get(0).get("note").asText()).isEqualTo("survives kill -9");
            try (Stream<Path> files = Files.walk(warehouse.root().resolve("qa_reviews"))) {
                assertThat(files.map(path -> path.getFileName().toString())).contains("part-" + reviewId + ".parquet");
            }
        }
        finally {
            second.destroyForcibly();
            second.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static Process startServer(Path warehouse, Path state)
            throws IOException
    {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"), ServerProcessMain.class.getName(),
                warehouse.toString(), state.toString())
                .redirectErrorStream(true)
                .start();
    }

    /** Reads the child's output until it says where it serves. */
    private static URI readyUri(Process process)
            throws Exception
    {
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<URI> ready = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = output.readLine(); line != null; line = output.readLine()) {
                    if (line.startsWith("READY ")) {
                        // keep draining so the child never blocks on a full pipe
                        Thread drain = new Thread(() -> output.lines().forEach(ignored -> {}));
                        drain.setDaemon(true);
                        drain.start();
                        return URI.create(line.substring("READY ".length()));
                    }
                }
                throw new IllegalStateException("Server exited before it was ready: " + process.exitValue());
            }
            catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        return ready.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    /** SIGKILL, literally: no shutdown hook, no flush. */
    private static void kill9(Process process)
            throws Exception
    {
        Process kill = new ProcessBuilder("kill", "-9", Long.toString(process.pid())).inheritIO().start();
        assertThat(kill.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(137);
    }
}
