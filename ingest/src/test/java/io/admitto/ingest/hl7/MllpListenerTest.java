package io.admitto.ingest.hl7;

import io.admitto.events.EventJson;
import io.admitto.events.Topic;
import io.admitto.ingest.kafka.EmbeddedKafkaBroker;
import io.admitto.ingest.kafka.EventPublisher;
import io.admitto.ingest.kafka.TopicAdmin;
import io.admitto.ingest.kafka.TopicSpec;
import io.admitto.ingest.source.IngestCounts;
import io.admitto.ingest.source.KafkaIngestSink;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/** The MLLP listener over a real socket, publishing to a real (embedded) Kafka broker. */
@TestInstance(PER_CLASS)
@Timeout(120)
class MllpListenerTest {
    private EmbeddedKafkaBroker broker;
    private EventPublisher publisher;
    private IngestCounts counts;
    private MllpListener listener;

    @BeforeAll
    void start(@TempDir Path dataDirectory) throws IOException {
        broker = new EmbeddedKafkaBroker(EmbeddedKafkaBroker.Config.inDirectory(dataDirectory)).start();
        try (TopicAdmin topics = new TopicAdmin(broker.bootstrapServers(), Duration.ofSeconds(30))) {
            topics.ensureTopics(List.of(new TopicSpec(Topic.REGISTRATION.topicName(), 2), new TopicSpec(Topic.DEAD_LETTER.topicName(), 1)));
        }
        publisher = new EventPublisher(new EventPublisher.Config(broker.bootstrapServers(), "mllp-test"));
        counts = new IngestCounts(new KafkaIngestSink(publisher, new EventJson()));
        listener = new MllpListener(MllpListener.Config.loopback(0),
                new Hl7MessageHandler(Hl7Options.inZone(ZoneId.of("America/Chicago")), Clock.systemUTC()),
                counts, publisher::flush, Clock.systemUTC()).start();
    }

    @AfterAll
    void stop() {
        listener.close();
        publisher.close();
        broker.close();
    }

    @Test
    void acknowledgesEachMessageByItsFateAndPublishesBeforeTheAck() throws Exception {
        String good = Hl7RegistrationMappingTest.message("A04", "2.5.1").replace("MSG0001", "GOOD-1");
        String noVisit = good.replace("GOOD-1", "NOVISIT-1").replace("|V000123|", "||").replace("|ACC9|", "||");
        String garbage = "MSH|^~\\&|EPIC|F01|||x||\rPID|";

        List<String> acks;
        try (MllpClient client = new MllpClient(listener.port())) {
            acks = List.of(client.send(good), client.send(noVisit), client.send(garbage));
        }

        assertThat(acks.get(0)).contains("\rMSA|AA|GOOD-1\r").startsWith("MSH|^~\\&|ADMITTO|ADMITTO|EPIC|F01|").contains("|ACK^A04^ACK|");
        assertThat(acks.get(1)).contains("\rMSA|AE|NOVISIT-1|no visit: no PV1-19 visit number or PID-18 account number")
                .contains("\rERR|||207^Application internal error^HL70357|E|");
        assertThat(acks.get(2)).contains("\rMSA|AR||cannot parse");

        // the AA came after the flush, so the event is already on the topic
        assertThat(publisher.publishedCount(Topic.REGISTRATION.topicName())).isGreaterThanOrEqualTo(1);
        List<ConsumerRecord<String, String>> registrations = consume(Topic.REGISTRATION.topicName(), "registrations", 1);
        assertThat(registrations).anySatisfy(record -> {
            assertThat(record.key()).isEqualTo("V000123");
            assertThat(record.value()).contains("\"eventType\":\"registration.registered\"").contains("\"messageId\":\"GOOD-1\"");
        });
        List<ConsumerRecord<String, String>> deadLetters = consume(Topic.DEAD_LETTER.topicName(), "dead-letters", 2);
        assertThat(deadLetters).extracting(ConsumerRecord::value)
                .anySatisfy(value -> assertThat(value).contains("\"reason\":\"no visit").contains("\"origin\":\"mllp://127.0.0.1:"))
                .anySatisfy(value -> assertThat(value).contains("\"reason\":\"cannot parse"));
    }

    @Test
    void servesConnectionsConcurrently() throws Exception {
        int connections = 4;
        int messagesEach = 25;
        ExecutorService senders = Executors.newFixedThreadPool(connections);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int connection = 0; connection < connections; connection++) {
                int id = connection;
                Callable<List<String>> sender = () -> {
                    List<String> acks = new ArrayList<>();
                    try (MllpClient client = new MllpClient(listener.port())) {
                        for (int i = 0; i < messagesEach; i++) {
                            acks.add(client.send(Hl7RegistrationMappingTest.message("A08", "2.5.1").replace("MSG0001", "C" + id + "-" + i)));
                        }
                    }
                    return acks;
                };
                results.add(senders.submit(sender));
            }
            for (int connection = 0; connection < connections; connection++) {
                List<String> acks = results.get(connection).get();
                assertThat(acks).hasSize(messagesEach);
                for (int i = 0; i < messagesEach; i++) {
                    assertThat(acks.get(i)).as("acks answer in order").contains("\rMSA|AA|C" + connection + "-" + i + "\r");
                }
            }
        }
        finally {
            senders.shutdownNow();
        }
    }

    @Test
    void bindsToLoopbackOnAnEphemeralPortAndClosesCleanly() throws Exception {
        MllpListener other = new MllpListener(MllpListener.Config.loopback(0),
                new Hl7MessageHandler(Hl7Options.inZone(ZoneId.of("UTC")), Clock.systemUTC()),
                new io.admitto.ingest.source.RecordingSink(), () -> {}, Clock.systemUTC()).start();
        assertThat(other.address().getAddress().isLoopbackAddress()).isTrue();
        assertThat(other.port()).isPositive();
        MllpClient idle = new MllpClient(other.port());
        other.close();
        assertThat(idle.readToEnd()).as("the listener closed the idle connection").isEqualTo(-1);
        idle.close();
        other.close(); // idempotent
    }

    private List<ConsumerRecord<String, String>> consume(String topic, String group, int atLeast) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < atLeast && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /** A sending system: frames a message, waits for the framed ACK. */
    static final class MllpClient implements AutoCloseable {
        private final Socket socket;
        private final InputStream input;
        private final OutputStream output;

        MllpClient(int port) throws IOException {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(30_000);
            input = socket.getInputStream();
            output = socket.getOutputStream();
        }

        String send(String message) throws IOException {
            output.write(0x0B);
            output.write(message.getBytes(StandardCharsets.UTF_8));
            output.write(new byte[] {0x1C, 0x0D});
            output.flush();
            int b = input.read();
            assertThat(b).as("start of block").isEqualTo(0x0B);
            ByteArrayOutputStream ack = new ByteArrayOutputStream();
            while ((b = input.read()) != 0x1C) {
                assertThat(b).as("ACK ended early").isNotNegative();
                ack.write(b);
            }
            assertThat(input.read()).isEqualTo(0x0D);
            return ack.toString(StandardCharsets.UTF_8);
        }

        int readToEnd() throws IOException {
            return input.read();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
