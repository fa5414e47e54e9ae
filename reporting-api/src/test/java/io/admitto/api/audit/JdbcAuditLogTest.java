package io.admitto.api.audit;

import io.admitto.api.audit.AuditLog.AuditEntry;
import io.admitto.api.audit.AuditLog.AuditRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The audit log in its embedded H2 file: a hash chain that notices edits and deletions, durable on return. */
final class JdbcAuditLogTest
{
    @TempDir
    Path state;

    private JdbcAuditLog auditLog;

    @BeforeEach
    void open()
    {
        auditLog = JdbcAuditLog.embedded(state, Clock.fixed(Instant.parse("2026-03-02T10:15:30.123456Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void close()
    {
        auditLog.close();
    }

    @Test
    void chainsEachEntryToThePreviousOne()
    {
        AuditEntry first = auditLog.record(phiRead("qa", "E1"));
        AuditEntry second = auditLog.record(phiRead("qa", "E2"));

        assertThat(first.sequence()).isEqualTo(1);
        assertThat(first.previousHash()).isEqualTo(AuditChain.GENESIS_HASH);
        assertThat(first.occurredAt()).isEqualTo(Instant.parse("2026-03-02T10:15:30.123Z"));
        assertThat(second.sequence()).isEqualTo(2);
        assertThat(second.previousHash()).isEqualTo(first.hash());
        assertThat(second.hash()).matches("[0-9a-f]{64}").isNotEqualTo(first.hash());
        assertThat(auditLog.read(1, 10)).containsExactly(first, second);
        assertThat(auditLog.head()).contains(second);
        assertThat(auditLog.firstBrokenLink()).isEmpty();
    }

    @Test
    void theHashIsTheDocumentedOneSoOthersCanRecomputeIt()
    {
        AuditEntry entry = auditLog.record(phiRead("qa", "E1"));

        // sha256(previous_hash + "\n" + canonical JSON array); see docs/security.md.
        String canonical = "[1,\"2026-03-02T10:15:30.123Z\",\"qa\",\"qa_reviewer\",\"phi_read\",\"E1\",\"family_name,given_name,mrn\",\"qa_review\"]";
        assertThat(entry.hash()).isEqualTo(sha256(AuditChain.GENESIS_HASH + "\n" + canonical));
    }

    @Test
    void editingARowInTheDatabaseBreaksVerificationAtThatRow()
            throws Exception
    {
        for (int index = 1; index <= 5; index++) {
            auditLog.record(phiRead("qa", "E" + index));
        }

        execute("UPDATE audit_log SET actor = 'someone-else' WHERE sequence = 3");

        assertThat(auditLog.firstBrokenLink()).hasValueSatisfying(entry -> assertThat(entry.sequence()).isEqualTo(3));
    }

    @Test
    void rewritingARowWithAFreshHashStillBreaksTheNextLink()
            throws Exception
    {
        for (int index = 1; index <= 4; index++) {
            auditLog.record(phiRead("qa", "E" + index));
        }
        AuditEntry original = auditLog.read(2, 1).get(0);
        AuditRecord forged = new AuditRecord("nobody", "qa_reviewer", "phi_read", "E2", List.of("mrn"), "qa_review");
        String forgedHash = AuditChain.hash(original.previousHash(), 2, original.occurredAt(), forged);

        execute("UPDATE audit_log SET actor = 'nobody', fields = 'mrn', hash = '" + forgedHash + "' WHERE sequence = 2");

        assertThat(auditLog.firstBrokenLink()).hasValueSatisfying(entry -> assertThat(entry.sequence()).isEqualTo(3));
    }

    @Test
    void deletingARowBreaksVerificationAtTheNextOne()
            throws Exception
    {
        for (int index = 1; index <= 4; index++) {
            auditLog.record(phiRead("qa", "E" + index));
        }

        execute("DELETE FROM audit_log WHERE sequence = 2");

        assertThat(auditLog.firstBrokenLink()).hasValueSatisfying(entry -> assertThat(entry.sequence()).isEqualTo(3));
    }

    @Test
    void concurrentWritersGetDistinctConsecutiveSequences()
            throws Exception
    {
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<AuditEntry>> entries = new ArrayList<>();
            for (int index = 0; index < 40; index++) {
                String encounter = "E" + index;
                entries.add(CompletableFuture.supplyAsync(() -> auditLog.record(phiRead("qa", encounter)), writers));
            }
            CompletableFuture.allOf(entries.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        }
        finally {
            writers.shutdownNow();
        }

        assertThat(auditLog.read(1, 100)).extracting(AuditEntry::sequence).containsExactlyElementsOf(
                java.util.stream.LongStream.rangeClosed(1, 40).boxed().toList());
        assertThat(auditLog.firstBrokenLink()).isEmpty();
    }

    @Test
    void refusesFieldNamesThatWouldNotSurviveTheCommaSeparatedColumn()
    {
        assertThatThrownBy(() -> auditLog.record(new AuditRecord("qa", "qa_reviewer", "phi_read", "E1", List.of("a,b"), "qa_review")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(auditLog.head()).isEmpty();
    }

    @Test
    void anEntryIsKeptWhenTheProcessIsKilledRightAfterRecordReturns()
            throws Exception
    {
        auditLog.close();
        Process writer = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                AuditAppender.class.getName(), state.toString(), "25")
                .redirectErrorStream(true)
                .start();
        String lastLine = null;
        try (BufferedReader output = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                lastLine = line;
                if (line.startsWith("recorded 25 ")) {
                    // SIGKILL: no shutdown hooks, no chance to flush anything.
                    writer.destroyForcibly();
                    break;
                }
            }
        }
        assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(lastLine).as("the writer's last line").startsWith("recorded 25 ");

        String lastHash = lastLine.split(" ")[2];
        auditLog = JdbcAuditLog.embedded(state, Clock.systemUTC());

        assertThat(auditLog.head()).hasValueSatisfying(head -> {
            assertThat(head.sequence()).isEqualTo(25);
            assertThat(head.hash()).isEqualTo(lastHash);
        });
        assertThat(auditLog.firstBrokenLink()).isEmpty();
    }

    private void execute(String sql)
            throws Exception
    {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + state.resolve("audit"));
                Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    static AuditRecord phiRead(String actor, String encounterId)
    {
        return new AuditRecord(actor, "qa_reviewer", "phi_read", encounterId, List.of("family_name", "given_name", "mrn"), "qa_review");
    }

    private static String sha256(String text)
    {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The process the durability test kills: records entries, says so after each, then waits to be killed. */
    public static final class AuditAppender
    {
        public static void main(String[] arguments)
                throws InterruptedException
        {
            JdbcAuditLog auditLog = JdbcAuditLog.embedded(Path.of(arguments[0]), Clock.systemUTC());
            int count = Integer.parseInt(arguments[1]);
            for (int index = 1; index <= count; index++) {
                AuditEntry entry = auditLog.record(phiRead("qa", "E" + index));
                System.out.println("recorded " + entry.sequence() + " " + entry.hash());
                System.out.flush();
            }
            new java.util.concurrent.CountDownLatch(1).await(2, TimeUnit.MINUTES);
        }
    }
}
