package io.admitto.api.audit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Where every read of PHI and every review decision is recorded before the answer leaves the server.
 * Append-only; implementations chain each entry to the previous one by hash so a removed or edited
 * entry is detectable.
 */
public interface AuditLog
{
    /** Records the access and returns it as stored (with its sequence and hashes). Must be durable on return. */
    AuditEntry record(AuditRecord record);

    /** The entries from {@code fromSequence} (1 = first), oldest first, at most {@code limit}. */
    List<AuditEntry> read(long fromSequence, int limit);

    /** The first entry whose hash does not match its content or its predecessor, if any. */
    Optional<AuditEntry> firstBrokenLink();

    /** The newest entry, if any. Implementations with an index on the sequence should answer directly. */
    default Optional<AuditEntry> head()
    {
        Optional<AuditEntry> newest = Optional.empty();
        long from = 1;
        for (List<AuditEntry> page = read(from, 1_000); !page.isEmpty(); page = read(from, 1_000)) {
            newest = Optional.of(page.get(page.size() - 1));
            from = newest.get().sequence() + 1;
        }
        return newest;
    }

    /** What is being recorded: who acted, in which role, on which encounter, which fields and why. */
    record AuditRecord(String actor, String role, String action, String encounterId, List<String> fields, String purpose)
    {
        public AuditRecord
        {
            requireNonNull(actor, "actor is null");
            requireNonNull(role, "role is null");
            requireNonNull(action, "action is null");
            fields = List.copyOf(fields);
            requireNonNull(purpose, "purpose is null");
        }
    }

    /** A stored entry; see the {@code audit_log} table in docs/tables.md for each field. */
    record AuditEntry(long sequence, Instant occurredAt, AuditRecord record, String previousHash, String hash)
    {
        public AuditEntry
        {
            requireNonNull(occurredAt, "occurredAt is null");
            requireNonNull(record, "record is null");
            requireNonNull(previousHash, "previousHash is null");
            requireNonNull(hash, "hash is null");
        }
    }
}
