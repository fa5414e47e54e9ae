package io.admitto.api.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

import static java.util.Objects.requireNonNull;

/**
 * The audit log in a transactional SQL database: embedded H2 in a file under the API's state directory by
 * default, or PostgreSQL (or any database with the same portable SQL) by JDBC URL.
 *
 * <p>An entry is appended in one transaction that reads the head of the chain and inserts the next
 * sequence; the sequence is the primary key, so two servers appending to one shared database cannot both
 * take the same place: the loser retries on the new head. {@link #record} returns only after the commit;
 * with H2 also after {@code CHECKPOINT SYNC} (and the file runs with {@code WRITE_DELAY=0}), so a returned
 * entry is on the disk: it survives the process being killed and the machine losing power.
 */
public final class JdbcAuditLog
        implements AuditLog, AutoCloseable
{
    private static final Logger log = LoggerFactory.getLogger(JdbcAuditLog.class);
    private static final int MAX_APPEND_ATTEMPTS = 5;
    private static final int VERIFY_PAGE = 1_000;
    private static final String COLUMNS = "sequence, occurred_at, actor, role, action, encounter_id, fields, purpose, previous_hash, hash";

    private final String url;
    private final String user;
    private final String password;
    private final Clock clock;
    private final boolean embeddedH2;
    private final ReentrantLock appendLock = new ReentrantLock();
    /** Holds an embedded database open between calls, so each call does not reopen the file. */
    private final Connection keepAlive;

    public JdbcAuditLog(String url, String user, String password, Clock clock)
    {
        this.url = requireNonNull(url, "url is null");
        this.user = requireNonNull(user, "user is null");
        this.password = requireNonNull(password, "password is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.embeddedH2 = url.startsWith("jdbc:h2:");
        try {
            this.keepAlive = connect();
            try (Statement statement = keepAlive.createStatement()) {
                statement.execute("""
                        CREATE TABLE IF NOT EXISTS audit_log (
                            sequence BIGINT NOT NULL PRIMARY KEY,
                            occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
                            actor VARCHAR(256) NOT NULL,
                            role VARCHAR(64) NOT NULL,
                            action VARCHAR(64) NOT NULL,
                            encounter_id VARCHAR(128),
                            fields VARCHAR(4000) NOT NULL,
                            purpose VARCHAR(256) NOT NULL,
                            previous_hash CHAR(64) NOT NULL,
                            hash CHAR(64) NOT NULL)""");
            }
        }
        catch (SQLException e) {
            throw new IllegalStateException("Cannot open the audit log at " + url, e);
        }
    }

    /** The embedded default: an H2 file {@code audit.mv.db} in the directory. */
    public static JdbcAuditLog embedded(Path stateDirectory, Clock clock)
    {
        String file = stateDirectory.toAbsolutePath().resolve("audit").toString();
        // WRITE_DELAY=0: each commit reaches the file before the call returns, not up to half a second later.
        return new JdbcAuditLog("jdbc:h2:file:" + file + ";WRITE_DELAY=0", "", "", clock);
    }

    @Override
    public AuditEntry record(AuditRecord record)
    {
        requireNonNull(record, "record is null");
        for (String field : record.fields()) {
            if (field.isEmpty() || field.contains(",")) {
                throw new IllegalArgumentException("An audited field name must be non-empty and without commas: '" + field + "'");
            }
        }
        appendLock.lock();
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    return append(record);
                }
                catch (SQLException e) {
                    // 23xxx: integrity constraint violation, here another writer took the sequence first.
                    if (e.getSQLState() == null || !e.getSQLState().startsWith("23") || attempt == MAX_APPEND_ATTEMPTS) {
                        throw new IllegalStateException("Cannot record an audit entry", e);
                    }
                    log.info("Audit sequence taken by another writer, retrying (attempt {})", attempt);
                }
            }
        }
        finally {
            appendLock.unlock();
        }
    }

    private AuditEntry append(AuditRecord record)
            throws SQLException
    {
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            try {
                long sequence = 1;
                String previousHash = AuditChain.GENESIS_HASH;
                try (PreparedStatement head = connection.prepareStatement("SELECT sequence, hash FROM audit_log ORDER BY sequence DESC")) {
                    head.setMaxRows(1);
                    try (ResultSet rows = head.executeQuery()) {
                        if (rows.next()) {
                            sequence = rows.getLong(1) + 1;
                            previousHash = rows.getString(2);
                        }
                    }
                }
                Instant occurredAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
                String hash = AuditChain.hash(previousHash, sequence, occurredAt, record);
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_log (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    insert.setLong(1, sequence);
                    insert.setObject(2, OffsetDateTime.ofInstant(occurredAt, ZoneOffset.UTC));
                    insert.setString(3, record.actor());
                    insert.setString(4, record.role());
                    insert.setString(5, record.action());
                    insert.setString(6, record.encounterId());
                    insert.setString(7, String.join(",", record.fields()));
                    insert.setString(8, record.purpose());
                    insert.setString(9, previousHash);
                    insert.setString(10, hash);
                    insert.executeUpdate();
                }
                connection.commit();
                if (embeddedH2) {
                    // H2 leaves a commit in its write buffer for a while; force it to the disk before answering.
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("CHECKPOINT SYNC");
                    }
                }
                return new AuditEntry(sequence, occurredAt, record, previousHash, hash);
            }
            catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    @Override
    public List<AuditEntry> read(long fromSequence, int limit)
    {
        if (limit < 0) {
            throw new IllegalArgumentException("limit is negative: " + limit);
        }
        if (limit == 0) {
            return List.of();
        }
        try (Connection connection = connect();
                PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM audit_log WHERE sequence >= ? ORDER BY sequence")) {
            query.setLong(1, fromSequence);
            query.setMaxRows(limit);
            List<AuditEntry> entries = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    entries.add(entry(rows));
                }
            }
            return entries;
        }
        catch (SQLException e) {
            throw new IllegalStateException("Cannot read the audit log", e);
        }
    }

    @Override
    public Optional<AuditEntry> firstBrokenLink()
    {
        String previousHash = AuditChain.GENESIS_HASH;
        long expectedSequence = 1;
        while (true) {
            List<AuditEntry> page = read(expectedSequence, VERIFY_PAGE);
            for (AuditEntry entry : page) {
                // A gap means entries were deleted; the entry after it no longer links.
                if (entry.sequence() != expectedSequence || !AuditChain.links(previousHash, entry)) {
                    return Optional.of(entry);
                }
                previousHash = entry.hash();
                expectedSequence++;
            }
            if (page.size() < VERIFY_PAGE) {
                return Optional.empty();
            }
        }
    }

    @Override
    public Optional<AuditEntry> head()
    {
        try (Connection connection = connect();
                PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM audit_log ORDER BY sequence DESC")) {
            query.setMaxRows(1);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(entry(rows)) : Optional.empty();
            }
        }
        catch (SQLException e) {
            throw new IllegalStateException("Cannot read the audit log", e);
        }
    }

    private static AuditEntry entry(ResultSet rows)
            throws SQLException
    {
        String fields = rows.getString("fields");
        AuditRecord record = new AuditRecord(
                rows.getString("actor"),
                rows.getString("role"),
                rows.getString("action"),
                rows.getString("encounter_id"),
                fields.isEmpty() ? List.of() : Arrays.asList(fields.split(",")),
                rows.getString("purpose"));
        return new AuditEntry(
                rows.getLong("sequence"),
                rows.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                record,
                rows.getString("previous_hash"),
                rows.getString("hash"));
    }

    private Connection connect()
            throws SQLException
    {
        return DriverManager.getConnection(url, user, password);
    }

    @Override
    public void close()
    {
        try {
            keepAlive.close();
        }
        catch (SQLException e) {
            log.warn("Closing the audit log failed", e);
        }
    }
}
