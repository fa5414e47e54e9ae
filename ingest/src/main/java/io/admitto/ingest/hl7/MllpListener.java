package io.admitto.ingest.hl7;

import io.admitto.ingest.source.IngestSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Flushable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static java.util.Objects.requireNonNull;

/**
 * Receives HL7 v2 messages over MLLP ({@code <VT> message <FS><CR>}) and answers each with an
 * acknowledgment, in original mode:
 * <ul>
 *   <li>{@code AA} once the message's events are <em>durable</em>: handed to the sink and flushed, so an
 *       acknowledged message is never lost;</li>
 *   <li>{@code AE} when it parses but cannot be mapped (the reason in MSA-3/ERR) — dead-lettered;</li>
 *   <li>{@code AR} when it cannot be parsed at all — dead-lettered with the peer as origin — and when the
 *       sink cannot store it (Kafka down), so the sender keeps it and sends it again.</li>
 * </ul>
 * Serves several connections at once, one thread each; messages on one connection are handled in order.
 * Bytes outside a frame are ignored; a frame cut off by a closing connection was never acknowledged and is
 * dropped (the sender resends it; event ids are deterministic, so nothing is counted twice).
 */
public final class MllpListener implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MllpListener.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    /**
     * @param bindAddress the interface to listen on; loopback unless the feed comes from another host
     * @param port 0 for an ephemeral port (see {@link #port()})
     */
    public record Config(InetAddress bindAddress, int port) {
        public Config {
            requireNonNull(bindAddress, "bindAddress is null");
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
        }

        /** 127.0.0.1 on {@code port}. */
        public static Config loopback(int port) {
            return new Config(InetAddress.getLoopbackAddress(), port);
        }
    }

    private final Config config;
    private final Hl7MessageHandler handler;
    private final IngestSink sink;
    private final Flushable durability;
    private final Clock clock;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final AtomicLong ackSequence = new AtomicLong();
    private final AtomicInteger threadSequence = new AtomicInteger();
    private final ExecutorService workers;
    private ServerSocket serverSocket;
    private Thread acceptor;
    private volatile boolean closing;

    /**
     * @param sink where events and dead letters go
     * @param durability flushed after a message reached the sink and before it is acknowledged; returns
     *        only when what was handed to the sink is stored (e.g. {@code EventPublisher::flush})
     */
    public MllpListener(Config config, Hl7MessageHandler handler, IngestSink sink, Flushable durability, Clock clock) {
        this.config = requireNonNull(config, "config is null");
        this.handler = requireNonNull(handler, "handler is null");
        this.sink = requireNonNull(sink, "sink is null");
        this.durability = requireNonNull(durability, "durability is null");
        this.clock = requireNonNull(clock, "clock is null");
        ThreadFactory threads = runnable -> {
            Thread thread = new Thread(runnable, "mllp-connection-" + threadSequence.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.workers = Executors.newCachedThreadPool(threads);
    }

    /** Binds and starts accepting connections. */
    public synchronized MllpListener start() throws IOException {
        if (serverSocket != null) {
            throw new IllegalStateException("already started");
        }
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(config.bindAddress(), config.port()), 50);
        serverSocket = socket;
        acceptor = new Thread(this::acceptConnections, "mllp-acceptor-" + socket.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
        log.info("MLLP listener on {}:{}", config.bindAddress().getHostAddress(), socket.getLocalPort());
        return this;
    }

    /** The port bound (the ephemeral one when configured with 0). */
    public synchronized int port() {
        if (serverSocket == null) {
            throw new IllegalStateException("not started");
        }
        return serverSocket.getLocalPort();
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(config.bindAddress(), port());
    }

    private void acceptConnections() {
        while (!closing) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            }
            catch (IOException e) {
                if (!closing) {
                    log.error("MLLP listener stopped accepting connections", e);
                }
                return;
            }
            connections.add(socket);
            try {
                workers.execute(() -> serve(socket));
            }
            catch (RuntimeException e) {
                // rejected: we are closing
                closeQuietly(socket);
                connections.remove(socket);
            }
        }
    }

    private void serve(Socket socket) {
        String origin = "mllp://" + socket.getInetAddress().getHostAddress() + ":" + socket.getPort();
        log.info("MLLP connection from {}", origin);
        try (socket; InputStream input = new BufferedInputStream(socket.getInputStream()); OutputStream output = socket.getOutputStream()) {
            MllpFrameReader frames = new MllpFrameReader(input, handler.maxMessageBytes());
            int index = 0;
            MllpFrameReader.Frame frame;
            while ((frame = frames.next()) != null) {
                index++;
                String ack = acknowledge(frame, index, origin);
                output.write(Hl7Framing.START_BLOCK);
                output.write(ack.getBytes(StandardCharsets.UTF_8));
                output.write(Hl7Framing.END_BLOCK);
                output.write(Hl7Framing.CARRIAGE_RETURN);
                output.flush();
            }
        }
        catch (SocketException e) {
            if (!closing) {
                log.info("MLLP connection from {} ended: {}", origin, e.getMessage());
            }
        }
        catch (IOException | RuntimeException e) {
            log.warn("MLLP connection from {} failed", origin, e);
        }
        finally {
            connections.remove(socket);
            log.info("MLLP connection from {} closed", origin);
        }
    }

    private String acknowledge(MllpFrameReader.Frame frame, int index, String origin) {
        String text = Hl7Charsets.decode(frame.bytes(), 0, frame.bytes().length);
        RawHl7Message raw = RawHl7Message.of(text, index);
        if (frame.truncated()) {
            raw = new RawHl7Message(raw.text(), index, raw.segmentLines(), true);
        }
        Hl7Outcome outcome;
        try {
            outcome = handler.handle(raw, origin, sink);
            durability.flush();
        }
        catch (IOException | RuntimeException e) {
            // not stored: reject, so the sender keeps the message and sends it again
            log.error("MLLP message {} from {} could not be stored", index, origin, e);
            return ack(raw, Hl7Acks.REJECT, "Admitto could not store the message, send it again: " + e.getMessage());
        }
        if (outcome instanceof Hl7Outcome.Accepted) {
            return ack(raw, Hl7Acks.ACCEPT, null);
        }
        if (outcome instanceof Hl7Outcome.Unmappable unmappable) {
            return ack(raw, Hl7Acks.ERROR, unmappable.reason());
        }
        return ack(raw, Hl7Acks.REJECT, ((Hl7Outcome.Unparseable) outcome).reason());
    }

    private String ack(RawHl7Message raw, String code, String reason) {
        return Hl7Acks.ack(raw.text(), code, reason, "ADMITTO" + ackSequence.incrementAndGet(), OffsetDateTime.now(clock));
    }

    /** Stops accepting, closes every connection, and waits for their threads to end. Idempotent. */
    @Override
    public void close() {
        ServerSocket socket;
        synchronized (this) {
            if (closing) {
                return;
            }
            closing = true;
            socket = serverSocket;
        }
        if (socket != null) {
            closeQuietly(socket);
        }
        workers.shutdown();
        for (Socket connection : connections) {
            closeQuietly(connection);
        }
        try {
            if (acceptor != null) {
                acceptor.join(CLOSE_TIMEOUT.toMillis());
            }
            if (!workers.awaitTermination(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("MLLP connections still busy after {}", CLOSE_TIMEOUT);
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        }
        catch (Exception e) {
            // closing anyway
        }
    }

    /** Reads MLLP frames from a stream. */
    static final class MllpFrameReader {
        record Frame(byte[] bytes, boolean truncated) {}

        private final InputStream input;
        private final int maxMessageBytes;

        MllpFrameReader(InputStream input, int maxMessageBytes) {
            this.input = requireNonNull(input, "input is null");
            this.maxMessageBytes = maxMessageBytes;
        }

        /** The next complete frame, or null at the end of the stream (a partial frame is dropped). */
        Frame next() throws IOException {
            int b;
            do {
                b = input.read();
                if (b < 0) {
                    return null;
                }
            }
            while (b != Hl7Framing.START_BLOCK);
            ByteArrayOutputStream message = new ByteArrayOutputStream(1024);
            boolean truncated = false;
            while (true) {
                b = input.read();
                if (b < 0) {
                    return null;
                }
                if (b == Hl7Framing.END_BLOCK) {
                    // the trailing CR is required by MLLP; tolerate senders that omit it
                    input.mark(1);
                    int next = input.read();
                    if (next != Hl7Framing.CARRIAGE_RETURN && next >= 0) {
                        input.reset();
                    }
                    return new Frame(message.toByteArray(), truncated);
                }
                if (b == Hl7Framing.START_BLOCK) {
                    // a new frame began before this one ended: the sender gave up on it; start again
                    message.reset();
                    truncated = false;
                    continue;
                }
                if (message.size() < maxMessageBytes) {
                    message.write(b);
                }
                else {
                    truncated = true;
                }
            }
        }
    }
}
