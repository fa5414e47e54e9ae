package io.admitto.api.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.admitto.api.security.DemoUsers;
import io.admitto.api.security.Role;

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
import java.util.Optional;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * A plain HTTP client for the reporting API, as an outside caller sees it: anonymous, or signed in with a
 * bearer token ({@link #loggedInAs(Role)} logs in as the {@link DemoUsers demo user} of a role, so the server
 * must have been configured with {@code SecurityConfig.demo()}).
 */
public final class ApiClient
{
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI baseUri;
    private final Optional<String> bearerToken;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final ObjectMapper mapper = new ObjectMapper();

    public ApiClient(URI baseUri)
    {
        this(baseUri, Optional.empty());
    }

    private ApiClient(URI baseUri, Optional<String> bearerToken)
    {
        this.baseUri = requireNonNull(baseUri, "baseUri is null");
        this.bearerToken = requireNonNull(bearerToken, "bearerToken is null");
    }

    /** A client of the same server that sends the token as {@code Authorization: Bearer}. */
    public ApiClient withBearerToken(String token)
    {
        return new ApiClient(baseUri, Optional.of(token));
    }

    /** Logs in as the demo user of the role ({@code POST /api/auth/login}) and returns a client sending its token. */
    public ApiClient loggedInAs(Role role)
    {
        DemoUsers.DemoLogin login = DemoUsers.forRole(role);
        return loggedIn(login.name(), login.password());
    }

    /** Logs in with the user name and password; fails the test when the server refuses them. */
    public ApiClient loggedIn(String username, String password)
    {
        HttpResponse<String> response = login(username, password);
        if (response.statusCode() != 200) {
            throw new AssertionError("Login as " + username + " refused: " + response.statusCode() + " " + response.body());
        }
        return withBearerToken(json(response).get("token").asText());
    }

    /** {@code POST /api/auth/login} with the credentials, as it answers. */
    public HttpResponse<String> login(String username, String password)
    {
        return postJson("/api/auth/login", mapper.createObjectNode().put("username", username).put("password", password).toString());
    }

    public HttpResponse<String> get(String pathAndQuery)
    {
        return send("GET", pathAndQuery, "application/json");
    }

    public HttpResponse<String> postJson(String pathAndQuery, String json)
    {
        return send("POST", pathAndQuery, "application/json", Map.of("Content-Type", "application/json"), HttpRequest.BodyPublishers.ofString(json));
    }

    public HttpResponse<String> send(String method, String pathAndQuery, String accept)
    {
        return send(method, pathAndQuery, accept, Map.of(), HttpRequest.BodyPublishers.noBody());
    }

    /** Any request; the bearer token, when this client has one, is added unless {@code headers} set Authorization. */
    public HttpResponse<String> send(String method, String pathAndQuery, String accept, Map<String, String> headers, HttpRequest.BodyPublisher body)
    {
        HttpRequest.Builder builder = HttpRequest.newBuilder(baseUri.resolve(pathAndQuery))
                .timeout(TIMEOUT)
                .header("Accept", accept)
                .method(method, body);
        headers.forEach(builder::header);
        if (bearerToken.isPresent() && headers.keySet().stream().noneMatch("Authorization"::equalsIgnoreCase)) {
            builder.header("Authorization", "Bearer " + bearerToken.get());
        }
        HttpRequest request = builder.build();
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

    /** A request with an optional JSON body and extra headers (If-Match, say), signed in when this client is. */
    public HttpResponse<String> sendJson(String method, String pathAndQuery, String jsonBody, Map<String, String> headers)
    {
        Map<String, String> all = new java.util.HashMap<>(headers);
        if (jsonBody != null) {
            all.put("Content-Type", "application/json");
        }
        return send(method, pathAndQuery, "application/json", all,
                jsonBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody));
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
                    + bearerToken.map(token -> "Authorization: Bearer " + token + "\r\n").orElse("")
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
