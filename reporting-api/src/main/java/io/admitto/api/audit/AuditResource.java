package io.admitto.api.audit;

import io.admitto.api.problem.InvalidParameterException;
import io.admitto.api.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code /api/audit}, admin only: the audit log page by page, a check of its hash chain, and an export to
 * the {@code audit_log} table.
 */
@Path("/api/audit")
@RolesAllowed(Role.ADMIN_NAME)
public final class AuditResource
{
    static final int MAX_LIMIT = 1_000;

    private final AuditLog auditLog;
    private final AuditLogExport export;

    /** A page of entries, oldest first; {@code next} is the {@code from} of the following page, null at the end. */
    public record AuditPage(List<AuditLog.AuditEntry> entries, Long next) {}

    /**
     * The result of checking the whole chain.
     *
     * @param intact every entry links to its predecessor and its hash covers its content
     * @param entries how many entries there are (the head's sequence)
     * @param headHash the newest entry's hash: write it down elsewhere to detect a later truncation
     * @param firstBrokenSequence the first entry that does not link, when not intact
     */
    public record Verification(boolean intact, long entries, String headHash, Long firstBrokenSequence) {}

    public record ExportResult(long exportedEntries, List<String> files) {}

    @Inject
    public AuditResource(AuditLog auditLog, AuditLogExport export)
    {
        this.auditLog = requireNonNull(auditLog, "auditLog is null");
        this.export = requireNonNull(export, "export is null");
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public AuditPage entries(@QueryParam("from") @DefaultValue("1") String from, @QueryParam("limit") @DefaultValue("100") String limit)
    {
        long fromSequence = parse("from", from, 1, Long.MAX_VALUE);
        int pageSize = (int) parse("limit", limit, 1, MAX_LIMIT);
        List<AuditLog.AuditEntry> entries = auditLog.read(fromSequence, pageSize + 1);
        if (entries.size() > pageSize) {
            return new AuditPage(entries.subList(0, pageSize), entries.get(pageSize).sequence());
        }
        return new AuditPage(entries, null);
    }

    @GET
    @Path("verify")
    @Produces(MediaType.APPLICATION_JSON)
    public Verification verify()
    {
        Optional<AuditLog.AuditEntry> head = auditLog.head();
        Optional<AuditLog.AuditEntry> broken = auditLog.firstBrokenLink();
        return new Verification(
                broken.isEmpty(),
                head.map(AuditLog.AuditEntry::sequence).orElse(0L),
                head.map(AuditLog.AuditEntry::hash).orElse(AuditChain.GENESIS_HASH),
                broken.map(AuditLog.AuditEntry::sequence).orElse(null));
    }

    @POST
    @Path("export")
    @Produces(MediaType.APPLICATION_JSON)
    public ExportResult exportNow()
    {
        AuditLogExport.Exported exported = export.exportNew();
        return new ExportResult(exported.entries(), exported.files().stream().map(file -> file.getParent().getFileName() + "/" + file.getFileName()).toList());
    }

    private static long parse(String parameter, String value, long min, long max)
    {
        long parsed;
        try {
            parsed = Long.parseLong(value);
        }
        catch (NumberFormatException e) {
            throw new InvalidParameterException(parameter, parameter + " must be a whole number from " + min + " to " + max + ", got '" + value + "'.");
        }
        if (parsed < min || parsed > max) {
            throw new InvalidParameterException(parameter, parameter + " must be a whole number from " + min + " to " + max + ", got '" + value + "'.");
        }
        return parsed;
    }
}
