package io.admitto.qarules.clinical;

import io.admitto.events.Diagnosis;
import io.admitto.events.Provider;
import io.admitto.qarules.rule.Rule;
import io.admitto.qarules.rule.RuleContext;
import io.admitto.qarules.rule.Values;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import static io.admitto.qarules.Category.MEDICAL_NECESSITY;
import static io.admitto.qarules.Category.PHYSICIAN_ORDER;
import static io.admitto.qarules.Severity.ERROR;
import static io.admitto.qarules.Severity.WARNING;
import static io.admitto.qarules.rule.RuleDescriptor.rule;

/** The physician order and the diagnoses that justify the service (medical necessity). */
public final class ClinicalRules
{
    private ClinicalRules() {}

    public static List<Rule> rules()
    {
        return List.of(ORDER_MISSING, ORDER_AFTER_SERVICE, DIAGNOSIS_MISSING, DIAGNOSIS_DOES_NOT_SUPPORT_SERVICE);
    }

    public static final Rule ORDER_MISSING = rule("ORD-001", PHYSICIAN_ORDER, ERROR, "Physician order missing")
            .because("Diagnostic tests, outpatient procedures and admissions must be ordered by the treating physician; without a signed order on "
                    + "file the service is not payable and the claim is returned for the ordering provider.")
            .source("42 CFR 410.32(a) (diagnostic tests ordered by the treating physician); 42 CFR 412.3 (admission order); CARC 16 with RARC N264")
            .prevents("16")
            .checkedBy((context, findings) -> {
                if (!context.registered() || context.emergency() || !context.config().orderRequiredDepartments().contains(context.registration().department())) {
                    return;
                }
                Provider provider = context.registration().orderingProvider();
                if (provider == null || provider.orderOnFileAt() == null) {
                    findings.report("orderingProvider", Values.of("orderingProvider.npi", provider == null ? null : provider.npi(),
                                    "orderingProvider.orderOnFileAt", provider == null ? null : provider.orderOnFileAt()),
                            provider == null ? "No ordering physician is recorded for this " + context.registration().department() + " service."
                                    : "No signed order from " + provider.npi() + " is on file.",
                            "Obtain the signed order from the ordering physician's office before the service and record the physician's NPI.");
                }
            });

    public static final Rule ORDER_AFTER_SERVICE = rule("ORD-002", PHYSICIAN_ORDER, WARNING, "Physician order received after the service started")
            .because("An order dated after the service is a retroactive order; payers and auditors treat it as no order.")
            .source("42 CFR 410.32(a); Medicare Program Integrity Manual (IOM 100-08) ch. 3 §3.3.2.4 (signature and order timing)")
            .prevents("16")
            .checkedBy((context, findings) -> {
                Provider provider = context.registration().orderingProvider();
                OffsetDateTime started = context.snapshot().flow().serviceStartedAt();
                if (provider != null && provider.orderOnFileAt() != null && started != null && RuleContext.before(started, provider.orderOnFileAt())) {
                    findings.report("orderingProvider.orderOnFileAt", Values.of("orderingProvider.orderOnFileAt", provider.orderOnFileAt(),
                                    "flow.serviceStartedAt", started),
                            "The order reached registration after the service had started.",
                            "Hold scheduled services until the signed order is on file.");
                }
            });

    public static final Rule DIAGNOSIS_MISSING = rule("MNC-001", MEDICAL_NECESSITY, ERROR, "No diagnosis on the registration")
            .because("A reason for the visit (ICD-10-CM) is needed to check medical necessity, request authorization and bill.")
            .source("HL7 DG1; X12 837 HI segment; CARC 16; CARC 167 (diagnosis not covered: not yet verified against the X12 CARC list)")
            .prevents("16", "167")
            .checkedBy((context, findings) -> {
                if (context.registered() && context.registration().diagnoses().isEmpty()) {
                    findings.report("diagnoses", Values.of("diagnoses", null),
                            "No diagnosis or reason for visit is recorded.", "Enter the diagnosis from the physician's order (or the chief complaint in the ED).");
                }
            });

    public static final Rule DIAGNOSIS_DOES_NOT_SUPPORT_SERVICE = rule("MNC-002", MEDICAL_NECESSITY, WARNING, "Diagnosis does not support the service")
            .because("Payers pay a service only for the diagnoses their coverage policy lists (NCDs/LCDs for Medicare); none of the registered "
                    + "diagnoses is in the organisation's coverage table for this service.")
            .source("Medicare NCD/LCD coverage policies; organisation coverage table (ICD-10-CM × CPT); CARC 50; CARC 167 (not yet verified against the X12 CARC list)")
            .prevents("50", "167")
            .checkedBy((context, findings) -> {
                if (!context.emergency() && necessityMet(context) == Boolean.FALSE) {
                    findings.report("diagnoses", Values.of("diagnoses", diagnosisCodes(context), "scheduledService.code", context.serviceCode()),
                            "None of the diagnoses " + diagnosisCodes(context) + " supports " + context.serviceCode() + " in the coverage table.",
                            "Confirm the diagnoses with the ordering physician's office; for Medicare, give an ABN if necessity is still not met.");
                }
            });

    /** TRUE when a diagnosis supports the service, FALSE when none does, null when the service is not in the coverage table. */
    public static Boolean necessityMet(RuleContext context)
    {
        String code = context.serviceCode();
        Set<String> supporting = code == null ? null : context.config().coverage().get(code);
        if (supporting == null) {
            return null;
        }
        List<Diagnosis> diagnosisList = context.registration().diagnoses();
        for (int iDiagnosis = 0; iDiagnosis < diagnosisList.size(); iDiagnosis++) {
            Diagnosis diagnosis = diagnosisList.get(iDiagnosis);
            if (diagnosis.code() != null && supporting.contains(diagnosis.code())) {
                return Boolean.TRUE;
            }
        }
        return Boolean.FALSE;
    }

    public static String diagnosisCodes(RuleContext context)
    {
        StringBuilder codes = new StringBuilder();
        List<Diagnosis> diagnosisList = context.registration().diagnoses();
        for (int iDiagnosis = 0; iDiagnosis < diagnosisList.size(); iDiagnosis++) {
            Diagnosis diagnosis = diagnosisList.get(iDiagnosis);
            codes.append(codes.isEmpty() ? "" : ",").append(diagnosis.code());
        }
        return codes.toString();
    }
}
