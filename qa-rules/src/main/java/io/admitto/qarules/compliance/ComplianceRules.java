package io.admitto.qarules.compliance;

import io.admitto.events.Insurance;
import io.admitto.events.PatientAcknowledgments;
import io.admitto.events.PatientClass;
import io.admitto.events.PlanType;
import io.admitto.events.ScheduledService;
import io.admitto.qarules.clinical.ClinicalRules;
import io.admitto.qarules.config.BusinessCalendar;
import io.admitto.qarules.rule.Rule;
import io.admitto.qarules.rule.RuleContext;
import io.admitto.qarules.rule.Values;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static io.admitto.qarules.Category.CONSENT;
import static io.admitto.qarules.Category.COORDINATION_OF_BENEFITS;
import static io.admitto.qarules.Category.MEDICAL_NECESSITY;
import static io.admitto.qarules.Category.NO_SURPRISES_ACT;
import static io.admitto.qarules.Severity.ERROR;
import static io.admitto.qarules.Severity.WARNING;
import static io.admitto.qarules.rule.RuleDescriptor.rule;

/**
 * Regulatory paperwork: the No Surprises Act good-faith estimate, the Medicare Secondary Payer
 * questionnaire, the Advance Beneficiary Notice, and consent, assignment of benefits and the HIPAA
 * privacy notice. (EMTALA is in {@link EmtalaRules}.)
 */
public final class ComplianceRules
{
    private ComplianceRules() {}

    public static List<Rule> rules()
    {
        return List.of(GOOD_FAITH_ESTIMATE_LATE, GOOD_FAITH_ESTIMATE_AMOUNT_MISSING, MSP_QUESTIONNAIRE_MISSING, MSP_QUESTIONNAIRE_EXPIRED,
                ABN_MISSING, ABN_AFTER_SERVICE, CONSENT_MISSING, ASSIGNMENT_OF_BENEFITS_MISSING, PRIVACY_NOTICE_MISSING);
    }

    /**
     * The last local date a good-faith estimate is timely for a service booked on {@code booked} for
     * {@code service}, or null when none is required (booked fewer than 3 business days ahead):
     * at least 10 business days ahead, 3 business days after scheduling; at least 3, 1 business day.
     */
    public static LocalDate goodFaithEstimateDeadline(BusinessCalendar calendar, LocalDate booked, LocalDate service)
    {
        int ahead = calendar.businessDaysBetween(booked, service);
        if (ahead >= 10) {
            return calendar.plusBusinessDays(booked, 3);
        }
        if (ahead >= 3) {
            return calendar.plusBusinessDays(booked, 1);
        }
        return null;
    }

    public static final Rule GOOD_FAITH_ESTIMATE_LATE = rule("NSA-001", NO_SURPRISES_ACT, ERROR, "Good-faith estimate missing or late for a self-pay patient")
            .because("Uninsured and self-pay patients who schedule at least 3 business days ahead must get a written good-faith estimate within "
                    + "1 business day of scheduling (3 business days when scheduled at least 10 business days ahead). Business days are counted "
                    + "in the facility's local calendar, skipping weekends and the organisation's holidays.")
            .source("No Surprises Act, 45 CFR 149.610(b)(1)(vi)")
            .checkedBy((context, findings) -> {
                ScheduledService service = context.registration().scheduledService();
                if (!context.selfPay() || context.emergency() || service == null || service.scheduledAt() == null || service.scheduledFor() == null) {
                    return;
                }
                LocalDate booked = service.scheduledAt().toLocalDate();
                LocalDate deadline = goodFaithEstimateDeadline(context.config().calendar(), booked, service.scheduledFor().toLocalDate());
                if (deadline == null) {
                    return;
                }
                OffsetDateTime given = context.acknowledgments().goodFaithEstimateAt();
                if (given == null) {
                    LocalDate today = context.now().atOffset(service.scheduledAt().getOffset()).toLocalDate();
                    if (today.isAfter(deadline)) {
                        findings.report("acknowledgments.goodFaithEstimateAt", Values.of("acknowledgments.goodFaithEstimateAt", null,
                                        "scheduledService.scheduledAt", service.scheduledAt(), "deadline", deadline),
                                "No good-faith estimate was given; it was due by " + deadline + " (booked " + booked + ").",
                                "Give the patient a written good-faith estimate now and document it.");
                    }
                }
                else if (given.toLocalDate().isAfter(deadline)) {
                    findings.report("acknowledgments.goodFaithEstimateAt", Values.of("acknowledgments.goodFaithEstimateAt", given,
                                    "scheduledService.scheduledAt", service.scheduledAt(), "deadline", deadline),
                            "The good-faith estimate was given " + given.toLocalDate() + ", after the deadline " + deadline + ".",
                            "Give estimates the day the service is scheduled.");
                }
            });

    public static final Rule GOOD_FAITH_ESTIMATE_AMOUNT_MISSING = rule("NSA-002", NO_SURPRISES_ACT, WARNING, "Good-faith estimate recorded without its amount")
            .because("A bill at least $400 above the estimate opens patient-provider dispute resolution; without the amount on file the hospital "
                    + "cannot check its bills against it.")
            .source("45 CFR 149.610(c); 45 CFR 149.620 (patient-provider dispute resolution)")
            .checkedBy((context, findings) -> {
                PatientAcknowledgments forms = context.acknowledgments();
                if (forms.goodFaithEstimateAt() != null && forms.goodFaithEstimateAmount() == null) {
                    findings.report("acknowledgments.goodFaithEstimateAmount", Values.of("acknowledgments.goodFaithEstimateAmount", null),
                            "A good-faith estimate is recorded but not its amount.", "Record the estimate's total expected charges.");
                }
            });

    public static final Rule MSP_QUESTIONNAIRE_MISSING = rule("MSP-001", COORDINATION_OF_BENEFITS, ERROR, "Medicare registration without MSP questionnaire")
            .because("Hospitals must determine whether Medicare is secondary (employer plan, liability, workers' compensation...) for each "
                    + "inpatient admission and outpatient encounter before billing Medicare.")
            .source("CMS IOM 100-05 (MSP Manual) ch. 3 §20; 42 CFR 489.20(g); CARC 22 with RARC MA04")
            .prevents("22")
            .checkedBy((context, findings) -> {
                Insurance primary = context.primary();
                if (!context.registered() || primary == null || !context.config().mspPlanTypes().contains(primary.planType())) {
                    return;
                }
                if (context.acknowledgments().mspQuestionnaireAt() == null) {
                    findings.report("acknowledgments.mspQuestionnaireAt", Values.of("acknowledgments.mspQuestionnaireAt", null,
                                    context.primaryPath() + ".planType", primary.planType()),
                            "The Medicare Secondary Payer questionnaire was not completed for this encounter.",
                            "Complete the MSP questionnaire with the patient before the account is billed.");
                }
            });

    public static final Rule MSP_QUESTIONNAIRE_EXPIRED = rule("MSP-002", COORDINATION_OF_BENEFITS, ERROR, "Recurring-series MSP questionnaire older than 90 days")
            .because("For recurring outpatient services one MSP questionnaire may cover the series, but it must be re-verified at least every 90 days.")
            .source("CMS IOM 100-05 (MSP Manual) ch. 3 §20.2.2; organisation setting msp.recurringReverifyDays")
            .prevents("22")
            .checkedBy((context, findings) -> {
                Insurance primary = context.primary();
                OffsetDateTime answered = context.acknowledgments().mspQuestionnaireAt();
                LocalDate day = context.serviceDate();
                if (context.registration().patientClass() != PatientClass.RECURRING || primary == null || answered == null || day == null
                        || !context.config().mspPlanTypes().contains(primary.planType())) {
                    return;
                }
                long age = ChronoUnit.DAYS.between(answered.toLocalDate(), day);
                int limit = context.config().mspRecurringDays();
                if (age > limit) {
                    findings.report("acknowledgments.mspQuestionnaireAt", Values.of("acknowledgments.mspQuestionnaireAt", answered, "serviceDate", day),
                            "The MSP questionnaire for this recurring series is " + age + " days old (limit " + limit + ").",
                            "Re-verify the MSP questionnaire with the patient at this visit.");
                }
            });

    public static final Rule ABN_MISSING = rule("ABN-001", MEDICAL_NECESSITY, ERROR, "Medicare necessity not met and no ABN on file")
            .because("When original Medicare is expected to deny a service as not reasonable and necessary (no covered diagnosis), the patient must "
                    + "sign an ABN before the service; without it the hospital cannot bill the patient (modifier GZ) and absorbs the loss.")
            .source("CMS-R-131 ABN; Medicare Claims Processing Manual (IOM 100-04) ch. 30 §50; CARC 50 (not medically necessary)")
            .prevents("50")
            .checkedBy((context, findings) -> {
                Insurance primary = context.primary();
                if (!context.registered() || context.emergency() || primary == null || primary.planType() != PlanType.MEDICARE_FFS
                        || ClinicalRules.necessityMet(context) != Boolean.FALSE) {
                    return;
                }
                if (context.acknowledgments().abnSignedAt() == null) {
                    findings.report("acknowledgments.abnSignedAt", Values.of("acknowledgments.abnSignedAt", null, "scheduledService.code", context.serviceCode(),
                                    "diagnoses", ClinicalRules.diagnosisCodes(context)),
                            "No diagnosis on file supports " + context.serviceCode() + " for Medicare, and no ABN was signed.",
                            "Confirm the diagnoses with the ordering physician; if necessity is still not met, give the patient an ABN before the service.");
                }
            });

    public static final Rule ABN_AFTER_SERVICE = rule("ABN-002", MEDICAL_NECESSITY, ERROR, "ABN signed after the service started")
            .because("An ABN protects the hospital only if the beneficiary signed it before receiving the service, with time to decide.")
            .source("CMS-R-131 form instructions; IOM 100-04 ch. 30 §40.3")
            .prevents("50")
            .checkedBy((context, findings) -> {
                OffsetDateTime signed = context.acknowledgments().abnSignedAt();
                OffsetDateTime started = context.snapshot().flow().serviceStartedAt();
                if (signed != null && started != null && RuleContext.before(started, signed)) {
                    findings.report("acknowledgments.abnSignedAt", Values.of("acknowledgments.abnSignedAt", signed, "flow.serviceStartedAt", started),
                            "The ABN was signed after the service started, so it is not valid.",
                            "Give ABNs at scheduling or registration, before any service is provided.");
                }
            });

    public static final Rule CONSENT_MISSING = rule("CON-001", CONSENT, ERROR, "General consent to treat not signed")
            .because("The hospital's conditions of admission require a signed consent to treatment at each registration (emergencies excepted "
                    + "by implied consent, but the form is still obtained once the patient can sign).")
            .source("CMS Conditions of Participation, 42 CFR 482.13(b)(2) and 482.24(c)(4)(v) (informed consent documented)")
            .checkedBy((context, findings) -> {
                if (context.registered() && context.acknowledgments().generalConsentAt() == null) {
                    findings.report("acknowledgments.generalConsentAt", Values.of("acknowledgments.generalConsentAt", null),
                            "The general consent to treat was not signed.", "Have the patient (or guardian) sign the consent to treat.");
                }
            });

    public static final Rule ASSIGNMENT_OF_BENEFITS_MISSING = rule("CON-002", CONSENT, ERROR, "Assignment of benefits not signed")
            .because("Without an assignment of benefits the payer may pay the patient instead of the hospital. It is required for self-pay patients "
                    + "too: coverage found later (uninsured conversion) can only be billed with it.")
            .source("CMS-1500/UB-04 FL 53 (assignment of benefits certification); HFMA MAP Keys: Conversion Rate of Uninsured")
            .checkedBy((context, findings) -> {
                if (context.registered() && context.acknowledgments().assignmentOfBenefitsAt() == null) {
                    findings.report("acknowledgments.assignmentOfBenefitsAt", Values.of("acknowledgments.assignmentOfBenefitsAt", null),
                            "The assignment of benefits was not signed.", "Have the patient (or guarantor) sign the assignment of benefits.");
                }
            });

    public static final Rule PRIVACY_NOTICE_MISSING = rule("CON-003", CONSENT, ERROR, "Notice of Privacy Practices not acknowledged")
            .because("A provider must make a good-faith effort to obtain written acknowledgment of its Notice of Privacy Practices at first service "
                    + "delivery, and document why when it cannot.")
            .source("HIPAA Privacy Rule, 45 CFR 164.520(c)(2)(ii)")
            .checkedBy((context, findings) -> {
                if (context.registered() && context.acknowledgments().privacyNoticeAt() == null) {
                    findings.report("acknowledgments.privacyNoticeAt", Values.of("acknowledgments.privacyNoticeAt", null),
                            "The patient's acknowledgment of the Notice of Privacy Practices is missing.",
                            "Offer the notice and obtain the signed acknowledgment, or document the good-faith attempt.");
                }
            });
}
