package io.admitto.trino;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.admitto.api.security.Role;
import io.admitto.tables.TableSchema;

import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * Trino's file-based system access control rules ({@code rules.json}) for the Admitto catalog, with one
 * group per {@link Role} (the group names are the roles' wire names). A user in no group, or a table no
 * rule names, gets nothing: Trino denies what no rule allows, so the rules list what each group may read
 * ({@link TableAccess}) rather than what it may not, and a table added later stays closed until the rules
 * are generated again.
 *
 * <p>Admins own the schema (they apply the DDL) and may do anything in the catalog. Everyone else reads.
 * The {@code system} catalog is readable by all groups because JDBC clients such as DBeaver list tables
 * through {@code system.jdbc}; it shows only the tables a user may read.
 */
public final class AccessRules
{
    private static final List<String> ALL_TABLE_PRIVILEGES = List.of("SELECT", "INSERT", "DELETE", "UPDATE", "OWNERSHIP", "GRANT_SELECT");

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]*");

    private final String catalog;
    private final String schema;
    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public AccessRules(String catalog, String schema)
    {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.schema = requireNonNull(schema, "schema is null");
    }

    public String json(List<TableSchema> tables)
    {
        ObjectNode rules = mapper.createObjectNode();

        ArrayNode catalogs = rules.putArray("catalogs");
        catalogs.addObject().put("group", Role.ADMIN.wireName()).put("catalog", exactly(catalog)).put("allow", "all");
        catalogs.addObject().put("group", readersGroups()).put("catalog", exactly(catalog)).put("allow", "read-only");
        catalogs.addObject().put("group", allGroups()).put("catalog", "system").put("allow", "read-only");

        ArrayNode schemas = rules.putArray("schemas");
        schemas.addObject().put("group", Role.ADMIN.wireName()).put("catalog", exactly(catalog)).put("owner", true);
        schemas.addObject().put("group", readersGroups()).put("catalog", exactly(catalog)).put("schema", exactly(schema)).put("owner", false);

        ArrayNode tableRules = rules.putArray("tables");
        ObjectNode admin = tableRules.addObject().put("group", Role.ADMIN.wireName()).put("catalog", exactly(catalog));
        ALL_TABLE_PRIVILEGES.forEach(admin.putArray("privileges")::add);
        for (Role role : Role.values()) {
            if (role == Role.ADMIN) {
                continue;
            }
            String readable = tables.stream()
                    .filter(table -> TableAccess.readers(table).contains(role))
                    .map(table -> exactly(table.name()))
                    .collect(Collectors.joining("|"));
            tableRules.addObject()
                    .put("group", role.wireName())
                    .put("catalog", exactly(catalog))
                    .put("schema", exactly(schema))
                    .put("table", readable)
                    .putArray("privileges").add("SELECT");
        }
        tableRules.addObject().put("group", allGroups()).put("catalog", "system").putArray("privileges").add("SELECT");

        try {
            return mapper.writeValueAsString(rules) + "\n";
        }
        catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rules match names by regular expression; the names here are plain identifiers, which match only themselves. */
    private static String exactly(String name)
    {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a plain lower-case identifier: " + name);
        }
        return name;
    }

    private static String allGroups()
    {
        return Arrays.stream(Role.values()).map(Role::wireName).collect(Collectors.joining("|"));
    }

    private static String readersGroups()
    {
        return Arrays.stream(Role.values()).filter(role -> role != Role.ADMIN).map(Role::wireName).collect(Collectors.joining("|"));
    }
}
