package io.admitto.ingest.generator;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import io.admitto.events.CanonicalEvent;
import io.admitto.events.EventJson;
import io.admitto.events.Topic;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import static java.util.Objects.requireNonNull;

/**
 * Writes each event as one line of JSON, UTF-8, to {@code <directory>/<topic>.ndjson}, one file per
 * topic, in the order received. The JSON is exactly what {@link EventJson} writes (same mapper
 * configuration; Blackbird only replaces reflective accessor calls). Files are created (or truncated)
 * up front, so every topic has a file even when it gets no event.
 *
 * <p>Serialization and I/O run on background threads fed with batches, so they overlap with the
 * generator and with each other. Each topic's file belongs to one writer thread, which consumes its
 * batches in order, so every file is the same whatever the thread scheduling. A write failure is
 * rethrown by the next {@link #accept} or by {@link #close}. Not thread-safe: one producer.
 */
public final class NdjsonEventSink
        implements EventSink
{
    private static final int BATCH_SIZE = 4096;
    private static final int BATCHES_IN_FLIGHT = 4;
    private static final int BUFFER_BYTES = 1 << 18;
    private static final List<CanonicalEvent> END = List.of();

    /**
     * Topics per writer when there are two, balanced by bytes: registrations are few but large (the whole
     * record each time), flow events many but small.
     */
    private static final List<List<Topic>> TWO_WRITERS = List.of(
            List.of(Topic.REGISTRATION, Topic.AUTHORIZATION, Topic.PAYMENTS),
            List.of(Topic.FLOW, Topic.CLAIMS, Topic.ELIGIBILITY));

    private final Map<Topic, TopicWriter> writerOf = new EnumMap<>(Topic.class);
    private final List<TopicWriter> writers = new ArrayList<>();
    private boolean closed;

    /** One writer thread per pair of cores beyond the generator's, at least one, at most two. */
    public NdjsonEventSink(Path directory)
    {
        this(directory, Runtime.getRuntime().availableProcessors() >= 2 ? 2 : 1);
    }

    /** @param writerThreads 1 or 2 */
    public NdjsonEventSink(Path directory, int writerThreads)
    {
        requireNonNull(directory, "directory is null");
        if (writerThreads != 1 && writerThreads != 2) {
            throw new IllegalArgumentException("writerThreads must be 1 or 2: " + writerThreads);
        }
        ObjectMapper mapper = EventJson.newMapper().registerModule(new BlackbirdModule());
        // Each generator separates root values with a newline; close() ends the last line.
        ObjectWriter writer = mapper.writerFor(CanonicalEvent.class)
                .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
                .withRootValueSeparator("\n");
        List<List<Topic>> assignment = writerThreads == 2 ? TWO_WRITERS
                : List.of(List.of(Topic.REGISTRATION, Topic.AUTHORIZATION, Topic.PAYMENTS, Topic.FLOW, Topic.CLAIMS, Topic.ELIGIBILITY));
        try {
            Files.createDirectories(directory);
            for (List<Topic> topics : assignment) {
                TopicWriter topicWriter = new TopicWriter(directory, topics, mapper, writer);
                writers.add(topicWriter);
                topics.forEach(topic -> writerOf.put(topic, topicWriter));
            }
        }
        catch (IOException e) {
            writers.forEach(TopicWriter::closeFiles);
            throw new UncheckedIOException("cannot create event files in " + directory, e);
        }
        writers.forEach(TopicWriter::start);
    }

    /** The file a topic's events go to in {@code directory}. */
    public static Path file(Path directory, Topic topic)
    {
        return directory.resolve(topic.ndjsonFileName());
    }

    @Override
    public void accept(CanonicalEvent event)
    {
        requireNonNull(event, "event is null");
        if (closed) {
            throw new IllegalStateException("sink is closed");
        }
        TopicWriter writer = writerOf.get(event.topic());
        if (writer == null) {
            throw new IllegalArgumentException("no file for topic " + event.topic());
        }
        writer.add(event);
    }

    @Override
    public void close()
    {
        if (closed) {
            return;
        }
        closed = true;
        for (TopicWriter writer : writers) {
            writer.finish();
        }
        RuntimeException failure = null;
        for (TopicWriter writer : writers) {
            try {
                writer.await();
            }
            catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** A thread that owns some topics' files and writes the batches it is handed, in order. */
    private static final class TopicWriter
    {
        private final ObjectWriter writer;
        private final Map<Topic, OutputStream> outputs = new EnumMap<>(Topic.class);
        private final Map<Topic, JsonGenerator> generators = new EnumMap<>(Topic.class);
        private final Map<Topic, Boolean> written = new EnumMap<>(Topic.class);
        private final BlockingQueue<List<CanonicalEvent>> batches = new ArrayBlockingQueue<>(BATCHES_IN_FLIGHT);
        private final Thread thread;
        private volatile Throwable failure;
        private List<CanonicalEvent> batch = new ArrayList<>(BATCH_SIZE);

        TopicWriter(Path directory, List<Topic> topics, ObjectMapper mapper, ObjectWriter writer)
                throws IOException
        {
            this.writer = writer;
            for (Topic topic : topics) {
                OutputStream output = new BufferedOutputStream(Files.newOutputStream(file(directory, topic)), BUFFER_BYTES);
                outputs.put(topic, output);
                generators.put(topic, mapper.getFactory().createGenerator(output));
                written.put(topic, false);
            }
            this.thread = new Thread(this::run, "ndjson-writer-" + topics.get(0).topicName());
            this.thread.setDaemon(true);
        }

        void start()
        {
            thread.start();
        }

        void add(CanonicalEvent event)
        {
            throwIfFailed();
            batch.add(event);
            if (batch.size() == BATCH_SIZE) {
                handOff(batch);
                batch = new ArrayList<>(BATCH_SIZE);
            }
        }

        void finish()
        {
            if (!batch.isEmpty()) {
                handOff(batch);
            }
            handOff(END);
        }

        void await()
        {
            try {
                thread.join();
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while finishing the event files", e);
            }
            try {
                for (Map.Entry<Topic, JsonGenerator> entry : generators.entrySet()) {
                    if (written.get(entry.getKey())) {
                        entry.getValue().writeRaw('\n');
                    }
                    entry.getValue().close();
                }
            }
            catch (IOException e) {
                fail(e);
            }
            closeFiles();
            throwIfFailed();
        }

        void closeFiles()
        {
            for (OutputStream output : outputs.values()) {
                try {
                    output.close();
                }
                catch (IOException e) {
                    fail(e);
                }
            }
        }

        private void handOff(List<CanonicalEvent> events)
        {
            try {
                batches.put(events);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while handing events to the writer", e);
            }
        }

        private void run()
        {
            while (true) {
                List<CanonicalEvent> events;
                try {
                    events = batches.take();
                }
                catch (InterruptedException e) {
                    fail(e);
                    return;
                }
                if (events == END) {
                    return;
                }
                if (failure != null) {
                    // keep draining so the producer never blocks on a dead writer
                    continue;
                }
                try {
                    for (CanonicalEvent event : events) {
                        Topic topic = event.topic();
                        writer.writeValue(generators.get(topic), event);
                        written.put(topic, true);
                    }
                }
                catch (IOException | RuntimeException e) {
                    fail(e);
                }
            }
        }

        private void fail(Throwable cause)
        {
            if (failure == null) {
                failure = cause;
            }
        }

        private void throwIfFailed()
        {
            Throwable cause = failure;
            if (cause instanceof IOException io) {
                throw new UncheckedIOException("cannot write event files", io);
            }
            if (cause != null) {
                throw new IllegalStateException("cannot write event files", cause);
            }
        }
    }
}
