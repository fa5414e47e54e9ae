package io.admitto.api.audit;

import io.admitto.api.security.DemoUsers;
import io.admitto.api.security.LocalUsers;
import io.admitto.api.security.Role;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What security adds to a request: appending one audit entry (every PHI read and decision waits for it),
 * verifying the whole chain, and checking a password at the recommended bcrypt cost (every login).
 *
 * <pre>{@code ./admitto bench reporting-api AuditLogBenchmark -bm sample -tu ms}</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AuditLogBenchmark
{
    private static final AuditLog.AuditRecord READ = new AuditLog.AuditRecord(
            "qa", "qa_reviewer", "phi_read", "ENC-0001", List.of("family_name", "given_name", "mrn", "birth_date"), "qa_review");

    private Path state;
    private JdbcAuditLog auditLog;
    private LocalUsers users;

    @Setup(Level.Trial)
    public void open()
            throws IOException
    {
        state = Files.createTempDirectory("audit-benchmark");
        auditLog = JdbcAuditLog.embedded(state, Clock.systemUTC());
        for (int index = 0; index < 10_000; index++) {
            auditLog.record(READ);
        }
        String hash = LocalUsers.hash("a long enough passphrase".toCharArray());
        users = new LocalUsers(List.of(new LocalUsers.LocalUser("maria", hash, Set.of(Role.QA_REVIEWER))));
    }

    @TearDown(Level.Trial)
    public void close()
    {
        auditLog.close();
        try (Stream<Path> files = Files.walk(state)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One PHI read recorded: a committed transaction in the H2 file. */
    @Benchmark
    public AuditLog.AuditEntry recordEntry()
    {
        return auditLog.record(READ);
    }

    /** {@code GET /api/audit/verify} over the chain (10,000 entries and growing with the run). */
    @Benchmark
    public Optional<AuditLog.AuditEntry> verifyChain()
    {
        return auditLog.firstBrokenLink();
    }

    /** A password login at bcrypt cost {@value LocalUsers#BCRYPT_COST}. */
    @Benchmark
    public Optional<?> passwordLoginAtCost12()
    {
        return users.authenticate("maria", "a long enough passphrase".toCharArray());
    }

    /** A demo login (cost 10). */
    @Benchmark
    public Optional<?> passwordLoginAtCost10()
    {
        return DemoUsers.localUsers().authenticate("qa", "qa-demo".toCharArray());
    }
}
