package io.admitto.qarules.catalogue;

/** The configuration schema section of {@code docs/rules.md}; kept beside the loader's rules in one place. */
final class ConfigurationDoc
{
    static final String MARKDOWN = """
            ## Configuration

            Each organisation has one JSON file, read by `OrganizationConfigLoader` (`load(Reader)`, `parse(String)`, `loadDefault()`).
            The default, `qa-rules/src/main/resources/io/admitto/qarules/config/default-config.json`, agrees with the hospital
            generator's payer, authorization and service tables. Loading fails fast on an unknown key, a wrong type or an impossible
            value, with a `ConfigException` whose message names the key as a path, e.g.
            `configuration key 'payers[2].memberIdPattern': not a valid regular expression: Unclosed group near index 7`;
            an override of a rule that does not exist fails when the `RegistrationAssessor` is built (`rules.XYZ-001: no such rule`).

            | key | type | required | default | meaning |
            |---|---|---|---|---|
            | `name` | string | yes | | organisation name |
            | `description`, `$schema` | string | no | | ignored |
            | `scoring.weights.critical` / `.error` / `.warning` | int 0-100 | no | 40 / 15 / 3 | points a finding of that severity deducts from 100 |
            | `scoring.grades.A` .. `.D` | int 0-100, descending | no | 95 / 85 / 70 / 50 | minimum score of each grade; below D is F |
            | `scoring.accuracyTarget` | number 0-1 | no | 0.95 | target HFMA accuracy rate per registrar per period |
            | `rules.<id>.enabled` | boolean | no | true | switch a rule off |
            | `rules.<id>.severity` | `critical` / `error` / `warning` | no | the catalogue's | change a rule's severity |
            | `rules.<id>.weight` | int 0-100 | no | the severity's weight | a rule's own score deduction |
            | `payers[]` | list, at least one | yes | | one entry per payer ID (IN1-3) |
            | `payers[].payerId` / `.name` | string | yes | | unique payer ID and display name |
            | `payers[].planType` | `MEDICARE_FFS`, `MEDICARE_ADVANTAGE`, `MEDICAID`, `MEDICAID_MANAGED`, `COMMERCIAL_HMO`, `COMMERCIAL_PPO`, `WORKERS_COMP`, `SELF_PAY` | yes | | |
            | `payers[].memberIdPattern` | Java regular expression | yes | | the card's member-ID format (Medicare: the MBI pattern) |
            | `payers[].financialClasses` | list of PV1-20 codes, at least one | yes | | financial classes that fit this plan |
            | `payers[].authorizationRequired` | list of CPT/HCPCS codes | no | none | the payer × CPT prior-authorization table |
            | `payers[].referralRequired` | boolean | no | false | PCP referral needed for non-emergency services (HMO) |
            | `selfPayFinancialClasses` | list of strings | no | `["SP"]` | PV1-20 codes meaning self-pay |
            | `coverage.<CPT>` | list of ICD-10-CM codes, at least one | no | empty | diagnoses that support the service; services not listed are not checked |
            | `serviceDemographics.<CPT>.sexes` | list of HL7 0001 codes | no | any | sexes the service is for |
            | `serviceDemographics.<CPT>.minimumAge` / `.maximumAge` | int 0-130 | no | open | age range in whole years at the service date |
            | `orders.requiredDepartments` | list of department codes | no | none | departments whose non-emergency services need a physician order |
            | `eligibility.maxAgeDays` | int 0-366 | no | 30 | how many days before the service date the latest 271 may be |
            | `msp.planTypes` | list of plan types | no | `MEDICARE_FFS`, `MEDICARE_ADVANTAGE` | plans needing the MSP questionnaire |
            | `msp.recurringReverifyDays` | int 1-366 | no | 90 | MSP re-verification interval for recurring outpatient series |
            | `guarantor.minimumAge` | int 0-30 | no | 18 | age of majority for guarantors |
            | `holidays` | list of dates `YYYY-MM-DD` | no | none | days that are not business days (No Surprises Act timing) |

            The default configuration lists no holidays because the synthetic hospital counts business days as Monday to Friday
            (`ingest` `BusinessDays`); list your organisation's closed days.
            """;

    private ConfigurationDoc() {}
}
