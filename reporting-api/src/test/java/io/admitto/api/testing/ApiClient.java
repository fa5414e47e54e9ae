package io.admitto.api.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/** A plain HTTP client for the reporting API, as an outside caller sees it. */
public final class ApiClient
{
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI baseUri;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final ObjectMapper mapper = new ObjectMapper();

    public ApiClient(URI baseUri)
    {
        this.baseUri = requireNonNull(baseUri, "baseUri is null");
    }

    public HttpResponse<String> get(String pathAndQuery)
    {
        return send("GET", pathAndQuery, "application/json");
    }

    public HttpResponse<String> send(String method, String pathAndQuery, String accept)
    {
        HttpRequest request = HttpRequest.newBuilder(baseUri.resolve(pathAndQuery))
                .timeout(TIMEOUT)
                .header("Accept", accept)
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A request with headers (alternating names and values) and an optional JSON body. */
    public HttpResponse<String> send(String method, String pathAndQuery, String jsonBody, String... headers)
    {
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUri.resolve(pathAndQuery))
                .timeout(TIMEOUT)
                .header("Accept", "application/json")
                .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody));
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends the request line exactly as given, over a plain socket: Java's HTTP client refuses to send a
     * malformed URI, which is what some tests need to send.
     */
    public RawResponse sendRaw(String method, String rawPathAndQuery)
    {
        try (Socket socket = new Socket(baseUri.getHost(), baseUri.getPort())) {
            socket.setSoTimeout(Math.toIntExact(TIMEOUT.toMillis()));
            OutputStream output = socket.getOutputStream();
            output.write((method + " " + rawPathAndQuery + " HTTP/1.1\r\n"
                    + "Host: " + baseUri.getHost() + ":" + baseUri.getPort() + "\r\n"
                    + "Accept: application/json\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            output.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int headerEnd = response.indexOf("\r\n\r\n");
            List<String> head = List.of(response.substring(0, headerEnd).split("\r\n"));
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (String line : head.subList(1, head.size())) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
            }
            return new RawResponse(Integer.parseInt(head.get(0).split(" ")[1]), headers, response.substring(headerEnd + 4));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode json(HttpResponse<String> response)
    {
        return json(response.body());
    }

    public JsonNode json(String body)
    {
        try {
            return mapper.readTree(body);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Not JSON: " + body, e);
        }
    }

    /** A response read off the wire by {@link #sendRaw}; header names are case-insensitive. */
    public record RawResponse(int statusCode, Map<String, String> headers, String body)
    {
        public String contentType()
        {
            return headers.getOrDefault("Content-Type", "");
        }
    }

    public static String contentType(HttpResponse<?> response)
    {
        return response.headers().firstValue("Content-Type").orElse("");
    }
}
