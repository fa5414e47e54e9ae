package io.admitto.api.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static java.util.Objects.requireNonNull;

/**
 * Slows password guessing: after {@value #FREE_FAILURES} failed logins in a row for one user name, that name
 * is locked for a period that doubles with each further failure, up to {@link #MAX_LOCK}. A success clears
 * the count. Kept per user name (not per address), so a guesser spreading over addresses gains nothing; the
 * price is that anyone can lock a name for a while, which an administrator sees in the log.
 */
public final class LoginThrottle
{
    static final int FREE_FAILURES = 5;
    static final Duration FIRST_LOCK = Duration.ofSeconds(30);
    static final Duration MAX_LOCK = Duration.ofMinutes(15);
    private static final int MAX_TRACKED_NAMES = 100_000;

    private final Clock clock;
    private final Map<String, Failures> failuresByName = new ConcurrentHashMap<>();

    private record Failures(int count, Instant lockedUntil) {}

    public LoginThrottle(Clock clock)
    {
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** How long the name stays locked, if it is locked now. */
    public Optional<Duration> lockRemaining(String userName)
    {
        Failures failures = failuresByName.get(key(userName));
        Instant now = clock.instant();
        if (failures == null || !failures.lockedUntil().isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, failures.lockedUntil()));
    }

    public void failed(String userName)
    {
        if (failuresByName.size() >= MAX_TRACKED_NAMES) {
            Instant now = clock.instant();
            failuresByName.values().removeIf(failures -> failures.lockedUntil().isBefore(now.minus(MAX_LOCK)));
        }
        Instant now = clock.instant();
        failuresByName.compute(key(userName), (name, previous) -> {
            int count = previous == null ? 1 : previous.count() + 1;
            if (count < FREE_FAILURES) {
                return new Failures(count, Instant.MIN);
            }
            int doublings = Math.min(count - FREE_FAILURES, 10);
            Duration lock = FIRST_LOCK.multipliedBy(1L << doublings);
            return new Failures(count, now.plus(lock.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : lock));
        });
    }

    public void succeeded(String userName)
    {
        failuresByName.remove(key(userName));
    }

    private static String key(String userName)
    {
        return userName.toLowerCase(Locale.ROOT);
    }
}
