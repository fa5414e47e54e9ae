package io.admitto.qarules.config;

import io.admitto.ingest.generator.MemberIdFormat;
import io.admitto.qarules.RegistrationAssessor;
import io.admitto.qarules.Scenario;
import io.admitto.qarules.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrganizationConfigLoaderTest
{
    private static final String DEFAULT_JSON = Scenario.defaultConfigJson();

    @Test
    void defaultConfigurationLoads()
    {
        OrganizationConfig config = OrganizationConfigLoader.loadDefault();
        assertThat(config.payers()).containsOnlyKeys("MCR", "HHP01", "MCD", "LCC01", "BPR01", "NSH01");
        assertThat(config.payer("NSH01").referralRequired()).isTrue();
        assertThat(config.payer("MCR").authorizationRequired()).isEmpty();
        assertThat(config.eligibilityMaxAgeDays()).isEqualTo(30);
        assertThat(config.calendar().holidays()).isEmpty();
    }

    @Test
    void memberIdPatternsAreTheGeneratorsFormats()
    {
        OrganizationConfig config = OrganizationConfigLoader.loadDefault();
        assertThat(config.payer("MCR").memberIdPattern().pattern().pattern()).isEqualTo(MemberIdFormat.MBI.pattern().pattern());
        assertThat(config.payer("HHP01").memberIdPattern().pattern().pattern()).isEqualTo(MemberIdFormat.MEDICARE_ADVANTAGE.pattern().pattern());
        assertThat(config.payer("MCD").memberIdPattern().pattern().pattern()).isEqualTo(MemberIdFormat.MEDICAID.pattern().pattern());
        assertThat(config.payer("LCC01").memberIdPattern().pattern().pattern()).isEqualTo(MemberIdFormat.MANAGED_MEDICAID.pattern().pattern());
        assertThat(config.payer("BPR01").memberIdPattern().pattern().pattern()).isEqualTo(MemberIdFormat.BLUE_PPO.pattern().pattern());
        assertThat(config.payer("NSH01").memberIdPattern().pattern().pattern()).isEqualTo(MemberIdFormat.HMO.pattern().pattern());
    }

    @Test
    void holidaysAndOverridesAreRead()
    {
        OrganizationConfig config = OrganizationConfigLoader.parse(DEFAULT_JSON
                .replace("\"holidays\": []", "\"holidays\": [\"2026-02-16\", \"2026-05-25\"]")
                .replace("\"rules\": {}", "\"rules\": {\"TML-001\": {\"enabled\": false}, \"ID-008\": {\"severity\": \"warning\", \"weight\": 1}}"));
        assertThat(config.calendar().isBusinessDay(LocalDate.of(2026, 2, 16))).isFalse();
        assertThat(config.rule("ID-008")).isEqualTo(new RuleSetting(null, Severity.WARNING, 1));
        assertThat(config.rule("TML-001").enabled()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "bad regex | \"memberIdPattern\": \"^HM[0-9]{9}$\" | \"memberIdPattern\": \"^HM[0-9\" | payers[1].memberIdPattern | not a valid regular expression",
            "unknown plan type | \"planType\": \"MEDICAID\" | \"planType\": \"MEDICAID_FFS\" | payers[2].planType | unknown plan type 'MEDICAID_FFS'",
            "unknown top-level key | \"holidays\": [] | \"holiday\": [] | holiday | unknown key",
            "bad date | \"holidays\": [] | \"holidays\": [\"2026-02-30\"] | holidays[0] | not a date",
            "bad severity | \"rules\": {} | \"rules\": {\"ID-001\": {\"severity\": \"fatal\"}} | rules.ID-001.severity | unknown severity 'fatal'",
            "weight out of range | \"critical\": 40 | \"critical\": 400 | scoring.weights.critical | between 0 and 100",
            "grades not descending | \"B\": 85 | \"B\": 99 | scoring.grades | descend",
            "accuracy as a percentage | \"accuracyTarget\": 0.95 | \"accuracyTarget\": 95 | scoring.accuracyTarget | fraction between 0 and 1",
            "bad ICD-10 code | \"Z12.31\" | \"Z1231X9\" | coverage.77067[0] | not an ICD-10-CM code",
            "bad CPT code | \"77067\": [ | \"7706\": [ | coverage.7706 | not a CPT or HCPCS code",
            "string for a number | \"maxAgeDays\": 30 | \"maxAgeDays\": \"30\" | eligibility.maxAgeDays | must be a whole number",
            "missing name | \"name\": \"Admitto default (synthetic health system)\", | | name | is required",
            "empty financial classes | \"financialClasses\": [\"MC\"] | \"financialClasses\": [] | payers[0].financialClasses | at least one",
            "duplicate payer | \"payerId\": \"HHP01\" | \"payerId\": \"MCR\" | payers[1].payerId | duplicate payer ID 'MCR'",
            "age range inverted | \"minimumAge\": 40, \"maximumAge\": 64 | \"minimumAge\": 70, \"maximumAge\": 64 | serviceDemographics.99396.minimumAge | above maximumAge",
    })
    void badConfigurationFailsNamingTheKey(String name, String original, String replacement, String key, String problem)
    {
        String edited = DEFAULT_JSON.replace(original.replace("\\n", "\n"), replacement == null ? "" : replacement);
        assertThat(edited).as("the test edits the document").isNotEqualTo(DEFAULT_JSON);
        assertThatThrownBy(() -> OrganizationConfigLoader.parse(edited))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo(key))
                .hasMessageContaining("'" + key + "'")
                .hasMessageContaining(problem);
    }

    @Test
    void malformedJsonSaysWhere()
    {
        assertThatThrownBy(() -> OrganizationConfigLoader.parse("{\"name\": \"x\",\n \"payers\": [}"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("not valid JSON").hasMessageContaining("line 2");
    }

    @Test
    void overridingAnUnknownRuleFailsWhenTheAssessorIsBuilt()
    {
        OrganizationConfig config = OrganizationConfigLoader.parse(DEFAULT_JSON.replace("\"rules\": {}", "\"rules\": {\"XYZ-001\": {\"enabled\": false}}"));
        assertThatThrownBy(() -> RegistrationAssessor.standard(config))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'rules.XYZ-001': no such rule");
    }
}
