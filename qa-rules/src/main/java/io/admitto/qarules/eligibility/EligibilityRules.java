package io.admitto.qarules.eligibility;

import io.admitto.events.CoverageStatus;
import io.admitto.events.CoverageVerification;
import io.admitto.events.EligibilityResponse;
import io.admitto.events.Insurance;
import io.admitto.events.RequestRejection;
import io.admitto.qarules.coverage.CoverageRules;
import io.admitto.qarules.rule.Rule;
import io.admitto.qarules.rule.RuleContext;
import io.admitto.qarules.rule.Values;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static io.admitto.qarules.Category.ELIGIBILITY;
import static io.admitto.qarules.Severity.ERROR;
import static io.admitto.qarules.Severity.WARNING;
import static io.admitto.qarules.rule.RuleDescriptor.rule;

/** Eligibility verified (270/271 or IN1 verification), fresh, active and free of unresolved AAA rejects. */
public final class EligibilityRules
{
    private static final String VERIFIED = "verified";

    private EligibilityRules() {}

    public static List<Rule> rules()
    {
        return List.of(NOT_VERIFIED, STALE, INACTIVE, REJECTED, VERIFIED_CONTRADICTS_271, MEMBER_ID_DIFFERS, VERIFIED_AFTER_SERVICE);
    }

    public static final Rule NOT_VERIFIED = rule("ELG-001", ELIGIBILITY, ERROR, "Coverage not verified")
            .because("HFMA counts an encounter as verified when an active 271 for the service date or an IN1-29/45 verification is on file before "
                    + "service; unverified coverage is the largest single source of front-end denials.")
            .source("HFMA MAP Keys: Insurance Verification Rate; HL7 IN1-29/IN1-45; X12 270/271")
            .prevents("27", "31", "177")
            .checkedBy((context, findings) -> {
                if (!context.registered()) {
                    return; // pre-registration may still verify before the visit
                }
                List<Insurance> insurances = context.registration().insurances();
                for (int i = 0; i < insurances.size(); i++) {
                    Insurance insurance = insurances.get(i);
                    if (!context.insured(insurance) || context.eligibility(insurance) != null) {
                        continue;
                    }
                    CoverageVerification verification = insurance.verification();
                    String status = verification == null ? null : verification.status();
                    if (!VERIFIED.equals(status)) {
                        findings.report("insurances[" + i + "].verification", Values.of("insurances[" + i + "].verification.status", status, "eligibility.271", null),
                                "Coverage with " + CoverageRules.displayName(insurance) + " was not verified: no 271 and no verification recorded.",
                                "Run an eligibility check (270) for the service date and record the result.");
                    }
                }
            });

    public static final Rule STALE = rule("ELG-002", ELIGIBILITY, WARNING, "Eligibility check too old for the service date")
            .because("Coverage changes (mostly at month ends); a 271 older than the organisation's freshness window may no longer hold on the service date.")
            .source("Organisation policy (eligibility.maxAgeDays); HFMA Insurance Verification Rate (verified for the service date)")
            .prevents("27")
            .checkedBy((context, findings) -> {
                LocalDate day = context.serviceDate();
                int maxAge = context.config().eligibilityMaxAgeDays();
                List<EligibilityResponse> responseList = context.snapshot().eligibility();
                for (int iResponse = 0; iResponse < responseList.size(); iResponse++) {
                    EligibilityResponse response = responseList.get(iResponse);
                    if (day == null) {
                        return;
                    }
                    long age = ChronoUnit.DAYS.between(response.eventTime().toLocalDate(), day);
                    if (age > maxAge) {
                        findings.report("eligibility[" + response.payerId() + "].eventTime", Values.of("eligibility.eventTime", response.eventTime(), "serviceDate", day),
                                "The latest 271 from " + response.payerId() + " is " + age + " days older than the service date (policy: " + maxAge + ").",
                                "Re-verify eligibility within " + maxAge + " days of the service.");
                    }
                }
            });

    public static final Rule INACTIVE = rule("ELG-003", ELIGIBILITY, ERROR, "271 says coverage is inactive")
            .because("EB01 6 (inactive) for the service date means the payer will deny the claim; the registrar must find active coverage or "
                    + "start self-pay/financial counselling.")
            .source("X12 271 EB01 6; CARC 27 (after coverage terminated), 26, 200")
            .prevents("27", "26", "200")
            .checkedBy((context, findings) -> {
                List<Insurance> insurances = context.registration().insurances();
                for (int i = 0; i < insurances.size(); i++) {
                    EligibilityResponse response = context.eligibility(insurances.get(i));
                    if (response != null && response.coverageStatus() == CoverageStatus.INACTIVE) {
                        findings.report("eligibility[" + response.payerId() + "].coverageStatus",
                                Values.of("eligibility.coverageStatus", "inactive", "eligibility.planEnd", response.planEnd()),
                                CoverageRules.displayName(insurances.get(i)) + " reports the coverage inactive for the service date"
                                        + (response.planEnd() == null ? "." : " (plan ended " + response.planEnd() + ")."),
                                "Ask for current coverage and verify it; if none, refer the patient to financial counselling.");
                    }
                }
            });

    public static final Rule REJECTED = rule("ELG-004", ELIGIBILITY, ERROR, "Eligibility request rejected (AAA) and not resolved")
            .because("A 271 with an AAA segment answers nothing about coverage: the request as sent was wrong (72 invalid member ID, 71/73 birth "
                    + "date or name mismatch, 75 subscriber not found) and must be corrected and re-sent before the claim goes out.")
            .source("X12 271 (005010X279A1) AAA03 reject reasons; CARC 31, 140, 16")
            .prevents("31", "140", "16")
            .checkedBy((context, findings) -> {
                List<Insurance> insurances = context.registration().insurances();
                for (int i = 0; i < insurances.size(); i++) {
                    EligibilityResponse response = context.eligibility(insurances.get(i));
                    if (response == null || response.rejections().isEmpty()) {
                        continue;
                    }
                    RequestRejection rejection = response.rejections().get(0);
                    findings.report("eligibility[" + response.payerId() + "].rejections", Values.of("eligibility.rejections[0].reasonCode", rejection.reasonCode(),
                                    "insurances[" + i + "].memberId", insurances.get(i).memberId()),
                            CoverageRules.displayName(insurances.get(i)) + " rejected the eligibility request: " + describe(rejection.reasonCode()) + ".",
                            remedy(rejection.reasonCode()), carcs(rejection.reasonCode()));
                }
            });

    public static final Rule VERIFIED_CONTRADICTS_271 = rule("ELG-005", ELIGIBILITY, ERROR, "Recorded as verified though the 271 is not active")
            .because("IN1-45 'verified' is what billing trusts; recording it over an inactive or rejected 271 hides a coverage problem until the denial.")
            .source("HL7 IN1-29/IN1-45; X12 271 EB01/AAA")
            .prevents("27", "31")
            .checkedBy((context, findings) -> {
                List<Insurance> insurances = context.registration().insurances();
                for (int i = 0; i < insurances.size(); i++) {
                    Insurance insurance = insurances.get(i);
                    EligibilityResponse response = context.eligibility(insurance);
                    if (response != null && insurance.verification() != null && VERIFIED.equals(insurance.verification().status())
                            && response.coverageStatus() != CoverageStatus.ACTIVE) {
                        findings.report("insurances[" + i + "].verification.status", Values.of("insurances[" + i + "].verification.status", VERIFIED,
                                        "eligibility.coverageStatus", response.coverageStatus()),
                                "Coverage is marked verified but the latest 271 is " + response.coverageStatus().name().toLowerCase(java.util.Locale.ROOT) + ".",
                                "Resolve the 271 result (re-verify) before marking the coverage verified.");
                    }
                }
            });

    public static final Rule MEMBER_ID_DIFFERS = rule("ELG-006", ELIGIBILITY, ERROR, "271 verified a different member ID than registered")
            .because("The verification only vouches for the ID that was sent; if the registration now carries another ID, the claim goes out unverified.")
            .source("X12 271 NM109 vs HL7 IN1-49; CARC 31, 140")
            .prevents("31", "140")
            .checkedBy((context, findings) -> {
                List<Insurance> insurances = context.registration().insurances();
                for (int i = 0; i < insurances.size(); i++) {
                    Insurance insurance = insurances.get(i);
                    EligibilityResponse response = context.eligibility(insurance);
                    if (response != null && response.memberId() != null && insurance.memberId() != null
                            && !response.memberId().strip().equalsIgnoreCase(insurance.memberId().strip())) {
                        findings.report("insurances[" + i + "].memberId", Values.of("insurances[" + i + "].memberId", insurance.memberId(),
                                        "eligibility.memberId", response.memberId()),
                                "The 271 was for member ID " + response.memberId() + " but the registration has " + insurance.memberId() + ".",
                                "Confirm which ID is on the card, correct the registration and re-verify.");
                    }
                }
            });

    public static final Rule VERIFIED_AFTER_SERVICE = rule("ELG-007", ELIGIBILITY, WARNING, "Eligibility verified only after the service started")
            .because("Verification after the service leaves no chance to fix coverage or collect; for scheduled care it belongs before the visit. "
                    + "Emergency visits are exempt (EMTALA: no insurance questions may delay screening).")
            .source("HFMA MAP Keys: Insurance Verification Rate (verified before service); 42 CFR 489.24(d)(4)")
            .checkedBy((context, findings) -> {
                OffsetDateTime started = context.serviceStartedAt();
                if (context.emergency() || started == null) {
                    return;
                }
                List<Insurance> insurances = context.registration().insurances();
                for (int i = 0; i < insurances.size(); i++) {
                    EligibilityResponse response = context.eligibility(insurances.get(i));
                    if (response != null && RuleContext.before(started, response.eventTime())) {
                        findings.report("eligibility[" + response.payerId() + "].eventTime", Values.of("eligibility.eventTime", response.eventTime(),
                                        "serviceStartedAt", started),
                                "Eligibility with " + CoverageRules.displayName(insurances.get(i)) + " was verified after the service started.",
                                "Verify eligibility at scheduling or pre-registration.");
                    }
                }
            });

    private static String describe(String reasonCode)
    {
        return switch (reasonCode == null ? "" : reasonCode) {
            case "72" -> "invalid or missing member ID (AAA 72)";
            case "71" -> "patient birth date does not match the payer's (AAA 71)";
            case "73" -> "invalid or missing subscriber name (AAA 73)";
            case "75" -> "subscriber not found (AAA 75)";
            case "76" -> "duplicate subscriber (AAA 76)";
            case "58" -> "invalid or missing birth date (AAA 58)";
            case "42", "80" -> "payer unable to respond now (AAA " + reasonCode + ")";
            default -> "AAA reason " + reasonCode;
        };
    }

    private static String remedy(String reasonCode)
    {
        return switch (reasonCode == null ? "" : reasonCode) {
            case "72", "75" -> "Re-enter the member ID from the card (or scan it) and re-send the 270.";
            case "71", "58" -> "Check the patient's and subscriber's birth dates against ID and card, correct them and re-send the 270.";
            case "73" -> "Check the subscriber's name as printed on the card and re-send the 270.";
            case "42", "80" -> "Re-send the 270 later or verify by phone/portal and record it.";
            default -> "Correct the request as the AAA reason says and re-send the 270.";
        };
    }

    private static List<String> carcs(String reasonCode)
    {
        return switch (reasonCode == null ? "" : reasonCode) {
            case "72", "75" -> List.of("31");
            case "71", "58", "73" -> List.of("140", "16");
            default -> new ArrayList<>(List.of("31"));
        };
    }
}
