package io.admitto.api.server;

import io.admitto.api.security.Role;
import io.admitto.api.testing.ApiClient;
import io.admitto.api.testing.JobWrittenWarehouse;
import io.admitto.api.testing.TestServers;
import io.admitto.events.EventJson;
import io.admitto.events.EventType;
import io.admitto.ingest.generator.GeneratorConfig;
import io.admitto.tables.Tables;

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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A bounded load benchmark of the API on loopback (not a test: run it by hand, figures go to
 * docs/benchmarks.md). It starts the API on DuckDB over a warehouse, signs in, and for 50 and 200
 * concurrent clients sends a fixed number of requests to each endpoint, reporting p50/p95/p99 latency and
 * requests per second, in three ways: the same request over and over (what a dashboard's default view
 * does; answers come from the answer cache after the first), the KPI endpoints with a different date
 * window and facility on every request (mostly cache misses), and the KPI endpoints with the cache turned
 * off. It also times each endpoint's first, cold answer. In the same run it computes the registration
 * volume KPI by hand from the raw registration events with DuckDB, for the ratio.
 *
 * <p>Either the benchmark writes a small warehouse with the real jobs ({@code [days] [daily encounters]
 * [requests]}), or it reads a given one with the raw registration events it came from:
 * {@code --warehouse DIR --raw FILE --raw-copies N [--requests N] [--varied N] [--only PREFIX]} (the scaled 10M warehouse
 * of docs/benchmarks.md: the week's registration events, read N times).
 *
 * <pre>{@code
 * ./admitto bench reporting-api --main io.admitto.api.server.ApiLoadBenchmark --warehouse DIR --raw FILE --raw-copies 215
 * }</pre>
 */
public final class ApiLoadBenchmark
{
    private static final List<String> ALL_ENDPOINTS = List.of(
            "/api/kpi/registration-volume",
            "/api/kpis",
            "/api/quality/registrars",
            "/api/denials/summary",
            "/api/denials?size=50",
            "/api/wait-times",
            "/api/rules",
            "/api/freshness",
            "/api/queue?size=50");
    private static final List<String> ALL_KPI_ENDPOINTS = List.of("/api/kpi/registration-volume", "/api/kpis");
    private static final List<String> FACILITIES = List.of("", "F01", "F02", "F03", "F04");
    private static final int[] CONCURRENCY = {50, 200};
    private static final String TABLE_HEADER = "| clients | endpoint | requests | errors | p50 ms | p95 ms | p99 ms | req/s |\n|---|---|---|---|---|---|---|---|";

    private ApiLoadBenchmark() {}

    public static void main(String[] args)
            throws Exception
    {
        List<String> arguments = List.of(args);
        // --only PREFIX: just the endpoints starting with it
        String only = arguments.contains("--only") ? arguments.get(arguments.indexOf("--only") + 1) : "/";
        List<String> endpoints = ALL_ENDPOINTS.stream().filter(endpoint -> endpoint.startsWith(only)).toList();
        List<String> kpiEndpoints = ALL_KPI_ENDPOINTS.stream().filter(endpoint -> endpoint.startsWith(only)).toList();
        Path directory = Files.createTempDirectory("admitto-api-bench-");
        Path warehouse;
        Path raw;
        int rawCopies;
        int requests;
        int varied;
        if (arguments.contains("--warehouse")) {
            warehouse = Path.of(option(arguments, "--warehouse", null));
            raw = Path.of(option(arguments, "--raw", null));
            rawCopies = Integer.parseInt(option(arguments, "--raw-copies", "1"));
            requests = Integer.parseInt(option(arguments, "--requests", "1000"));
            varied = Integer.parseInt(option(arguments, "--varied", "400"));
        }
        else {
            int days = args.length > 0 ? Integer.parseInt(args[0]) : 7;
            int dailyEncounters = args.length > 1 ? Integer.parseInt(args[1]) : 250;
            requests = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
            varied = requests;
            warehouse = directory.resolve("warehouse");
            raw = directory.resolve("registration.ndjson");
            rawCopies = 1;
            writeWarehouse(directory, warehouse, raw, days, dailyEncounters);
        }
        List<LocalDate> days = partitionDays(warehouse);
        System.out.printf(Locale.ROOT, "warehouse %s: %d days of department_hourly (%s to %s)%n", warehouse, days.size(), days.get(0), days.get(days.size() - 1));

        ReportingServerConfig config = TestServers.config(warehouse, directory.resolve("state"));
        LocalDate newest = days.get(days.size() - 1);
        // the dashboards' "Last 30 days of data" preset: 30 days up to the newest day with data
        String lastThirtyDays = "from=" + newest.minusDays(29) + "&to=" + newest;
        long apiTotal;
        try (ReportingServer server = TestServers.start(config, Clock.systemUTC())) {
            String token = token(server.uri());
            System.out.println("\nFirst (cold) answer of each endpoint, one client, answer cache on:\n\n"
                    + "| endpoint | last 30 days ms | JSON bytes | all dates ms | JSON bytes |\n|---|---|---|---|---|");
            for (String endpoint : endpoints) {
                String recent = withFilter(endpoint, lastThirtyDays);
                System.out.printf(Locale.ROOT, "| `%s` | %.0f | %,d | %.0f | %,d |%n", endpoint,
                        run(server.uri(), token, List.of(recent), 1, 1).p50(), bytes(server.uri(), token, recent),
                        run(server.uri(), token, List.of(endpoint), 1, 1).p50(), bytes(server.uri(), token, endpoint));
            }
            apiTotal = new ApiClient(server.uri()).loggedInAs(Role.QA_REVIEWER)
                    .json(new ApiClient(server.uri()).loggedInAs(Role.QA_REVIEWER).get("/api/kpi/registration-volume")).get("totalRegistrations").asLong();

            System.out.println("\nThe same request over and over, last 30 days of data (answer cache on):\n\n" + TABLE_HEADER);
            for (int clients : CONCURRENCY) {
                for (String endpoint : endpoints) {
                    String request = withFilter(endpoint, lastThirtyDays);
                    run(server.uri(), token, List.of(request), clients, requests); // warm-up (JIT)
                    System.out.println(run(server.uri(), token, List.of(request), clients, requests).row(clients, request));
                }
            }

            System.out.println("\nThe same request over and over, all dates (answer cache on):\n\n" + TABLE_HEADER);
            for (int clients : CONCURRENCY) {
                for (String endpoint : endpoints) {
                    if (endpoint.equals("/api/kpi/registration-volume") || endpoint.startsWith("/api/queue")) {
                        // too big to keep (every hour of four years; every flagged registration of four years):
                        // each request computes them again, see the cold table
                        continue;
                    }
                    run(server.uri(), token, List.of(endpoint), clients, requests); // warm-up (JIT)
                    System.out.println(run(server.uri(), token, List.of(endpoint), clients, requests).row(clients, endpoint));
                }
            }

            System.out.println("\nA different 7-day window and facility on every request (answer cache on, mostly misses):\n\n" + TABLE_HEADER);
            Random random = new Random(42);
            for (int clients : CONCURRENCY) {
                for (String endpoint : kpiEndpoints) {
                    List<String> distinct = new ArrayList<>();
                    for (int i = 0; i < varied; i++) {
                        LocalDate from = days.get(random.nextInt(days.size()));
                        String facility = FACILITIES.get(random.nextInt(FACILITIES.size()));
                        distinct.add(endpoint + "?from=" + from + "&to=" + from.plusDays(6) + (facility.isEmpty() ? "" : "&facility=" + facility));
                    }
                    System.out.println(run(server.uri(), token, distinct, clients, varied).row(clients, endpoint + "?from&to&facility (varied)"));
                }
            }
        }

        try (ReportingServer server = TestServers.start(config.withoutAnswerCache(), Clock.systemUTC())) {
            String token = token(server.uri());
            System.out.println("\nThe same request over and over, last 30 days of data, answer cache off (every request runs its queries):\n\n" + TABLE_HEADER);
            for (int clients : CONCURRENCY) {
                for (String endpoint : kpiEndpoints) {
                    String request = withFilter(endpoint, lastThirtyDays);
                    run(server.uri(), token, List.of(request), clients, clients); // warm-up
                    System.out.println(run(server.uri(), token, List.of(request), clients, varied).row(clients, request + " (no cache)"));
                }
            }
        }
        if (only.equals("/")) {
            handComputed(raw, rawCopies, apiTotal);
        }
    }

    private static long bytes(URI base, String token, String endpoint)
            throws Exception
    {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(endpoint)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofMinutes(10)).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray()).body().length;
    }

    private static String withFilter(String endpoint, String filter)
    {
        return endpoint + (endpoint.contains("?") ? "&" : "?") + filter;
    }

    private static String option(List<String> arguments, String name, String defaultValue)
    {
        int index = arguments.indexOf(name);
        if (index < 0 || index + 1 >= arguments.size()) {
            if (defaultValue == null) {
                throw new IllegalArgumentException(name + " is required with --warehouse");
            }
            return defaultValue;
        }
        return arguments.get(index + 1);
    }

    private static void writeWarehouse(Path directory, Path warehouse, Path raw, int days, int dailyEncounters)
            throws IOException
    {
        long started = System.nanoTime();
        EventJson json = new EventJson();
        GeneratorConfig config = GeneratorConfig.defaults(42).withDays(days).withFacilities(2).withDailyEncountersPerFacility(dailyEncounters);
        try (BufferedWriter events = Files.newBufferedWriter(raw, StandardCharsets.UTF_8)) {
            JobWrittenWarehouse.write(config, directory.resolve("kafka"), warehouse, event -> {
                if (event.eventType() == EventType.REGISTRATION_REGISTERED || event.eventType() == EventType.REGISTRATION_ADMITTED) {
                    try {
                        events.write(json.toJson(event));
                        events.newLine();
                    }
                    catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
        }
        System.out.printf(Locale.ROOT, "warehouse: %d days x 2 facilities x %d encounters/day, written in %.0f s%n", days, dailyEncounters,
                (System.nanoTime() - started) / 1e9);
    }

    private static List<LocalDate> partitionDays(Path warehouse)
            throws IOException
    {
        // registrations' days: kpi_daily and denials also hold days of services booked weeks ahead
        try (Stream<Path> partitions = Files.list(Tables.DEPARTMENT_HOURLY.location(warehouse))) {
            return partitions.map(path -> path.getFileName().toString())
                    .filter(name -> name.startsWith(Tables.DEPARTMENT_HOURLY.partitionColumn().name() + "="))
                    .map(name -> LocalDate.parse(name.substring(name.indexOf('=') + 1)))
                    .sorted()
                    .toList();
        }
    }

    private static String token(URI base)
    {
        return new ApiClient(base).json(new ApiClient(base).login("qa", "qa-demo")).get("token").asText();
    }

    /** Latencies of one run; request i goes to endpoints[i % size]. */
    private static Measured run(URI base, String token, List<String> endpoints, int clients, int requests)
            throws Exception
    {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
        List<HttpRequest> prepared = endpoints.stream()
                .map(endpoint -> HttpRequest.newBuilder(base.resolve(endpoint)).header("Authorization", "Bearer " + token)
                        .timeout(Duration.ofMinutes(10)).GET().build())
                .toList();
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
                        HttpResponse<Void> response = http.send(prepared.get(index % prepared.size()), HttpResponse.BodyHandlers.discarding());
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
        return new Measured(requests, errors.get(), percentile(latencies, 0.50), percentile(latencies, 0.95), percentile(latencies, 0.99), requests / seconds);
    }

    private record Measured(int requests, int errors, double p50, double p95, double p99, double perSecond)
    {
        String row(int clients, String endpoint)
        {
            return String.format(Locale.ROOT, "| %d | `%s` | %d | %d | %.1f | %.1f | %.1f | %.0f |", clients, endpoint, requests, errors, p50, p95, p99, perSecond);
        }
    }

    private static double percentile(long[] sorted, double quantile)
    {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    /**
     * The same KPI (registrations per facility and department) from the raw events, by hand in DuckDB: the
     * events file read {@code copies} times (the scaled warehouse holds that many copies of its week).
     */
    private static void handComputed(Path events, int copies, long apiTotal)
            throws Exception
    {
        String files = String.join(", ", Collections.nCopies(copies, "'" + events + "'"));
        String sql = """
                SELECT json_extract_string(json, '$.facilityId') AS facility, json_extract_string(json, '$.department') AS department, count(*) AS registrations
                FROM read_ndjson_objects([%s]) GROUP BY ALL""".formatted(files);
        int runs = copies > 1 ? 3 : 20;
        long[] timings = new long[runs];
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
        System.out.printf(Locale.ROOT, "%nby hand from %d raw registration events (%.1f MB NDJSON x %d) in DuckDB: p50 %.1f ms over %d runs; total %d (API: %d)%n",
                total, Files.size(events) / 1e6, copies, percentile(timings, 0.5), timings.length, total, apiTotal);
    }
}
