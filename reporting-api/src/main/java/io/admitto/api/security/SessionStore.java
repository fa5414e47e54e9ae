package io.admitto.api.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static java.util.Objects.requireNonNull;

/**
 * Opaque session tokens, kept in memory on the server with a fixed lifetime. A token is 256 random bits;
 * only its SHA-256 is kept, so a heap dump or log of the store reveals no usable token. Sessions do not
 * survive a restart: users log in again.
 */
public final class SessionStore
{
    private static final int TOKEN_BYTES = 32;
    /** Bounds memory if a client logs in in a loop; the oldest sessions go first. */
    private static final int MAX_SESSIONS = 10_000;

    private final Duration lifetime;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> sessionsByTokenHash = new ConcurrentHashMap<>();

    /** A new session and the token that opens it; the token is not stored and cannot be recovered. */
    public record IssuedSession(String token, Session session) {}

    public SessionStore(Duration lifetime, Clock clock)
    {
        this.lifetime = requireNonNull(lifetime, "lifetime is null");
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("session lifetime must be positive: " + lifetime);
        }
        this.clock = requireNonNull(clock, "clock is null");
    }

    public IssuedSession open(User user)
    {
        Instant now = clock.instant();
        sessionsByTokenHash.values().removeIf(session -> !session.expiresAt().isAfter(now));
        if (sessionsByTokenHash.size() >= MAX_SESSIONS) {
            sessionsByTokenHash.entrySet().stream()
                    .min(Map.Entry.comparingByValue(java.util.Comparator.comparing(Session::expiresAt)))
                    .ifPresent(oldest -> sessionsByTokenHash.remove(oldest.getKey()));
        }
        String token = randomToken();
        Session session = new Session(user, now.plus(lifetime), randomToken());
        sessionsByTokenHash.put(hash(token), session);
        return new IssuedSession(token, session);
    }

    /** The live session the token opens; empty for unknown, closed and expired tokens. */
    public Optional<Session> find(String token)
    {
        String key = hash(token);
        Session session = sessionsByTokenHash.get(key);
        if (session == null) {
            return Optional.empty();
        }
        if (!session.expiresAt().isAfter(clock.instant())) {
            sessionsByTokenHash.remove(key, session);
            return Optional.empty();
        }
        return Optional.of(session);
    }

    public void close(String token)
    {
        sessionsByTokenHash.remove(hash(token));
    }

    private String randomToken()
    {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String hash(String token)
    {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
