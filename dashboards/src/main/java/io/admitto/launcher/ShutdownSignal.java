package io.admitto.launcher;

import org.apache.logging.log4j.LogManager;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns Ctrl-C (JVM shutdown) into an orderly stop: {@link #await()} returns when the signal arrives,
 * and the JVM waits (bounded) until the caller has closed what it opened and called {@link #stopped()},
 * so the HTTP server, the Flink job and the Kafka broker shut down cleanly and nothing committed is lost.
 */
final class ShutdownSignal {
    private static final Duration CLEANUP_BOUND = Duration.ofSeconds(30);

    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);

    ShutdownSignal() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            requested.countDown();
            try {
                stopped.await(CLEANUP_BOUND.toSeconds(), TimeUnit.SECONDS);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            finally {
                LogManager.shutdown();
            }
        }, "admitto-shutdown"));
    }

    void await() throws InterruptedException {
        requested.await();
    }

    void stopped() {
        stopped.countDown();
    }
}
