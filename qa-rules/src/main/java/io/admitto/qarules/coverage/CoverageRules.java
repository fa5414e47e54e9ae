package io.admitto.qarules.coverage;

import io.admitto.events.CoverageStatus;
import io.admitto.events.EligibilityResponse;
import io.admitto.events.Insurance;
import io.admitto.events.Patient;
import io.admitto.events.PersonName;
import io.admitto.events.PlanType;
import io.admitto.events.Subscriber;
import io.admitto.qarules.config.PayerPolicy;
import io.admitto.qarules.rule.Rule;
import io.admitto.qarules.rule.RuleContext;
import io.admitto.qarules.rule.Values;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import static io.admitto.qarules.Category.COORDINATION_OF_BENEFITS;
import static io.admitto.qarules.Category.COVERAGE_DATES;
import static io.admitto.qarules.Category.PLAN;
import static io.admitto.qarules.Category.SUBSCRIBER;
import static io.admitto.qarules.Severity.ERROR;
import static io.admitto.qarules.Severity.WARNING;
import static io.admitto.qarules.rule.RuleDescriptor.rule;
import static io.admitto.qarules.rule.Values.isBlank;

/** Subscriber and member ID, plan choice and financial class, coverage dates and coordination of benefits. */
public final class CoverageRules
{
    private static final Set<String> RELATIONSHIPS = Set.of("self", "spouse", "child", "other");

    private CoverageRules() {}

    public static List<Rule> rules()
    {
        return List.of(MEMBER_ID_MISSING, MEMBER_ID_FORMAT, SELF_SUBSCRIBER_MISMATCH, RELATIONSHIP_INVALID, DEPENDENT_IMPLAUSIBLE,
                SUBSCRIBER_INCOMPLETE, FINANCIAL_CLASS_MISMATCH, FEE_FOR_SERVICE_FOR_MANAGED_MEMBER, PAYER_UNKNOWN, PRIORITY_INVALID,
                MEDICAID_NOT_LAST, BEFORE_COVERAGE_START, AFTER_COVERAGE_END, OUTSIDE_PLAN_DATES, OTHER_PAYER_NOT_RECORDED);
    }

    public static final Rule MEMBER_ID_MISSING = rule("SUB-001", SUBSCRIBER, ERROR, "Member ID missing")
            .because("The payer finds the member by the ID on the card; a claim without it is returned unidentified.")
            .source("HL7 IN1-49/IN1-36; X12 837 NM109 (subscriber identifier)")
            .prevents("31")
            .checkedBy((context, findings) -> {
                List<Insurance> insurances = context.registration().insurances();
                for (int i = 0; i < insurances.size(); i++) {
                    Insurance insurance = insurances.get(i);
                    if (context.insured(insurance) && isBlank(insurance.memberId())) {
                        findings.report("insurances[" + i + "].memberId", Values.of("insurances[" + i + "].memberId", insurance.memberId()),
                                "The member ID for " + payerName(insurance) + " is " + Values.missingOrEmpty(insurance.memberId()) + ".",
                                "Copy the member ID from the front of the insurance card.");
                    }
                }
            });

    public static final Rule MEMBER_ID_FORMAT = rule("SUB-002", SUBSCRIBER, ERROR, "Member ID does not match the payer's format")
            .because("Each payer issues IDs in a fixed format (Medicare's MBI is 11 characters in a fixed letter/digit pattern without S, L, O, I, B, Z; "
                    + "Blue plans carry a 3-letter prefix). A malformed ID is a typing error the clearinghouse or payer rejects.")
            .source("CMS MBI format specification; payer card formats in the organisation's payer table; X12 271 AAA 72")
            .prevents("31", "140")
            .checkedBy((context, findings) -> {
                List<Insurance> insurances = context.registration().insurances();
                for (int i = 0; i < insurances.size(); i++) {
                    Insurance insurance = insurances.get(i);
                    PayerPolicy payer = context.payer(insurance);
                    if (payer != null && context.insured(insurance) && !isBlank(insurance.memberId()) && !payer.memberIdMatches(insurance.memberId())) {
                        findings.report("insurances[" + i + "].memberId", Values.of("insurances[" + i + "].memberId", insurance.memberId(),
                                        "format", payer.memberIdPattern().pattern()),
                                "Member ID '" + insurance.memberId() + "' is not in " + payer.name() + "'s format.",
                                "Re-enter the ID from the card, character by character; watch for swapped or dropped characters.");
                    }
                }
            });

    public static final Rule SELF_SUBSCRIBER_MISMATCH = rule("SUB-003", SUBSCRIBER, ERROR, "Patient is the subscriber but name or birth date differ")
            .because("When the patient is the subscriber (relationship self) the payer matches the patient to the member record; a different name "
                    + "or birth date means one of them was mistyped and the payer will not match the claim.")
            .source("HL7 IN1-16..18 vs PID-5/PID-7; X12 271 AAA 71/73; CARC 140")
            .prevents("140", "31")
            .checkedBy((context, findings) -> {
                Patient patient = context.patient();
                List<Insurance> insurances = context.registration().insurances();
                for (int i = 0; i < insurances.size(); i++) {
                    Insurance insurance = insurances.get(i);
                    Subscriber subscriber = insurance.subscriber();
                    if (patient == null || subscriber == null || !"self".equals(subscriber.relationship())) {
                        continue;
                    }
                    boolean birthDiffers = subscriber.birthDate() != null && patient.birthDate() != null && !subscriber.birthDate().equals(patient.birthDate());
                    boolean nameDiffers = subscriber.name() != null && patient.name() != null && !sameName(subscriber.name(), patient.name());
                    if (birthDiffers || nameDiffers) {
                        String path = "insurances[" + i + "].subscriber";
                        findings.report(path + (birthDiffers ? ".birthDate" : ".name"),
                                birthDiffers
                                        ? Values.of(path + ".birthDate", subscriber.birthDate(), "patient.birthDate", patient.birthDate())
                                        : Values.of(path + ".name", subscriber.name(), "patient.name", patient.name()),
                                "The patient is the subscriber but the " + (birthDiffers ? "birth dates" : "names") + " differ.",
                                "Check the patient's " + (birthDiffers ? "birth date" : "name") + " against the card and photo ID and correct whichever is wrong.");
                    }
                }
            });

    public static final Rule RELATIONSHIP_INVALID = rule("SUB-004", SUBSCRIBER, ERROR, "Relationship to subscriber missing or unknown")
            .because("The relationship (self, spouse, child, other) decides whose record the payer searches; without it dependents are not found.")
            .source("HL7 IN1-17 (table 0063); X12 837 SBR02/PAT01")
            .prevents("32", "16")
            .checkedBy((context, findings) -> {
                List<Insurance> insurances = context.registration().insurances();
                for (int i = 0; i < insurances.size(); i++) {
                    Insurance insurance = insurances.get(i);
                    if (!context.insured(insurance)) {
                        continue;
                    }
                    String relationship = insurance.subscriber() == null ? null : insurance.subscriber().relationship();
                    if (relationship == null || !RELATIONSHIPS.contains(relationship)) {
                        findings.report("insurances[" + i + "].subscriber.relationship", Values.of("insurances[" + i + "].subscriber.relationship", relationship),
                                relationship == null || relationship.isBlank()
                                        ? "The patient's relationship to the subscriber is " + Values.missingOrEmpty(relationship) + "."
                                        : "The relationship '" + relationship + "' is not self, spouse, child or other.",
                                "Ask who holds the policy and record the relationship.");
                    }
                }
            });

    public static final Rule DEPENDENT_IMPLAUSIBLE = rule("SUB-005", SUBSCRIBER, ERROR, "Dependent's subscriber implausible")
            .because("A child's subscriber (the parent) must be older than the child, and a spouse who holds a policy must be an adult; otherwise "
                    + "the patient and subscriber were swapped or a birth date is wrong, and the payer finds no eligible dependent.")
            .source("X12 CARC 32 (not an eligible dependent); HL7 IN1-17/IN1-18")
            .prevents("32")
            .checkedBy((context, findings) -> {
                Patient patient = context.patient();
                LocalDate on = context.serviceDate();
                List<Insurance> insurances = context.registration().insurances();
                for (int i = 0; i < insurances.size(); i++) {
                    Subscriber subscriber = insurances.get(i).subscriber();
                    if (subscriber == null || subscriber.birthDate() == null || patient == null || patient.birthDate() == null) {
                        continue;
                    }
                    if ("child".equals(subscriber.relationship()) && !subscriber.birthDate().isBefore(patient.birthDate())) {
                        String path = "insurances[" + i + "].subscriber";
                        findings.report(path + ".birthDate", Values.of(path + ".birthDate", subscriber.birthDate(), "patient.birthDate", patient.birthDate()),
                                "The patient is registered as the subscriber's child but the subscriber is not older than the patient.",
                                "Check that patient and subscriber were not swapped and that both birth dates are right.");
                    }
                    else if ("spouse".equals(subscriber.relationship()) && on != null && RuleContext.yearsBetween(subscriber.birthDate(), on) < 18) {
                        String path = "insurances[" + i + "].subscriber";
                        findings.report(path + ".birthDate", Values.of(path + ".birthDate", subscriber.birthDate(), "serviceDate", on),
                                "The patient's spouse, who holds the policy, is registered as a minor.",
                                "Check the subscriber's birth date.");
                    }
                }
            });

    public static final Rule SUBSCRIBER_INCOMPLETE = rule("SUB-006", SUBSCRIBER, ERROR, "Subscriber name or birth date missing")
            .because("Payers search dependents under the subscriber's name and birth date; the 837 requires both for the subscriber loop.")
            .source("HL7 IN1-16/IN1-18; X12 837 loop 2010BA")
            .prevents("16", "31")
            .checkedBy((context, findings) -> {
                List<Insurance> insurances = context.registration().insurances();
                for (int i = 0; i < insurances.size(); i++) {
                    Insurance insurance = insurances.get(i);
                    if (!context.insured(insurance)) {
                        continue;
                    }
                    Subscriber subscriber = insurance.subscriber();
                    PersonName name = subscriber == null ? null : subscriber.name();
                    boolean nameMissing = name == null || isBlank(name.family()) || isBlank(name.given());
                    boolean birthMissing = subscriber == null || subscriber.birthDate() == null;
                    if (nameMissing || birthMissing) {
                        String path = "insurances[" + i + "].subscriber";
                        findings.report(path + (nameMissing ? ".name" : ".birthDate"),
                                Values.of(path + ".name", name, path + ".birthDate", subscriber == null ? null : subscriber.birthDate()),
                                "The subscriber's " + (nameMissing && birthMissing ? "name and birth date are" : nameMissing ? "name is" : "birth date is") + " missing.",
                                "Ask for the policy holder's name and date of birth as on the card.");
                    }
                }
            });

    public static final Rule FINANCIAL_CLASS_MISMATCH = rule("PLN-001", PLAN, ERROR, "Financial class does not fit the coverage")
            .because("PV1-20 decides the claim form, the payer the claim goes to and the collection path; a self-pay class with coverage "
                    + "(or an insured class without) sends the account down the wrong path.")
            .source("HL7 PV1-20; the organisation's payer table (financialClasses)")
            .prevents("109")
            .checkedBy((context, findings) -> {
                String financialClass = context.registration().financialClass();
                Set<String> selfPayClasses = context.config().selfPayFinancialClasses();
                String problem = null;
                if (isBlank(financialClass)) {
                    problem = "The financial class is " + Values.missingOrEmpty(financialClass) + ".";
                }
                else if (context.selfPay()) {
                    if (!selfPayClasses.contains(financialClass)) {
                        problem = "No coverage is listed but the financial class '" + financialClass + "' is not a self-pay class.";
                    }
                }
                else {
                    PayerPolicy payer = context.payer(context.primary());
                    if (payer != null && !payer.financialClasses().contains(financialClass)) {
                        problem = "Financial class '" + financialClass + "' does not belong to " + payer.name() + " (expected "
                                + String.join("/", new java.util.TreeSet<>(payer.financialClasses())) + ").";
                    }
                    else if (payer == null && selfPayClasses.contains(financialClass)) {
                        problem = "Coverage is listed but the financial class '" + financialClass + "' is self-pay.";
                    }
                }
                if (problem != null) {
                    findings.report("financialClass", Values.of("financialClass", financialClass, "primary.payerId",
                                    context.primary() == null ? null : context.primary().payerId()),
                            problem, "Set the financial class of the primary coverage's plan.");
                }
            });

    public static final Rule FEE_FOR_SERVICE_FOR_MANAGED_MEMBER = rule("PLN-002", PLAN, ERROR, "Fee-for-service plan registered for a managed-care member")
            .because("When original Medicare or state Medicaid answers the 271 with another payer (EB01 R), the patient is enrolled in a Medicare "
                    + "Advantage or Medicaid managed-care plan that pays instead; billing the fee-for-service program is denied as the wrong payer.")
            .source("X12 271 EB01 R (other or additional payer); CARC 109 (claim not covered by this payer)")
            .prevents("109")
            .checkedBy((context, findings) -> {
                List<Insurance> insurances = context.registration().insurances();
                for (int i = 0; i < insurances.size(); i++) {
                    Insurance insurance = insurances.get(i);
                    if (insurance.planType() != PlanType.MEDICARE_FFS && insurance.planType() != PlanType.MEDICAID) {
                        continue;
                    }
                    EligibilityResponse response = context.eligibility(insurance);
                    if (response != null && response.otherPayerIndicated()) {
                        findings.report("insurances[" + i + "].planType", Values.of("insurances[" + i + "].planType", insurance.planType(),
                                        "eligibility.otherPayerIndicated", true),
                                payerName(insurance) + " reports another payer for this patient: the patient is probably in a "
                                        + (insurance.planType() == PlanType.MEDICARE_FFS ? "Medicare Advantage" : "Medicaid managed-care") + " plan.",
                                "Ask for the managed-care card, register that plan and re-verify eligibility with it.");
                    }
                }
            });

    public static final Rule PAYER_UNKNOWN = rule("PLN-003", PLAN, WARNING, "Payer not in the organisation's payer table")
            .because("Member-ID, authorization and financial-class edits depend on the payer table; a payer that is not in it is unchecked "
                    + "(and often a wrong pick from the insurance master).")
            .source("Organisation configuration (payers)")
            .checkedBy((context, findings) -> {
                List<Insurance> insurances = context.registration().insurances();
                for (int i = 0; i < insurances.size(); i++) {
                    Insurance insurance = insurances.get(i);
                    if (context.insured(insurance) && context.payer(insurance) == null) {
                        findings.report("insurances[" + i + "].payerId", Values.of("insurances[" + i + "].payerId", insurance.payerId()),
                                "Payer '" + insurance.payerId() + "' is not in the payer table, so its edits were not applied.",
                                "Check the insurance plan picked; if it is right, ask the QA administrator to add the payer.");
                    }
                }
            });

    public static final Rule PRIORITY_INVALID = rule("PLN-004", PLAN, ERROR, "Coverage priorities not 1, 2, 3...")
            .because("Coordination of benefits bills the coverages in IN1-22 order; duplicated or missing priorities send claims to the wrong payer first.")
            .source("HL7 IN1-22 (coordination of benefits priority); NAIC COB model regulation; CARC 22")
            .prevents("22")
            .checkedBy((context, findings) -> {
                List<Insurance> insurances = context.registration().insurances();
                long seen = 0;
                boolean invalid = false;
                for (int iInsurance = 0; iInsurance < insurances.size(); iInsurance++) {
                    Insurance insurance = insurances.get(iInsurance);
                    int priority = insurance.priority();
                    if (priority < 1 || priority > insurances.size() || (seen & (1L << priority)) != 0) {
                        invalid = true;
                        break;
                    }
                    seen |= 1L << priority;
                }
                if (invalid) {
                    StringBuilder priorities = new StringBuilder();
                    for (int iInsurance = 0; iInsurance < insurances.size(); iInsurance++) {
                        Insurance insurance = insurances.get(iInsurance);
                        priorities.append(priorities.isEmpty() ? "" : ",").append(insurance.priority());
                    }
                    findings.report("insurances[].priority", Values.of("insurances[].priority", priorities),
                            "The coverages' priorities (" + priorities + ") are not 1 to " + insurances.size() + " without gaps or repeats.",
                            "Order the coverages primary, secondary, tertiary per the COB rules.");
                }
            });

    public static final Rule MEDICAID_NOT_LAST = rule("PLN-005", PLAN, ERROR, "Medicaid billed before other coverage")
            .because("Medicaid is the payer of last resort: any other coverage the patient has pays first, or Medicaid denies the claim.")
            .source("42 USC 1396a(a)(25); 42 CFR 433.139; CARC 22")
            .prevents("22")
            .checkedBy((context, findings) -> {
                List<Insurance> insurances = context.registration().insurances();
                for (int i = 0; i < insurances.size(); i++) {
                    Insurance medicaid = insurances.get(i);
                    if (medicaid.planType() != PlanType.MEDICAID && medicaid.planType() != PlanType.MEDICAID_MANAGED) {
                        continue;
                    }
                    for (int iOther = 0; iOther < insurances.size(); iOther++) {
                        Insurance other = insurances.get(iOther);
                        if (other != medicaid && context.insured(other) && other.planType() != PlanType.MEDICAID
                                && other.planType() != PlanType.MEDICAID_MANAGED && other.priority() > medicaid.priority()) {
                            findings.report("insurances[" + i + "].priority", Values.of("insurances[" + i + "].priority", medicaid.priority(),
                                            "other.payerId", other.payerId()),
                                    "Medicaid is listed ahead of " + payerName(other) + "; Medicaid pays last.",
                                    "Make " + payerName(other) + " primary and Medicaid the last coverage.");
                            return;
                        }
                    }
                }
            });

    public static final Rule BEFORE_COVERAGE_START = rule("COV-001", COVERAGE_DATES, ERROR, "Service before the coverage start date")
            .because("A service before the plan's effective date (IN1-12) is not covered by it.")
            .source("HL7 IN1-12; X12 271 DTP*346; CARC 26 (expenses incurred prior to coverage)")
            .prevents("26")
            .checkedBy((context, findings) -> {
                LocalDate day = context.serviceDate();
                List<Insurance> insurances = context.registration().insurances();
                for (int i = 0; day != null && i < insurances.size(); i++) {
                    Insurance insurance = insurances.get(i);
                    if (insurance.coverageStart() != null && day.isBefore(insurance.coverageStart())) {
                        findings.report("insurances[" + i + "].coverageStart", Values.of("insurances[" + i + "].coverageStart", insurance.coverageStart(), "serviceDate", day),
                                payerName(insurance) + " coverage starts " + insurance.coverageStart() + ", after the service date " + day + ".",
                                "Verify the effective date; if coverage really starts later, find the coverage in force on the service date or treat as self-pay.");
                    }
                }
            });

    public static final Rule AFTER_COVERAGE_END = rule("COV-002", COVERAGE_DATES, ERROR, "Service after the coverage end date")
            .because("A service after the plan's termination date (IN1-13) is denied; the patient probably has new coverage.")
            .source("HL7 IN1-13; X12 271 DTP*347; CARC 27 (expenses incurred after coverage terminated)")
            .prevents("27")
            .checkedBy((context, findings) -> {
                LocalDate day = context.serviceDate();
                List<Insurance> insurances = context.registration().insurances();
                for (int i = 0; day != null && i < insurances.size(); i++) {
                    Insurance insurance = insurances.get(i);
                    if (insurance.coverageEnd() != null && day.isAfter(insurance.coverageEnd())) {
                        findings.report("insurances[" + i + "].coverageEnd", Values.of("insurances[" + i + "].coverageEnd", insurance.coverageEnd(), "serviceDate", day),
                                payerName(insurance) + " coverage ended " + insurance.coverageEnd() + ", before the service date " + day + ".",
                                "Ask the patient for current coverage and verify it; refer to financial counselling if there is none.");
                    }
                }
            });

    public static final Rule OUTSIDE_PLAN_DATES = rule("COV-003", COVERAGE_DATES, ERROR, "Active 271 but its plan dates exclude the service date")
            .because("A 271 can be active for the inquiry date while the plan begin/end dates (DTP*346/347) exclude the service date, "
                    + "e.g. a plan starting next month or ending before a future appointment.")
            .source("X12 271 (005010X279A1) DTP*346/347; CARC 26/27/200")
            .prevents("26", "27", "200")
            .checkedBy((context, findings) -> {
                LocalDate day = context.serviceDate();
                List<Insurance> insurances = context.registration().insurances();
                for (int i = 0; day != null && i < insurances.size(); i++) {
                    EligibilityResponse response = context.eligibility(insurances.get(i));
                    if (response == null || response.coverageStatus() != CoverageStatus.ACTIVE) {
                        continue;
                    }
                    boolean before = response.planBegin() != null && day.isBefore(response.planBegin());
                    boolean after = response.planEnd() != null && day.isAfter(response.planEnd());
                    if (before || after) {
                        findings.report("eligibility[" + insurances.get(i).payerId() + "]." + (before ? "planBegin" : "planEnd"),
                                Values.of("eligibility.planBegin", response.planBegin(), "eligibility.planEnd", response.planEnd(), "serviceDate", day),
                                "The 271 from " + payerName(insurances.get(i)) + " shows plan dates " + response.planBegin() + " to "
                                        + (response.planEnd() == null ? "open" : response.planEnd()) + ", which do not include the service date " + day + ".",
                                "Re-verify for the service date and register the coverage in force then.", before ? List.of("26") : List.of("27"));
                    }
                }
            });

    public static final Rule OTHER_PAYER_NOT_RECORDED = rule("COB-001", COORDINATION_OF_BENEFITS, ERROR, "271 names another payer not on the registration")
            .because("An EB01 R (other or additional payer) on the 271 of a plan that is not fee-for-service means another coverage may be primary; "
                    + "billing without coordinating benefits is denied.")
            .source("X12 271 EB01 R; CARC 22 (may be covered by another payer per COB); RARC MA04")
            .prevents("22")
            .checkedBy((context, findings) -> {
                List<Insurance> insurances = context.registration().insurances();
                if (insurances.size() != 1) {
                    return;
                }
                Insurance insurance = insurances.get(0);
                if (insurance.planType() == PlanType.MEDICARE_FFS || insurance.planType() == PlanType.MEDICAID) {
                    return; // PLN-002: for fee-for-service programs an EB01 R means a managed plan pays instead
                }
                EligibilityResponse response = context.eligibility(insurance);
                if (response != null && response.otherPayerIndicated()) {
                    findings.report("insurances", Values.of("insurances[0].payerId", insurance.payerId(), "eligibility.otherPayerIndicated", true),
                            payerName(insurance) + " reports another payer, but only one coverage is registered.",
                            "Ask about other coverage (spouse's plan, Medicare, liability), add it and set the COB order.");
                }
            });

    static String payerName(Insurance insurance)
    {
        return insurance.payerName() != null ? insurance.payerName() : Objects.toString(insurance.payerId(), "the payer");
    }

    private static boolean sameName(PersonName a, PersonName b)
    {
        return normalized(a.family()).equals(normalized(b.family())) && normalized(a.given()).equals(normalized(b.given()));
    }

    private static String normalized(String part)
    {
        return part == null ? "" : part.strip().toUpperCase(Locale.ROOT);
    }

    /** For rules of other packages that quote a payer. */
    public static String displayName(Insurance insurance)
    {
        return payerName(insurance);
    }
}
