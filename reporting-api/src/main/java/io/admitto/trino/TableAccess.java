package io.admitto.trino;

import io.admitto.api.security.Role;
import io.admitto.tables.TableSchema;
import io.admitto.tables.Tables;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Who may read which table. Every table is de-identified and open to every role, except the restricted
 * ones: {@code registration_phi} and {@code dead_letters} hold identifying or raw input and are for QA
 * reviewers (and admins); {@code audit_log} is for admins only. The Trino rules and the data dictionary
 * in docs/analysts.md are generated from this one place.
 */
public final class TableAccess
{
    private static final Map<String, Set<Role>> RESTRICTED = Map.of(
            Tables.REGISTRATION_PHI.name(), EnumSet.of(Role.QA_REVIEWER, Role.ADMIN),
            Tables.DEAD_LETTERS.name(), EnumSet.of(Role.QA_REVIEWER, Role.ADMIN),
            Tables.AUDIT_LOG.name(), EnumSet.of(Role.ADMIN));

    private TableAccess() {}

    /** The roles whose members may read the table. */
    public static Set<Role> readers(TableSchema table)
    {
        requireNonNull(table, "table is null");
        Set<Role> readers = RESTRICTED.get(table.name());
        return readers == null ? EnumSet.allOf(Role.class) : EnumSet.copyOf(readers);
    }

    public static boolean restricted(TableSchema table)
    {
        return RESTRICTED.containsKey(requireNonNull(table, "table is null").name());
    }
}
