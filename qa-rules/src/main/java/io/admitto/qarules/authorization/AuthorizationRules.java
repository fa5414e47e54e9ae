package io.admitto.qarules.authorization;

import io.admitto.events.AuthorizationDecision;
import io.admitto.events.AuthorizationRequest;
import io.admitto.events.CertificationAction;
import io.admitto.events.EligibilityResponse;
import io.admitto.events.Insurance;
import io.admitto.qarules.config.PayerPolicy;
import io.admitto.qarules.coverage.CoverageRules;
import io.admitto.qarules.rule.Rule;
import io.admitto.qarules.rule.RuleContext;
import io.admitto.qarules.rule.Values;

import java.time.LocalDate;
import java.util.List;

import static io.admitto.qarules.Category.AUTHORIZATION;
import static io.admitto.qarules.Category.REFERRAL;
import static io.admitto.qarules.Severity.ERROR;
import static io.admitto.qarules.Severity.WARNING;
import static io.admitto.qarules.rule.RuleDescriptor.rule;
import static io.admitto.qarules.rule.Values.isBlank;

/**
 * Prior authorization (X12 278) and HMO referrals for scheduled, non-emergency care. Emergency visits
 * are exempt: EMTALA forbids seeking authorization before the screening exam, and payers may not
 * require it for emergency services (see EMT-004).
 */
public final class AuthorizationRules
{
    private AuthorizationRules() {}

    public static List<Rule> rules()
    {
        return List.of(MISSING, DENIED, PENDING, DATES_EXCLUDE_SERVICE, UNITS_SHORT, NUMBER_NOT_RECORDED, REFERRAL_MISSING);
    }

    /** Whether the primary payer wants authorization for the service: 271 EB11=Y, or the payer × CPT table. */
    static boolean required(RuleContext context)
    {
        Insurance primary = context.primary();
        if (primary == null || context.emergency() || !context.insured(primary)) {
            return false;
        }
        EligibilityResponse response = context.eligibility(primary);
        if (response != null && Boolean.TRUE.equals(response.authorizationRequired())) {
            return true;
        }
        PayerPolicy payer = context.payer(primary);
        String code = context.serviceCode();
        return payer != null && code != null && payer.authorizationRequired().contains(code);
    }

    public static final Rule MISSING = rule("AUT-001", AUTHORIZATION, ERROR, "Prior authorization required but none on file")
            .because("The payer requires prior authorization for this service (271 EB11=Y or the payer × CPT table) and no 278 request, decision "
                    + "or authorization number (IN1-28) is on file. Services without it are denied and rarely overturned.")
            .source("X12 271 EB11; X12 278; HL7 IN1-28; CARC 197 (precertification absent), 15")
            .prevents("197", "15")
            .checkedBy((context, findings) -> {
                if (!context.registered() || !required(context)) {
                    return;
                }
                Insurance primary = context.primary();
                if (context.snapshot().authorizationRequests().isEmpty() && context.snapshot().authorizationDecisions().isEmpty()
                        && isBlank(primary.authorizationNumber())) {
                    findings.report(context.primaryPath() + ".authorizationNumber", Values.of(context.primaryPath() + ".authorizationNumber",
                                    primary.authorizationNumber(), "scheduledService.code", context.serviceCode()),
                            CoverageRules.displayName(primary) + " requires prior authorization for " + context.serviceCode() + " and none was requested.",
                            "Request authorization (278) now; if the service cannot wait, reschedule or have the patient sign a waiver per policy.");
                }
            });

    public static final Rule DENIED = rule("AUT-002", AUTHORIZATION, ERROR, "Prior authorization denied")
            .because("The payer answered the 278 with HCR01 A3 (not certified); performing the service as scheduled is a predictable denial.")
            .source("X12 278 HCR01 A3; CARC 197; CARC 39 (denied when authorization requested: not yet verified against the X12 CARC list)")
            .prevents("197", "39")
            .checkedBy((context, findings) -> {
                if (!context.registered() || authorizing(context) != null) {
                    return;
                }
                List<AuthorizationDecision> decisionList = context.snapshot().authorizationDecisions();
                for (int iDecision = 0; iDecision < decisionList.size(); iDecision++) {
                    AuthorizationDecision decision = decisionList.get(iDecision);
                    if (decision.action() == CertificationAction.NOT_CERTIFIED) {
                        findings.report("authorization[" + decision.trackingNumber() + "].action", Values.of("authorization.action", "A3",
                                        "authorization.reasonCode", decision.reasonCode()),
                                "The payer did not certify the service (278 HCR01 A3" + (decision.reasonCode() == null ? "" : ", reason " + decision.reasonCode()) + ").",
                                "Escalate to the ordering physician for peer-to-peer review or an appeal before the service, or reschedule.");
                        return;
                    }
                }
            });

    public static final Rule PENDING = rule("AUT-003", AUTHORIZATION, ERROR, "Prior authorization still pending at the visit")
            .because("A 278 request without a certification (no answer, A4 pended or CT contact payer) means the service would go ahead unauthorized.")
            .source("X12 278 HCR01 A4/CT; CMS-0057-F decision time frames (72 hours expedited, 7 days standard); CARC 197")
            .prevents("197")
            .checkedBy((context, findings) -> {
                List<AuthorizationRequest> requests = context.snapshot().authorizationRequests();
                if (!context.registered() || requests.isEmpty() || authorizing(context) != null) {
                    return;
                }
                List<AuthorizationDecision> decisionList = context.snapshot().authorizationDecisions();
                for (int iDecision = 0; iDecision < decisionList.size(); iDecision++) {
                    AuthorizationDecision decision = decisionList.get(iDecision);
                    if (decision.action() == CertificationAction.NOT_CERTIFIED || decision.action() == CertificationAction.NO_ACTION_REQUIRED) {
                        return; // AUT-002 reports a denial; NA means none was needed
                    }
                }
                AuthorizationRequest request = requests.get(requests.size() - 1);
                findings.report("authorization[" + request.trackingNumber() + "]", Values.of("authorization.requestedAt", request.eventTime(),
                                "authorization.decision", context.snapshot().authorizationDecisions().isEmpty() ? null
                                        : context.snapshot().authorizationDecisions().get(context.snapshot().authorizationDecisions().size() - 1).action()),
                        "The authorization request sent " + request.eventTime().toLocalDate() + " has no certification yet.",
                        "Call the payer for a decision (ask for an expedited review) before the service starts.");
            });

    public static final Rule DATES_EXCLUDE_SERVICE = rule("AUT-004", AUTHORIZATION, ERROR, "Authorization does not cover the service date")
            .because("A certification is valid only for its certified dates; a rescheduled service outside them is unauthorized.")
            .source("X12 278 HCR/DTP*472 certified dates; CARC 197, 15")
            .prevents("197", "15")
            .checkedBy((context, findings) -> {
                LocalDate day = context.serviceDate();
                if (day == null || !context.registered()) {
                    return;
                }
                AuthorizationDecision any = null;
                List<AuthorizationDecision> decisionList = context.snapshot().authorizationDecisions();
                for (int iDecision = 0; iDecision < decisionList.size(); iDecision++) {
                    AuthorizationDecision decision = decisionList.get(iDecision);
                    if (decision.action().authorizes()) {
                        if (covers(decision, day)) {
                            return;
                        }
                        any = decision;
                    }
                }
                if (any != null) {
                    findings.report("authorization[" + any.trackingNumber() + "].certifiedFrom", Values.of("authorization.certifiedFrom", any.certifiedFrom(),
                                    "authorization.certifiedTo", any.certifiedTo(), "serviceDate", day),
                            "Authorization " + any.authorizationNumber() + " is certified " + any.certifiedFrom() + " to " + any.certifiedTo()
                                    + ", which does not include the service date " + day + ".",
                            "Ask the payer to extend or amend the authorization dates, or reschedule within them.");
                }
            });

    public static final Rule UNITS_SHORT = rule("AUT-005", AUTHORIZATION, ERROR, "Authorized units fewer than scheduled")
            .because("Units (or days) beyond the certified quantity are denied as exceeding the precertification.")
            .source("X12 278 HSD certified quantity; CARC 198 (precertification exceeded)")
            .prevents("198")
            .checkedBy((context, findings) -> {
                LocalDate day = context.serviceDate();
                AuthorizationDecision decision = authorizing(context);
                if (decision == null || day == null || !context.registered() || decision.certifiedUnits() == null
                        || context.registration().scheduledService() == null) {
                    return;
                }
                int units = context.registration().scheduledService().units();
                if (decision.certifiedUnits() < units) {
                    findings.report("scheduledService.units", Values.of("scheduledService.units", units, "authorization.certifiedUnits", decision.certifiedUnits()),
                            units + " units are scheduled but only " + decision.certifiedUnits() + " are authorized.",
                            "Request authorization for the additional units (concurrent review) before they are provided.");
                }
            });

    public static final Rule NUMBER_NOT_RECORDED = rule("AUT-006", AUTHORIZATION, WARNING, "Authorization number not recorded on the registration")
            .because("The claim must carry the authorization number (IN1-28 → 837 REF*G1); a certification that is not on the account is billed without it.")
            .source("HL7 IN1-28; X12 837 REF*G1; CARC 15")
            .prevents("15")
            .checkedBy((context, findings) -> {
                Insurance primary = context.primary();
                AuthorizationDecision decision = authorizing(context);
                if (primary != null && decision != null && context.registered() && isBlank(primary.authorizationNumber())) {
                    findings.report(context.primaryPath() + ".authorizationNumber", Values.of(context.primaryPath() + ".authorizationNumber",
                                    primary.authorizationNumber(), "authorization.number", decision.authorizationNumber()),
                            "Authorization " + decision.authorizationNumber() + " was certified but is not on the registration.",
                            "Enter the authorization number in the coverage's pre-certification field.");
                }
            });

    public static final Rule REFERRAL_MISSING = rule("REF-001", REFERRAL, ERROR, "HMO referral missing")
            .because("HMO plans pay specialist and hospital outpatient services only with a referral from the member's primary care physician.")
            .source("Plan referral requirements (organisation payer table, referralRequired); CARC 288 (referral absent: not yet verified against the X12 CARC list), 197")
            .prevents("288", "197")
            .checkedBy((context, findings) -> {
                Insurance primary = context.primary();
                if (primary == null || context.emergency() || !context.registered()) {
                    return;
                }
                PayerPolicy payer = context.payer(primary);
                if (payer != null && payer.referralRequired() && isBlank(primary.referralNumber())) {
                    findings.report(context.primaryPath() + ".referralNumber", Values.of(context.primaryPath() + ".referralNumber", primary.referralNumber()),
                            payer.name() + " requires a PCP referral for this service and none is on file.",
                            "Contact the patient's primary care physician for a referral before the service.");
                }
            });

    /** An authorizing decision (A1/A2/A6) covering the service date, else any authorizing one, else null. */
    static AuthorizationDecision authorizing(RuleContext context)
    {
        AuthorizationDecision any = null;
        LocalDate day = context.serviceDate();
        List<AuthorizationDecision> decisionList = context.snapshot().authorizationDecisions();
        for (int iDecision = 0; iDecision < decisionList.size(); iDecision++) {
            AuthorizationDecision decision = decisionList.get(iDecision);
            if (decision.action().authorizes()) {
                if (day != null && covers(decision, day)) {
                    return decision;
                }
                any = decision;
            }
        }
        return any;
    }

    private static boolean covers(AuthorizationDecision decision, LocalDate day)
    {
        return (decision.certifiedFrom() == null || !day.isBefore(decision.certifiedFrom()))
                && (decision.certifiedTo() == null || !day.isAfter(decision.certifiedTo()));
    }
}
