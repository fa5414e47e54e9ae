package io.admitto.qarules.config;

import io.admitto.events.PlanType;
import io.admitto.qarules.scoring.ScoringPolicy;

import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * One organisation's rule configuration (see {@code docs/rules.md}, "Configuration", for the JSON
 * schema). Read with {@link OrganizationConfigLoader}; the default ships in the module.
 *
 * @param rules per-rule overrides by rule id
 * @param payers payer policies by payer ID (IN1-3)
 * @param selfPayFinancialClasses PV1-20 values that mean self-pay
 * @param coverage the coverage table: CPT/HCPCS code to the ICD-10-CM codes that support it; services
 *        not in the table are not checked for medical necessity
 * @param serviceDemographics who each listed service is for (sex and age edits)
 * @param orderRequiredDepartments departments whose outpatient services need a physician order
 * @param eligibilityMaxAgeDays how old the latest 271 may be at the service date
 * @param mspPlanTypes plan types that need the Medicare Secondary Payer questionnaire
 * @param mspRecurringDays how long an MSP questionnaire covers a recurring outpatient series (CMS: 90 days)
 * @param guarantorMinimumAge the age of majority for a guarantor
 */
public record OrganizationConfig(
        String name,
        ScoringPolicy scoring,
        Map<String, RuleSetting> rules,
        Map<String, PayerPolicy> payers,
        Set<String> selfPayFinancialClasses,
        Map<String, Set<String>> coverage,
        Map<String, ServiceDemographics> serviceDemographics,
        Set<String> orderRequiredDepartments,
        int eligibilityMaxAgeDays,
        Set<PlanType> mspPlanTypes,
        int mspRecurringDays,
        int guarantorMinimumAge,
        BusinessCalendar calendar)
{
    public OrganizationConfig
    {
        requireNonNull(name, "name is null");
        requireNonNull(scoring, "scoring is null");
        rules = Map.copyOf(rules);
        payers = Map.copyOf(payers);
        selfPayFinancialClasses = Set.copyOf(selfPayFinancialClasses);
        coverage = Map.copyOf(coverage);
        serviceDemographics = Map.copyOf(serviceDemographics);
        orderRequiredDepartments = Set.copyOf(orderRequiredDepartments);
        mspPlanTypes = mspPlanTypes.isEmpty() ? Set.of() : Set.copyOf(mspPlanTypes);
        requireNonNull(calendar, "calendar is null");
    }

    public PayerPolicy payer(String payerId)
    {
        return payerId == null ? null : payers.get(payerId);
    }

    public RuleSetting rule(String ruleId)
    {
        return rules.getOrDefault(ruleId, RuleSetting.DEFAULT);
    }
}
