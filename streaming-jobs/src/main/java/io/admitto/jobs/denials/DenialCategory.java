package io.admitto.jobs.denials;

import java.util.Map;
import java.util.Set;

import static java.util.Map.entry;

/**
 * What a claim adjustment (X12 835 CAS group + CARC) means for patient access. Front-end categories
 * are the denials a correct registration prevents; back-end ones are billing and coding problems;
 * contractual write-downs and patient responsibility are not denials at all. The table follows
 * {@code ../shared/domain.md} §3 (HFMA Claim Integrity, CAQH CORE 360 scenarios); codes that list marks
 * "verify" are kept where it puts them.
 */
public enum DenialCategory {
    ELIGIBILITY(true),
    REGISTRATION(true),
    COORDINATION_OF_BENEFITS(true),
    AUTHORIZATION(true),
    MEDICAL_NECESSITY(true),
    TIMELY_FILING(false),
    DUPLICATE(false),
    CODING(false),
    OTHER(false),
    /** Contractual obligation (CO-45 and friends): the price, not a denial. */
    CONTRACTUAL(false),
    /** Deductible, coinsurance, co-pay (PR-1/2/3): the patient's share, not a denial. */
    PATIENT_RESPONSIBILITY(false);

    private static final Map<String, DenialCategory> BY_CARC = Map.ofEntries(
            entry("26", ELIGIBILITY), entry("27", ELIGIBILITY), entry("200", ELIGIBILITY), entry("31", ELIGIBILITY),
            entry("32", ELIGIBILITY), entry("33", ELIGIBILITY), entry("177", ELIGIBILITY), entry("140", ELIGIBILITY),
            entry("109", ELIGIBILITY),
            entry("22", COORDINATION_OF_BENEFITS), entry("19", COORDINATION_OF_BENEFITS), entry("20", COORDINATION_OF_BENEFITS),
            entry("21", COORDINATION_OF_BENEFITS),
            entry("15", AUTHORIZATION), entry("197", AUTHORIZATION), entry("198", AUTHORIZATION), entry("39", AUTHORIZATION),
            entry("288", AUTHORIZATION), entry("242", AUTHORIZATION), entry("243", AUTHORIZATION),
            entry("50", MEDICAL_NECESSITY), entry("167", MEDICAL_NECESSITY), entry("96", MEDICAL_NECESSITY),
            entry("16", REGISTRATION), entry("13", REGISTRATION), entry("14", REGISTRATION), entry("6", REGISTRATION),
            entry("7", REGISTRATION), entry("9", REGISTRATION), entry("10", REGISTRATION),
            entry("29", TIMELY_FILING),
            entry("18", DUPLICATE),
            entry("4", CODING), entry("11", CODING));

    /** Adjustments that are the contract's price rather than a refusal to pay. */
    private static final Set<String> CONTRACTUAL_CARCS = Set.of("45", "23", "94", "A2", "42", "59", "253");

    private final boolean frontEnd;

    DenialCategory(boolean frontEnd) {
        this.frontEnd = frontEnd;
    }

    /** A registration that patient access gets right prevents it. */
    public boolean frontEnd() {
        return frontEnd;
    }

    public boolean denial() {
        return this != CONTRACTUAL && this != PATIENT_RESPONSIBILITY;
    }

    /** The category of one CAS adjustment. Patient-responsibility groups are never denials; CR (reversal) counts as OTHER. */
    public static DenialCategory of(String groupCode, String carc) {
        if ("PR".equals(groupCode) && Set.of("1", "2", "3", "66").contains(carc)) {
            return PATIENT_RESPONSIBILITY;
        }
        if (CONTRACTUAL_CARCS.contains(carc)) {
            return CONTRACTUAL;
        }
        return BY_CARC.getOrDefault(carc, OTHER);
    }
}
