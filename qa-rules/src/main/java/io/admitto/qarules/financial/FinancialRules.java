package io.admitto.qarules.financial;

import io.admitto.events.EligibilityResponse;
import io.admitto.events.Guarantor;
import io.admitto.events.Insurance;
import io.admitto.events.Patient;
import io.admitto.events.ScheduledService;
import io.admitto.qarules.rule.Rule;
import io.admitto.qarules.rule.RuleContext;
import io.admitto.qarules.rule.Values;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

import static io.admitto.qarules.Category.FINANCIAL_CLEARANCE;
import static io.admitto.qarules.Category.GUARANTOR;
import static io.admitto.qarules.Category.TIMELINESS;
import static io.admitto.qarules.Severity.ERROR;
import static io.admitto.qarules.Severity.WARNING;
import static io.admitto.qarules.rule.RuleDescriptor.rule;

/** Guarantor, financial clearance (point-of-service collection, financial counselling) and timeliness. */
public final class FinancialRules
{
    private FinancialRules() {}

    public static List<Rule> rules()
    {
        return List.of(GUARANTOR_MISSING, GUARANTOR_MINOR, SELF_GUARANTOR_MISMATCH, NO_POINT_OF_SERVICE_COLLECTION,
                UNINSURED_NOT_COUNSELLED, NOT_PRE_REGISTERED, REGISTERED_AFTER_SERVICE);
    }

    public static final Rule GUARANTOR_MISSING = rule("GUA-001", GUARANTOR, ERROR, "Guarantor missing")
            .because("Someone must be financially responsible for the account; statements for the patient's share go to the guarantor.")
            .source("HL7 GT1; HFMA registration QA")
            .checkedBy((context, findings) -> {
                if (context.registered() && context.registration().guarantor() == null) {
                    findings.report("guarantor", Values.of("guarantor", null), "No guarantor is recorded.",
                            "Record the guarantor: the patient if an adult, else a parent or legal guardian.");
                }
            });

    public static final Rule GUARANTOR_MINOR = rule("GUA-002", GUARANTOR, ERROR, "Guarantor is a minor")
            .because("A minor cannot contract for the account; a minor patient's guarantor is a parent or legal guardian.")
            .source("State age-of-majority law (organisation setting guarantor.minimumAge); HL7 GT1-8")
            .checkedBy((context, findings) -> {
                Guarantor guarantor = context.registration().guarantor();
                LocalDate day = context.serviceDate();
                if (guarantor == null || guarantor.birthDate() == null || day == null || guarantor.birthDate().isAfter(day)) {
                    return;
                }
                int age = RuleContext.yearsBetween(guarantor.birthDate(), day);
                int minimum = context.config().guarantorMinimumAge();
                if (age < minimum) {
                    findings.report("guarantor.birthDate", Values.of("guarantor.birthDate", guarantor.birthDate(), "guarantor.relationship", guarantor.relationship()),
                            "The guarantor is " + age + " years old, under " + minimum + ".",
                            "Make a parent or legal guardian the guarantor.");
                }
            });

    public static final Rule SELF_GUARANTOR_MISMATCH = rule("GUA-003", GUARANTOR, ERROR, "Patient is the guarantor but name or birth date differ")
            .because("A self guarantor is the patient; a different name or birth date means a typing error or the wrong person on the account.")
            .source("HL7 GT1-3/GT1-8/GT1-11 vs PID-5/PID-7")
            .checkedBy((context, findings) -> {
                Guarantor guarantor = context.registration().guarantor();
                Patient patient = context.patient();
                if (guarantor == null || patient == null || !"self".equals(guarantor.relationship())) {
                    return;
                }
                boolean birthDiffers = guarantor.birthDate() != null && patient.birthDate() != null && !guarantor.birthDate().equals(patient.birthDate());
                boolean nameDiffers = guarantor.name() != null && patient.name() != null
                        && !(same(guarantor.name().family(), patient.name().family()) && same(guarantor.name().given(), patient.name().given()));
                if (birthDiffers || nameDiffers) {
                    findings.report(birthDiffers ? "guarantor.birthDate" : "guarantor.name",
                            birthDiffers ? Values.of("guarantor.birthDate", guarantor.birthDate(), "patient.birthDate", patient.birthDate())
                                    : Values.of("guarantor.name", guarantor.name(), "patient.name", patient.name()),
                            "The patient is the guarantor but the " + (birthDiffers ? "birth dates" : "names") + " differ.",
                            "Correct the guarantor (or the patient) to match the photo ID.");
                }
            });

    public static final Rule NO_POINT_OF_SERVICE_COLLECTION = rule("FIN-001", FINANCIAL_CLEARANCE, WARNING, "Known patient share not collected at the visit")
            .because("Point-of-service collection of a known co-pay (271 EB01 B) or of a self-pay estimate is the cheapest collection there is. "
                    + "Emergency visits are excluded: EMTALA forbids asking before the screening exam.")
            .source("HFMA MAP Keys: Point-of-Service Cash Collections; X12 271 EB01 B; 42 CFR 489.24(d)(4)")
            .checkedBy((context, findings) -> {
                OffsetDateTime departed = context.snapshot().flow().departedAt();
                if (context.emergency() || !context.happened(departed) || !context.snapshot().payments().isEmpty()) {
                    return;
                }
                BigDecimal owed = knownPatientShare(context);
                if (owed != null && owed.signum() > 0) {
                    findings.report("payments", Values.of("expectedPatientShare", owed, "payments", null),
                            "The patient owed $" + owed + " (known before the visit) and no payment was collected.",
                            "Ask for the co-pay or estimate at check-in, or offer a payment plan and document it.");
                }
            });

    public static final Rule UNINSURED_NOT_COUNSELLED = rule("FIN-002", FINANCIAL_CLEARANCE, WARNING, "Uninsured patient without financial counselling documented")
            .because("Uninsured patients should be screened for Medicaid, marketplace coverage and charity care; the signed financial-responsibility "
                    + "form is where the desk documents that conversation. Emergency visits are excluded until after screening (EMTALA).")
            .source("HFMA MAP Keys: Conversion Rate of Uninsured; IRS 501(r) financial assistance policy (26 CFR 1.501(r)-4)")
            .checkedBy((context, findings) -> {
                if (context.registered() && context.selfPay() && !context.emergency() && context.acknowledgments().financialResponsibilityAt() == null) {
                    findings.report("acknowledgments.financialResponsibilityAt", Values.of("acknowledgments.financialResponsibilityAt", null, "insurances", "(none)"),
                            "The patient has no coverage and no financial counselling or responsibility form is documented.",
                            "Refer the patient to a financial counsellor (Medicaid, marketplace, charity screening) and document it.");
                }
            });

    public static final Rule NOT_PRE_REGISTERED = rule("TML-001", TIMELINESS, WARNING, "Scheduled service not pre-registered before the service date")
            .because("HFMA's pre-registration rate counts scheduled encounters (booked at least a day ahead) pre-registered before the service date; "
                    + "pre-registration is where coverage, authorization and estimates get fixed without the patient waiting.")
            .source("HFMA MAP Keys: Pre-Registration Rate")
            .checkedBy((context, findings) -> {
                ScheduledService service = context.registration().scheduledService();
                LocalDate day = context.serviceDate();
                if (context.emergency() || service == null || service.scheduledAt() == null || day == null || !context.registered()
                        || !service.scheduledAt().toLocalDate().isBefore(day)) {
                    return;
                }
                OffsetDateTime pre = context.snapshot().preRegisteredAt();
                if (pre == null || !pre.toLocalDate().isBefore(day)) {
                    findings.report("preRegisteredAt", Values.of("preRegisteredAt", pre, "scheduledService.scheduledAt", service.scheduledAt()),
                            "Booked " + service.scheduledAt().toLocalDate() + " but not pre-registered before the service date " + day + ".",
                            "Pre-register scheduled patients before the day of service.");
                }
            });

    public static final Rule REGISTERED_AFTER_SERVICE = rule("TML-002", TIMELINESS, WARNING, "Registration completed after the service started")
            .because("Scheduled services should start on a complete registration; registering afterwards skips the front-end edits. "
                    + "Emergency visits are excluded (treatment must never wait for registration).")
            .source("HFMA registration QA; 42 CFR 489.24(d)(4)")
            .checkedBy((context, findings) -> {
                OffsetDateTime registered = context.snapshot().registeredAt();
                OffsetDateTime started = context.snapshot().flow().serviceStartedAt();
                if (!context.emergency() && registered != null && started != null && RuleContext.before(started, registered)) {
                    findings.report("registeredAt", Values.of("registeredAt", registered, "flow.serviceStartedAt", started),
                            "The registration was completed at " + registered.toLocalTime() + ", after the service started at " + started.toLocalTime() + ".",
                            "Complete registration before the patient is taken back.");
                }
            });

    /** The patient's share known before the visit: the primary's 271 co-pay, or a self-pay patient's good-faith estimate. */
    static BigDecimal knownPatientShare(RuleContext context)
    {
        Insurance primary = context.primary();
        if (context.selfPay()) {
            return context.acknowledgments().goodFaithEstimateAmount();
        }
        EligibilityResponse response = primary == null ? null : context.eligibility(primary);
        return response == null ? null : response.copay();
    }

    private static boolean same(String a, String b)
    {
        return (a == null ? "" : a.strip().toUpperCase(Locale.ROOT)).equals(b == null ? "" : b.strip().toUpperCase(Locale.ROOT));
    }
}
