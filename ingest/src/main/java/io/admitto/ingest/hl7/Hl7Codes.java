package io.admitto.ingest.hl7;

import io.admitto.events.PatientClass;
import io.admitto.events.PlanType;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The code translations the HL7 mapping needs, each documented in docs/ingest.md. Sites vary in what
 * they send; where a code is not recognised the mapping prefers "absent" to a guess, so a QA rule sees
 * the gap instead of a wrong value.
 */
final class Hl7Codes {
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^A-Z0-9]+");

    private Hl7Codes() {}

    /** PV1-2 (table 0004). Null when empty; an unrecognised code (e.g. {@code N} not applicable) is UNKNOWN. */
    static PatientClass patientClass(String code) {
        if (code == null) {
            return null;
        }
        return switch (code.toUpperCase(Locale.ROOT)) {
            case "E" -> PatientClass.EMERGENCY;
            case "I" -> PatientClass.INPATIENT;
            case "O" -> PatientClass.OUTPATIENT;
            case "P" -> PatientClass.PREADMIT;
            case "R" -> PatientClass.RECURRING;
            case "B" -> PatientClass.OBSERVATION;
            default -> PatientClass.UNKNOWN;
        };
    }

    /**
     * The patient's relationship to the insured/guarantor ({@code self}, {@code spouse}, {@code child},
     * {@code other}) from IN1-17 / GT1-11, which HL7 defines the other way round: the insured's (or
     * guarantor's) relationship <em>to the patient</em> (table 0063). An insured parent makes the patient
     * the child. Also accepts the X12/UB-04 codes many US feeds put there (18 self, 01 spouse, 19 child).
     */
    static String relationshipFromInsured(String code) {
        if (code == null) {
            return null;
        }
        return switch (code.toUpperCase(Locale.ROOT)) {
            case "SEL", "SELF", "18", "1", "01" -> "self";
            case "SPO", "DOM", "SPOUSE" -> "spouse";
            case "PAR", "MTH", "FTH", "MO", "FA", "MOTHER", "FATHER", "PARENT", "GRD", "19" -> "child";
            // any other table 0063 code (sibling, employer, friend...); free text in the field is not a code
            default -> code.length() <= 3 ? "other" : null;
        };
    }

    /** IN2-72 patient's relationship to the insured (table 0344): 01 patient is insured, 02 spouse, 03-05 child. */
    static String relationshipFromPatient(String code) {
        if (code == null) {
            return null;
        }
        return switch (code) {
            case "01", "1" -> "self";
            case "02", "2" -> "spouse";
            case "03", "3", "04", "4", "05", "5", "06", "6" -> "child";
            default -> "other";
        };
    }

    /**
     * IN1-45 verification status (user-defined in HL7, so by meaning): verified, failed or unverified; null when
     * nothing was recorded. A verification date/time (IN1-29) without a status counts as verified.
     */
    static String verificationStatus(String status, boolean hasVerificationTime) {
        if (status == null) {
            return hasVerificationTime ? "verified" : null;
        }
        return switch (status.toUpperCase(Locale.ROOT)) {
            case "V", "Y", "A", "VERIFIED", "ACTIVE", "ELIGIBLE" -> "verified";
            case "F", "N", "D", "I", "R", "FAILED", "DENIED", "INACTIVE", "INELIGIBLE", "REJECTED", "TERMINATED" -> "failed";
            default -> "unverified";
        };
    }

    /**
     * The plan type from what IN1 says about the plan: IN1-15 plan type, IN1-2 plan id/name and IN1-4
     * company name, by keyword, because table 0086 is site-defined. Null when nothing says.
     */
    static PlanType planType(String... texts) {
        StringBuilder all = new StringBuilder();
        for (String text : texts) {
            if (text != null) {
                all.append(' ').append(text.toUpperCase(Locale.ROOT));
            }
        }
        String text = NOT_ALPHANUMERIC.matcher(all.append(' ')).replaceAll(" ");
        if (text.isBlank()) {
            return null;
        }
        boolean managed = has(text, "HMO") || has(text, "MANAGED") || has(text, "ADVANTAGE") || has(text, "MCO") || has(text, "PART C");
        if (has(text, "MEDICARE") || has(text, "MCR")) {
            return managed ? PlanType.MEDICARE_ADVANTAGE : PlanType.MEDICARE_FFS;
        }
        if (has(text, "MEDICAID") || has(text, "MCD") || has(text, "MEDI CAL")) {
            return managed ? PlanType.MEDICAID_MANAGED : PlanType.MEDICAID;
        }
        if (has(text, "WORKERS") || has(text, "WORKER S") || has(text, "WC") || has(text, "WORKERS COMP")) {
            return PlanType.WORKERS_COMP;
        }
        if (has(text, "SELF PAY") || has(text, "SELFPAY") || has(text, "SP") || has(text, "UNINSURED")) {
            return PlanType.SELF_PAY;
        }
        if (has(text, "HMO")) {
            return PlanType.COMMERCIAL_HMO;
        }
        if (has(text, "PPO") || has(text, "EPO") || has(text, "POS") || has(text, "COMMERCIAL") || has(text, "BLUE CROSS") || has(text, "BCBS")) {
            return PlanType.COMMERCIAL_PPO;
        }
        return null;
    }

    private static boolean has(String text, String word) {
        return text.contains(" " + word + " ");
    }

    /** DG1-3.3 coding system to the canonical name; other systems are kept as sent. */
    static String diagnosisCodeSystem(String system) {
        if (system == null) {
            return "ICD-10-CM";
        }
        return switch (system.toUpperCase(Locale.ROOT)) {
            case "I10", "I10C", "ICD10", "ICD-10", "ICD10CM", "ICD-10-CM" -> "ICD-10-CM";
            case "I9", "I9C", "ICD9", "ICD-9", "ICD9CM", "ICD-9-CM" -> "ICD-9-CM";
            default -> system;
        };
    }

    /**
     * The department (ED, IMG, SURG, INPT, CLIN) from PV1-10 hospital service, then PV1-3.1 point of care,
     * then PV1-2 patient class. Null when none of them says.
     */
    static String department(String hospitalService, String pointOfCare, PatientClass patientClass) {
        String fromService = departmentFromCode(hospitalService);
        if (fromService != null) {
            return fromService;
        }
        String fromLocation = departmentFromCode(pointOfCare);
        if (fromLocation != null) {
            return fromLocation;
        }
        if (patientClass == null) {
            return null;
        }
        return switch (patientClass) {
            case EMERGENCY -> "ED";
            case INPATIENT -> "INPT";
            case OUTPATIENT, RECURRING -> "CLIN";
            default -> null;
        };
    }

    private static String departmentFromCode(String code) {
        if (code == null) {
            return null;
        }
        String text = " " + NOT_ALPHANUMERIC.matcher(code.toUpperCase(Locale.ROOT)).replaceAll(" ") + " ";
        if (has(text, "ED") || has(text, "ER") || has(text, "EM") || has(text, "EMER") || has(text, "EMERGENCY") || has(text, "EMR")) {
            return "ED";
        }
        if (has(text, "RAD") || has(text, "IMG") || has(text, "IMAGING") || has(text, "XR") || has(text, "MRI") || has(text, "CT") || has(text, "US") || has(text, "NM") || has(text, "RADIOLOGY")) {
            return "IMG";
        }
        if (has(text, "SUR") || has(text, "SURG") || has(text, "SURGERY") || has(text, "OR") || has(text, "ASC") || has(text, "PACU")) {
            return "SURG";
        }
        if (has(text, "MED") || has(text, "ICU") || has(text, "INPT") || has(text, "CAR") || has(text, "PUL") || has(text, "MEDSURG")) {
            return "INPT";
        }
        if (has(text, "CLIN") || has(text, "CLINIC") || has(text, "OP") || has(text, "OPD") || has(text, "AMB")) {
            return "CLIN";
        }
        return null;
    }
}
