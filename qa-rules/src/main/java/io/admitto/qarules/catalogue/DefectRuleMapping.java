package io.admitto.qarules.catalogue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Which rules an injected defect should trigger. {@code mustFire} rules are expected on every
 * encounter with the defect (they count towards the rule's recall); {@code mayFire} rules are
 * legitimate consequences that depend on circumstances (a mistyped birth date shows as AAA 71 only for
 * insured patients), so firing them is not a false positive but missing them is not a miss. Keys are
 * the defect name, or {@code DEFECT/detail} for a variant, which takes precedence.
 */
public final class DefectRuleMapping
{
    public record Expectation(Set<String> mustFire, Set<String> mayFire)
    {
        public Expectation
        {
            mustFire = Set.copyOf(mustFire);
            mayFire = Set.copyOf(mayFire);
        }

        public boolean explains(String ruleId)
        {
            return mustFire.contains(ruleId) || mayFire.contains(ruleId);
        }
    }

    private static final Expectation NOTHING = new Expectation(Set.of(), Set.of());

    private final Map<String, Expectation> expectations;

    public DefectRuleMapping(Map<String, Expectation> expectations)
    {
        this.expectations = Map.copyOf(requireNonNull(expectations, "expectations is null"));
    }

    /** The mapping for the hospital generator's {@code Defect}s (ingest module) under the default configuration. */
    public static DefectRuleMapping generatorDefects()
    {
        Map<String, Expectation> map = new LinkedHashMap<>();
        map.put("WRONG_MEMBER_ID", new Expectation(Set.of("ELG-004"), Set.of("SUB-002")));
        map.put("WRONG_MEMBER_ID/malformed member ID", new Expectation(Set.of("ELG-004", "SUB-002"), Set.of()));
        map.put("WRONG_MEMBER_ID/well-formed but wrong member ID", new Expectation(Set.of("ELG-004"), Set.of()));
        map.put("COVERAGE_TERMINATED", new Expectation(Set.of("COV-002", "ELG-003"), Set.of()));
        map.put("NO_ELIGIBILITY_CHECK", new Expectation(Set.of("ELG-001"), Set.of()));
        map.put("MISSING_AUTHORIZATION", new Expectation(Set.of("AUT-001"), Set.of()));
        map.put("MISSING_MSPQ", new Expectation(Set.of("MSP-001"), Set.of()));
        map.put("EMTALA_VIOLATION", new Expectation(Set.of("EMT-001", "EMT-002"), Set.of()));
        map.put("MISSING_GFE", new Expectation(Set.of("NSA-001"), Set.of()));
        map.put("BAD_DEMOGRAPHICS", new Expectation(Set.of(), Set.of("ID-008", "ID-009", "ELG-004", "SUB-003", "ID-007")));
        map.put("BAD_DEMOGRAPHICS/malformed SSN", new Expectation(Set.of("ID-008"), Set.of()));
        map.put("BAD_DEMOGRAPHICS/missing phone", new Expectation(Set.of("ID-009"), Set.of()));
        // only insured patients have a 271 (AAA 71) and only subscribers ("self") a second birth date to disagree with;
        // a self-pay patient's mistyped birth date leaves no trace a rule can see
        map.put("BAD_DEMOGRAPHICS/mistyped birth date", new Expectation(Set.of(), Set.of("ELG-004", "SUB-003", "ID-007")));
        map.put("DUPLICATE_PATIENT", new Expectation(Set.of("ID-011"), Set.of()));
        map.put("WRONG_PLAN", new Expectation(Set.of("PLN-002"), Set.of()));
        map.put("MISSING_CONSENT", new Expectation(Set.of(), Set.of("CON-001", "CON-002", "CON-003")));
        map.put("MISSING_CONSENT/general consent", new Expectation(Set.of("CON-001"), Set.of()));
        map.put("MISSING_CONSENT/assignment of benefits", new Expectation(Set.of("CON-002"), Set.of()));
        map.put("MISSING_CONSENT/notice of privacy practices", new Expectation(Set.of("CON-003"), Set.of()));
        map.put("MISSING_PHYSICIAN_ORDER", new Expectation(Set.of("ORD-001"), Set.of()));
        map.put("MISSING_REFERRAL", new Expectation(Set.of("REF-001"), Set.of()));
        return new DefectRuleMapping(map);
    }

    /** What {@code defect} (with its variant {@code detail}, which may be null) should trigger; nothing for an unknown defect. */
    public Expectation expectation(String defect, String detail)
    {
        if (defect == null) {
            return NOTHING;
        }
        if (detail != null) {
            Expectation variant = expectations.get(defect + "/" + detail);
            if (variant != null) {
                return variant;
            }
        }
        return expectations.getOrDefault(defect, NOTHING);
    }

    /** Every mapping entry by key ({@code DEFECT} or {@code DEFECT/detail}), as strings for the launcher to print. */
    public Map<String, Expectation> entries()
    {
        return expectations;
    }
}
