package io.admitto.api.server;

import io.admitto.api.security.Role;
import io.admitto.api.testing.ApiClient;
import io.admitto.api.testing.JobWrittenWarehouse;
import io.admitto.api.testing.TestServers;
import io.admitto.events.EventJson;
import io.admitto.events.EventType;
import io.admitto.ingest.generator.GeneratorConfig;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded load benchmark of the API on loopback (not a test: run it by hand, figures go to
 * docs/benchmarks.md). It writes a warehouse with the real jobs, starts the API on DuckDB, signs in, and
 * for 50 and 200 concurrent clients sends a fixed number of requests to each endpoint, reporting
 * p50/p95/p99 latency and requests per second. In the same run it computes the registration-volume KPI by
 * hand from the raw generated events with DuckDB, for the ratio.
 *
 * <pre>{@code
 * mvn -o -q -pl reporting-api -am test-compile
 * java -cp "$(cat reporting-api/target/test-classpath.txt)" io.admitto.api.server.ApiLoadBenchmark [days] [daily encounters] [requests]
 * }</pre>
 */
public final class ApiLoadBenchmark
{
    private static final List<String> ENDPOINTS = List.of(
            "/api/kpi/registration-volume",
            "/api/kpis",
            "/api/quality/registrars",
            "/api/denials/summary",
            "/api/denials?size=50",
            "/api/wait-times",
            "/api/rules",
            "/api/freshness",
            "/api/queue?size=50");
    private static final int[] CONCURRENCY = {50, 200};

    private ApiLoadBenchmark() {}

    public static void main(String[] args)
            throws Exception
    {
        int days = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        int dailyEncounters = args.length > 1 ? Integer.parseInt(args[1]) : 250;
        int requests = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        Path directory = Files.createTempDirectory("admitto-api-bench-");
        Path warehouse = directory.resolve("warehouse");
        Path events = directory.resolve("registration.ndjson");

        long started = System.nanoTime();
        EventJson json = new EventJson();
        GeneratorConfig config = GeneratorConfig.defaults(42).withDays(days).withFacilities(2).withDailyEncountersPerFacility(dailyEncounters);
        try (BufferedWriter raw = Files.newBufferedWriter(events, StandardCharsets.UTF_8)) {
            JobWrittenWarehouse.write(config, directory.resolve("kafka"), warehouse, event -> {
                if (event.eventType() == EventType.REGISTRATION_REGISTERED || event.eventType() == EventType.REGISTRATION_ADMITTED) {
                    try {
                        raw.write(json.toJson(event));
                        raw.newLine();
                    }
                    catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
        }
        System.out.printf(Locale.ROOT, "warehouse: %d days x 2 facilities x %d encounters/day, written in %.0f s%n", days, dailyEncounters,
                (System.nanoTime() - started) / 1e9);

        try (ReportingServer server = TestServers.start(TestServers.config(warehouse, directory.resolve("state")), Clock.systemUTC())) {
            String token = new ApiClient(server.uri()).json(new ApiClient(server.uri()).login("qa", "qa-demo")).get("token").asText();
            long apiTotal = new ApiClient(server.uri()).loggedInAs(Role.QA_REVIEWER)
                    .json(new ApiClient(server.uri()).loggedInAs(Role.QA_REVIEWER).get("/api/kpi/registration-volume")).get("totalRegistrations").asLong();
            System.out.println("| clients | endpoint | requests | errors | p50 ms | p95 ms | p99 ms | req/s |");
            System.out.println("|---|---|---|---|---|---|---|---|");
            for (int clients : CONCURRENCY) {
                for (String endpoint : ENDPOINTS) {
                    run(server.uri(), token, endpoint, clients, Math.max(clients, requests / 10)); // warm-up
                    System.out.println(run(server.uri(), token, endpoint, clients, requests));
                }
            }
            handComputed(events, apiTotal);
        }
    }

    private static String run(URI base, String token, String endpoint, int clients, int requests)
            throws Exception
    {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
        HttpRequest request = HttpRequest.newBuilder(base.resolve(endpoint)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(120)).GET().build();
        long[] latencies = new long[requests];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long started = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int client = 0; client < clients; client++) {
            workers.add(pool.submit(() -> {
                for (int index = next.getAndIncrement(); index < requests; index = next.getAndIncrement()) {
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    }
                    catch (IOException e) {
                        errors.incrementAndGet();
                    }
                    latencies[index] = System.nanoTime() - sent;
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        Arrays.sort(latencies);
        return String.format(Locale.ROOT, "| %d | `%s` | %d | %d | %.1f | %.1f | %.1f | %.0f |", clients, endpoint, requests, errors.get(),
                percentile(latencies, 0.50), percentile(latencies, 0.95), percentile(latencies, 0.99), requests / seconds);
    }

    private static double percentile(long[] sorted, double quantile)
    {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    /** The same KPI (registrations per facility and department) from the raw events, by hand in DuckDB. */
    private static void handComputed(Path events, long apiTotal)
            throws Exception
    {
        String sql = """
                SELECT json_extract_string(json, '$.facilityId') AS facility, json_extract_string(json, '$.department') AS department, count(*) AS registrations
                FROM read_ndjson_objects('%s') GROUP BY ALL""".formatted(events);
        long[] timings = new long[20];
        long total = 0;
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duckdb.createStatement()) {
            for (int run = 0; run < timings.length; run++) {
                long started = System.nanoTime();
                total = 0;
                try (ResultSet row = statement.executeQuery(sql)) {
                    while (row.next()) {
                        total += row.getLong("registrations");
                    }
                }
                timings[run] = System.nanoTime() - started;
            }
        }
        Arrays.sort(timings);
        System.out.printf(Locale.ROOT, "by hand from %d raw registration events (%.1f MB NDJSON) in DuckDB: p50 %.1f ms over %d runs; total %d (API: %d)%n",
                total, Files.size(events) / 1e6, percentile(timings, 0.5), timings.length, total, apiTotal);
    }
}
