package io.admitto.api.server;

import io.admitto.api.sql.AnalyticsQueries;
import io.admitto.api.testing.ApiClient;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

final class ReportingServerTest
{
    @TempDir
    java.nio.file.Path warehouse;

    @Test
    void bindsAnEphemeralPortOnLoopbackAndReportsIt()
    {
        try (ReportingServer server = new ReportingServer(new ReportingServerConfig("127.0.0.1", 0, warehouse), List.of())) {
            server.start();

            assertThat(server.uri().getScheme()).isEqualTo("http");
            assertThat(server.uri().getHost()).isEqualTo("127.0.0.1");
            assertThat(server.uri().getPort()).isPositive();
            assertThat(new ApiClient(server.uri()).get("/api/health").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void hasNoUriBeforeItStarts()
    {
        try (ReportingServer server = new ReportingServer(new ReportingServerConfig("127.0.0.1", 0, warehouse), List.of())) {
            assertThatThrownBy(server::uri).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void releasesItsPortWhenClosed()
    {
        ReportingServer server = new ReportingServer(new ReportingServerConfig("127.0.0.1", 0, warehouse), List.of());
        server.start();
        int port = server.uri().getPort();

        server.close();

        assertThatThrownBy(() -> connect(port)).hasCauseInstanceOf(ConnectException.class);
    }

    @Test
    void servesContributedComponentsWithTheSharedQueriesInjected()
    {
        try (ReportingServer server = new ReportingServer(new ReportingServerConfig("127.0.0.1", 0, warehouse), List.of(EngineNameResource.class))) {
            server.start();

            HttpResponse<String> response = new ApiClient(server.uri()).send("GET", "/test/engine", "text/plain");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("duckdb");
        }
    }

    @Test
    void answersClientsThatOfferAnHttp2UpgradeAsPlainHttp11()
            throws Exception
    {
        try (ReportingServer server = new ReportingServer(new ReportingServerConfig("127.0.0.1", 0, warehouse), List.of())) {
            server.start();
            HttpClient http2Client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();

            HttpResponse<String> response = http2Client.send(
                    HttpRequest.newBuilder(server.uri().resolve("/api/health")).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        }
    }

    @Test
    void defaultsToLoopback()
    {
        ReportingServerConfig config = ReportingServerConfig.forWarehouse(warehouse);

        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.withPort(0).port()).isZero();
    }

    @Test
    void rejectsPortsOutOfRange()
    {
        assertThatThrownBy(() -> new ReportingServerConfig("127.0.0.1", 65_536, warehouse))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReportingServerConfig("127.0.0.1", -1, warehouse))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void connect(int port)
    {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stands in for a dashboards resource: a class the server instantiates, injecting the engine. */
    @PermitAll
    @Path("/test/engine")
    public static final class EngineNameResource
    {
        private final AnalyticsQueries queries;

        @Inject
        public EngineNameResource(AnalyticsQueries queries)
        {
            this.queries = requireNonNull(queries, "queries is null");
        }

        @GET
        @Produces(MediaType.TEXT_PLAIN)
        public String engine()
        {
            return queries.engineName();
        }
    }
}
