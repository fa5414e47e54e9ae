package io.admitto.api.testing;

import io.admitto.api.audit.AuditLog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Test-only {@link AuditLog} until part 1's durable, hash-chained one is merged: keeps the entries in
 * memory so tests can assert what was recorded. Not chained (the hashes are placeholders).
 */
public final class RecordingAuditLog
        implements AuditLog
{
    private final List<AuditEntry> entries = new ArrayList<>();

    @Override
    public synchronized AuditEntry record(AuditRecord record)
    {
        AuditEntry entry = new AuditEntry(entries.size() + 1, Instant.now(), record, "", "");
        entries.add(entry);
        return entry;
    }

    @Override
    public synchronized List<AuditEntry> read(long fromSequence, int limit)
    {
        return entries.stream().skip(Math.max(0, fromSequence - 1)).limit(limit).toList();
    }

    @Override
    public Optional<AuditEntry> firstBrokenLink()
    {
        return Optional.empty();
    }

    public synchronized List<AuditRecord> records()
    {
        return entries.stream().map(AuditEntry::record).toList();
    }
}
