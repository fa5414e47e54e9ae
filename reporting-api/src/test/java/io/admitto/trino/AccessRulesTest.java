package io.admitto.trino;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.admitto.api.security.Role;
import io.admitto.tables.TableSchema;
import io.admitto.tables.Tables;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads the generated rules the way Trino's file-based access control does: the first table rule whose
 * group, catalog, schema and table patterns all match decides; no match means no access.
 */
class AccessRulesTest
{
    private final JsonNode rules = parse(new AccessRules("admitto", "analytics").json(Tables.all()));

    @Test
    void analystsAndLeadershipReadEveryTableButPhiDeadLettersAndTheAuditLog()
    {
        for (Role role : List.of(Role.ANALYST, Role.LEADERSHIP)) {
            assertThat(readable(role)).as(role.wireName())
                    .contains("department_hourly", "denials", "registration_quality", "kpi_daily", "qa_reviews")
                    .doesNotContain("registration_phi", "dead_letters", "audit_log")
                    .hasSize(Tables.all().size() - 3);
        }
    }

    @Test
    void qaReviewersAlsoReadPhiAndDeadLettersButNotTheAuditLog()
    {
        assertThat(readable(Role.QA_REVIEWER)).contains("registration_phi", "dead_letters").doesNotContain("audit_log");
    }

    @Test
    void adminsReadEverythingAndOwnTheSchema()
    {
        assertThat(readable(Role.ADMIN)).hasSize(Tables.all().size());
        assertThat(privileges("admin", "admitto", "analytics", "audit_log")).contains("SELECT", "OWNERSHIP");
        JsonNode schemaRule = rules.get("schemas").get(0);
        assertThat(schemaRule.get("group").asText()).isEqualTo("admin");
        assertThat(schemaRule.get("owner").asBoolean()).isTrue();
    }

    @Test
    void aUserInNoGroupGetsNothing()
    {
        assertThat(privileges("", "admitto", "analytics", "department_hourly")).isEmpty();
    }

    @Test
    void restrictedTablesAreTheOnesTheirDescriptionsCallRestricted()
    {
        for (TableSchema table : Tables.all()) {
            assertThat(TableAccess.restricted(table)).as(table.name()).isEqualTo(table.description().contains("RESTRICTED"));
        }
    }

    private List<String> readable(Role role)
    {
        List<String> readable = new ArrayList<>();
        for (TableSchema table : Tables.all()) {
            if (privileges(role.wireName(), "admitto", "analytics", table.name()).contains("SELECT")) {
                readable.add(table.name());
            }
        }
        return readable;
    }

    private List<String> privileges(String group, String catalog, String schema, String table)
    {
        for (JsonNode rule : rules.get("tables")) {
            if (matches(rule, "group", group) && matches(rule, "catalog", catalog) && matches(rule, "schema", schema)
                    && matches(rule, "table", table)) {
                List<String> privileges = new ArrayList<>();
                rule.get("privileges").forEach(privilege -> privileges.add(privilege.asText()));
                return privileges;
            }
        }
        return List.of();
    }

    private static boolean matches(JsonNode rule, String field, String value)
    {
        JsonNode pattern = rule.get(field);
        return pattern == null || Pattern.compile(pattern.asText()).matcher(value).matches();
    }

    private static JsonNode parse(String json)
    {
        try {
            return new ObjectMapper().readTree(json);
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
