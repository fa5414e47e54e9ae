package io.admitto.api.testing;

import io.admitto.api.server.ReportingServer;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;

/**
 * The API in a JVM of its own, for tests that kill it: {@code ServerProcessMain <warehouse> <state dir>}
 * prints {@code READY <base uri>} once it serves, then runs until the process is killed.
 */
public final class ServerProcessMain
{
    private ServerProcessMain() {}

    public static void main(String[] args)
            throws InterruptedException
    {
        ReportingServer server = TestServers.start(TestServers.config(Path.of(args[0]), Path.of(args[1])), new RecordingAuditLog(), Clock.systemUTC());
        System.out.println("READY " + server.uri());
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
