package io.admitto.api.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The hash chain of the audit log. Each entry's hash is the hex SHA-256 of the previous entry's hash, a
 * newline, and the entry's canonical form: a JSON array of sequence, occurred_at (ISO-8601, milliseconds,
 * UTC), actor, role, action, encounter_id (or null), fields (comma-separated) and purpose. Anyone can
 * recompute it from the exported {@code audit_log} table with a few lines of any language.
 */
public final class AuditChain
{
    /** The previous hash of the first entry. */
    public static final String GENESIS_HASH = "0".repeat(64);

    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditChain() {}

    public static String hash(String previousHash, long sequence, Instant occurredAt, AuditLog.AuditRecord record)
    {
        ArrayNode canonical = JSON.createArrayNode()
                .add(sequence)
                .add(occurredAt.toString())
                .add(record.actor())
                .add(record.role())
                .add(record.action())
                .add(record.encounterId())
                .add(String.join(",", record.fields()))
                .add(record.purpose());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((previousHash + "\n" + JSON.writeValueAsString(canonical)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        }
        catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("Cannot hash an audit entry", e);
        }
    }

    /** Whether the entry's hash covers its content and the given previous hash. */
    public static boolean links(String expectedPreviousHash, AuditLog.AuditEntry entry)
    {
        return entry.previousHash().equals(expectedPreviousHash)
                && entry.hash().equals(hash(entry.previousHash(), entry.sequence(), entry.occurredAt(), entry.record()));
    }
}
