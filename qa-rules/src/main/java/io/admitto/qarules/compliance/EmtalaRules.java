package io.admitto.qarules.compliance;

import io.admitto.events.AuthorizationRequest;
import io.admitto.events.PointOfServicePayment;
import io.admitto.qarules.rule.Rule;
import io.admitto.qarules.rule.RuleContext;
import io.admitto.qarules.rule.Values;

import java.time.OffsetDateTime;
import java.util.List;

import static io.admitto.qarules.Category.EMTALA;
import static io.admitto.qarules.Severity.CRITICAL;
import static io.admitto.qarules.rule.RuleDescriptor.rule;

/**
 * EMTALA: in the emergency department nothing about payment may come before the medical screening
 * exam (MSE). Each rule flags an ED encounter (PV1-2 = E) where a payment, a financial-responsibility
 * form, an ABN or a payer authorization request is timed before the MSE, or happened while no MSE is
 * recorded yet. "Reasonable registration" (name, insurance card) is allowed and not flagged.
 */
public final class EmtalaRules
{
    private static final String SOURCE = "EMTALA, 42 USC 1395dd(h); 42 CFR 489.24(d)(4)";

    private EmtalaRules() {}

    public static List<Rule> rules()
    {
        return List.of(PAYMENT_BEFORE_SCREENING, FINANCIAL_FORM_BEFORE_SCREENING, ABN_BEFORE_SCREENING, AUTHORIZATION_BEFORE_SCREENING);
    }

    public static final Rule PAYMENT_BEFORE_SCREENING = rule("EMT-001", EMTALA, CRITICAL, "ED payment collected before the medical screening exam")
            .because("A hospital may not delay the screening exam or treatment to ask about payment; collecting a co-pay or deposit before the MSE "
                    + "is a violation regardless of intent. Such encounters are also excluded from point-of-service collection targets.")
            .source(SOURCE + "; CMS State Operations Manual Appendix V")
            .checkedBy((context, findings) -> {
                if (!context.emergency()) {
                    return;
                }
                OffsetDateTime screening = context.snapshot().flow().screeningCompletedAt();
                List<PointOfServicePayment> paymentList = context.snapshot().payments();
                for (int iPayment = 0; iPayment < paymentList.size(); iPayment++) {
                    PointOfServicePayment payment = paymentList.get(iPayment);
                    if (beforeScreening(context, payment.eventTime(), screening)) {
                        findings.report("payments", Values.of("payment.at", payment.eventTime(), "payment.amount", payment.amount(),
                                        "flow.screeningCompletedAt", screening),
                                "A payment of $" + payment.amount() + " was taken at " + payment.eventTime().toLocalTime()
                                        + (screening == null ? " and no screening exam is recorded." : ", before the screening exam at " + screening.toLocalTime() + "."),
                                "Stop: no payment may be requested in the ED before the screening exam. Report to the compliance officer; refund if policy requires.");
                        return;
                    }
                }
            });

    public static final Rule FINANCIAL_FORM_BEFORE_SCREENING = rule("EMT-002", EMTALA, CRITICAL, "ED financial-responsibility form before the medical screening exam")
            .because("Having the patient sign a financial-responsibility form before the MSE can deter them from care, which EMTALA prohibits.")
            .source(SOURCE)
            .checkedBy((context, findings) -> {
                OffsetDateTime signed = context.acknowledgments().financialResponsibilityAt();
                OffsetDateTime screening = context.snapshot().flow().screeningCompletedAt();
                if (context.emergency() && beforeScreening(context, signed, screening)) {
                    findings.report("acknowledgments.financialResponsibilityAt", Values.of("acknowledgments.financialResponsibilityAt", signed,
                                    "flow.screeningCompletedAt", screening),
                            "The financial-responsibility form was signed at " + signed.toLocalTime() + ", before the screening exam.",
                            "Obtain financial forms only after the screening exam and stabilization. Report to the compliance officer.");
                }
            });

    public static final Rule ABN_BEFORE_SCREENING = rule("EMT-003", EMTALA, CRITICAL, "ED ABN signed before the medical screening exam")
            .because("An Advance Beneficiary Notice may never be given to an ED patient before screening and stabilization (CMS-R-131 instructions).")
            .source(SOURCE + "; CMS ABN form instructions (CMS-R-131)")
            .checkedBy((context, findings) -> {
                OffsetDateTime signed = context.acknowledgments().abnSignedAt();
                OffsetDateTime screening = context.snapshot().flow().screeningCompletedAt();
                if (context.emergency() && beforeScreening(context, signed, screening)) {
                    findings.report("acknowledgments.abnSignedAt", Values.of("acknowledgments.abnSignedAt", signed, "flow.screeningCompletedAt", screening),
                            "An ABN was signed at " + signed.toLocalTime() + ", before the screening exam.",
                            "Never give an ABN in the ED before screening and stabilization. Report to the compliance officer.");
                }
            });

    public static final Rule AUTHORIZATION_BEFORE_SCREENING = rule("EMT-004", EMTALA, CRITICAL, "ED prior-authorization request before the medical screening exam")
            .because("A hospital may not seek payer authorization before the MSE and stabilizing treatment have started.")
            .source(SOURCE + " (\"may not seek, or direct an individual to seek, authorization ... until after\")")
            .checkedBy((context, findings) -> {
                if (!context.emergency()) {
                    return;
                }
                OffsetDateTime screening = context.snapshot().flow().screeningCompletedAt();
                List<AuthorizationRequest> requestList = context.snapshot().authorizationRequests();
                for (int iRequest = 0; iRequest < requestList.size(); iRequest++) {
                    AuthorizationRequest request = requestList.get(iRequest);
                    if (beforeScreening(context, request.eventTime(), screening)) {
                        findings.report("authorization[" + request.trackingNumber() + "]", Values.of("authorization.requestedAt", request.eventTime(),
                                        "flow.screeningCompletedAt", screening),
                                "A prior-authorization request was sent at " + request.eventTime().toLocalTime() + ", before the screening exam.",
                                "Seek authorization only after screening and stabilizing treatment have begun. Report to the compliance officer.");
                        return;
                    }
                }
            });

    /** {@code at} happened, and before the screening exam (or while none is recorded). */
    private static boolean beforeScreening(RuleContext context, OffsetDateTime at, OffsetDateTime screening)
    {
        return context.happened(at) && (screening == null || RuleContext.before(at, screening));
    }
}
