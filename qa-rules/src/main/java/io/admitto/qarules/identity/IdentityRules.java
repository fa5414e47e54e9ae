package io.admitto.qarules.identity;

import io.admitto.events.Address;
import io.admitto.events.Patient;
import io.admitto.events.PersonName;
import io.admitto.qarules.config.ServiceDemographics;
import io.admitto.qarules.rule.Rule;
import io.admitto.qarules.rule.Values;
import io.admitto.qarules.snapshot.IdentityMatch;

import java.util.List;
import java.util.Set;

import static io.admitto.qarules.Category.IDENTITY;
import static io.admitto.qarules.Severity.ERROR;
import static io.admitto.qarules.Severity.WARNING;
import static io.admitto.qarules.rule.RuleDescriptor.rule;
import static io.admitto.qarules.rule.Values.isBlank;

/** Demographics and identity: what the payer matches the claim on, and what the hospital bills and calls on. */
public final class IdentityRules
{
    /** HL7 v2 table 0001 administrative sex (A ambiguous, N not applicable, X non-binary in v2.9). */
    private static final Set<String> SEX_CODES = Set.of("F", "M", "O", "U", "A", "N", "X");

    private IdentityRules() {}

    public static List<Rule> rules()
    {
        return List.of(NAME_MISSING, BIRTH_DATE_MISSING, BIRTH_DATE_AFTER_SERVICE, DEATH_BEFORE_SERVICE, SEX_INVALID,
                SERVICE_SEX_MISMATCH, SERVICE_AGE_MISMATCH, SSN_MALFORMED, PHONE_INVALID, ADDRESS_INCOMPLETE,
                POSSIBLE_DUPLICATE, MRN_MISSING);
    }

    public static final Rule NAME_MISSING = rule("ID-001", IDENTITY, ERROR, "Patient family or given name missing")
            .because("The payer identifies the patient by name and birth date; a claim without both is not matched to a member.")
            .source("X12 271/837 subscriber and patient name (NM1); HL7 PID-5; HFMA registration QA")
            .prevents("31", "140")
            .checkedBy((context, findings) -> {
                Patient patient = context.patient();
                PersonName name = patient == null ? null : patient.name();
                if (name == null || isBlank(name.family()) || isBlank(name.given())) {
                    findings.report("patient.name", Values.of("patient.name.family", name == null ? null : name.family(),
                                    "patient.name.given", name == null ? null : name.given()),
                            "The patient's family or given name is missing.",
                            "Enter the legal name exactly as on the insurance card or photo ID.");
                }
            });

    public static final Rule BIRTH_DATE_MISSING = rule("ID-002", IDENTITY, ERROR, "Patient birth date missing")
            .because("Birth date is the second key payers match a member on and is required on every claim.")
            .source("X12 837 DMG segment; HL7 PID-7")
            .prevents("16", "31")
            .checkedBy((context, findings) -> {
                Patient patient = context.patient();
                if (patient == null || patient.birthDate() == null) {
                    findings.report("patient.birthDate", Values.of("patient.birthDate", null),
                            "The patient's date of birth is missing.",
                            "Ask the patient for the date of birth and check it against photo ID.");
                }
            });

    public static final Rule BIRTH_DATE_AFTER_SERVICE = rule("ID-003", IDENTITY, ERROR, "Birth date after the service date")
            .because("A service cannot precede the patient's birth; payers deny such claims outright.")
            .source("X12 CARC 14 (date of birth follows date of service)")
            .prevents("14")
            .checkedBy((context, findings) -> {
                Patient patient = context.patient();
                if (patient != null && patient.birthDate() != null && context.serviceDate() != null
                        && patient.birthDate().isAfter(context.serviceDate())) {
                    findings.report("patient.birthDate", Values.of("patient.birthDate", patient.birthDate(), "serviceDate", context.serviceDate()),
                            "The date of birth is after the service date; it was probably mistyped.",
                            "Correct the date of birth (check for a swapped day/month or a wrong year).");
                }
            });

    public static final Rule DEATH_BEFORE_SERVICE = rule("ID-004", IDENTITY, ERROR, "Death date before the service date")
            .because("A record with a date of death before the service is the wrong patient or a wrong date; payers deny with CARC 13.")
            .source("X12 CARC 13 (date of death precedes date of service); HL7 PID-29")
            .prevents("13")
            .checkedBy((context, findings) -> {
                Patient patient = context.patient();
                if (patient != null && patient.deathDate() != null && context.serviceDate() != null
                        && patient.deathDate().isBefore(context.serviceDate())) {
                    findings.report("patient.deathDate", Values.of("patient.deathDate", patient.deathDate(), "serviceDate", context.serviceDate()),
                            "The patient record shows a date of death before this visit: wrong patient selected or a wrong date.",
                            "Confirm the patient's identity; if the record is wrong, have HIM correct the death date.");
                }
            });

    public static final Rule SEX_INVALID = rule("ID-005", IDENTITY, ERROR, "Administrative sex missing or not an HL7 code")
            .because("Payers edit services against the patient's sex; a missing or non-standard code fails those edits.")
            .source("HL7 v2 table 0001 (PID-8); X12 837 DMG03")
            .prevents("16")
            .checkedBy((context, findings) -> {
                Patient patient = context.patient();
                String sex = patient == null ? null : patient.sex();
                if (sex == null || !SEX_CODES.contains(sex)) {
                    findings.report("patient.sex", Values.of("patient.sex", sex),
                            sex == null ? "The patient's administrative sex is missing." : "The administrative sex '" + sex + "' is not an HL7 table 0001 code.",
                            "Enter F, M, X, O, U, A or N as registered on the insurance card.");
                }
            });

    public static final Rule SERVICE_SEX_MISMATCH = rule("ID-006", IDENTITY, WARNING, "Service not expected for the patient's sex")
            .because("Payers edit sex-specific procedures against the member's sex (CARC 7); a mismatch is usually a registration or scheduling error.")
            .source("X12 CARC 7 (procedure inconsistent with the patient's gender); organisation table serviceDemographics")
            .prevents("7")
            .checkedBy((context, findings) -> {
                ServiceDemographics expected = demographics(context.config(), context.serviceCode());
                Patient patient = context.patient();
                if (expected != null && !expected.sexes().isEmpty() && patient != null && patient.sex() != null
                        && !expected.sexes().contains(patient.sex())) {
                    findings.report("patient.sex", Values.of("patient.sex", patient.sex(), "scheduledService.code", context.serviceCode()),
                            "Service " + context.serviceCode() + " is expected for sex " + String.join("/", new java.util.TreeSet<>(expected.sexes()))
                                    + " but the patient is registered as " + patient.sex() + ".",
                            "Check the patient's sex on the card and the service ordered; the payer may need a condition code or modifier.");
                }
            });

    public static final Rule SERVICE_AGE_MISMATCH = rule("ID-007", IDENTITY, WARNING, "Service not expected at the patient's age")
            .because("Age-specific codes (preventive visits by age band, for example) are denied with CARC 6 when the age does not fit.")
            .source("X12 CARC 6 (procedure inconsistent with the patient's age); CPT descriptors; organisation table serviceDemographics")
            .prevents("6")
            .checkedBy((context, findings) -> {
                ServiceDemographics expected = demographics(context.config(), context.serviceCode());
                int age = context.ageAtService();
                if (expected != null && age >= 0
                        && (expected.minimumAge() != null && age < expected.minimumAge() || expected.maximumAge() != null && age > expected.maximumAge())) {
                    findings.report("patient.birthDate", Values.of("ageAtService", age, "scheduledService.code", context.serviceCode()),
                            "Service " + context.serviceCode() + " is for ages " + range(expected) + " but the patient is " + age + ".",
                            "Check the birth date and the service code with the scheduler; an age-appropriate code may apply.");
                }
            });

    public static final Rule SSN_MALFORMED = rule("ID-008", IDENTITY, ERROR, "Social security number malformed")
            .because("A malformed SSN breaks identity matching, guarantor credit checks and Medicaid/charity screening. An SSN is optional: "
                    + "absent or blank passes, but one entered must be a number the SSA issues.")
            .source("SSA number format (area 001-899 except 666, group 01-99, serial 0001-9999); HL7 PID-19")
            .checkedBy((context, findings) -> {
                Patient patient = context.patient();
                String ssn = patient == null ? null : patient.ssn();
                if (!isBlank(ssn) && !validSsn(ssn.strip())) {
                    findings.report("patient.ssn", Values.of("patient.ssn", ssn),
                            "The SSN '" + ssn + "' is not a number the SSA issues (area 000, 666 or 9xx, group 00, serial 0000, or wrong length).",
                            "Re-enter the SSN from the card, or leave it empty if the patient does not give one.");
                }
            });

    public static final Rule PHONE_INVALID = rule("ID-009", IDENTITY, ERROR, "Patient phone number missing or invalid")
            .because("Without a working number the hospital cannot resolve eligibility questions, collect balances or reach the patient with results.")
            .source("HL7 PID-13; North American Numbering Plan (NXX-NXX-XXXX); HFMA registration QA")
            .checkedBy((context, findings) -> {
                Patient patient = context.patient();
                String phone = patient == null ? null : patient.phone();
                if (isBlank(phone)) {
                    findings.report("patient.phone", Values.of("patient.phone", phone),
                            "The patient's phone number is " + Values.missingOrEmpty(phone) + ".",
                            "Ask for a phone number the patient can be reached on and enter it.");
                }
                else if (!validNanpPhone(phone)) {
                    findings.report("patient.phone", Values.of("patient.phone", phone),
                            "The phone number '" + phone + "' is not a valid 10-digit North American number.",
                            "Re-enter the phone number with area code.");
                }
            });

    public static final Rule ADDRESS_INCOMPLETE = rule("ID-010", IDENTITY, ERROR, "Patient address incomplete")
            .because("Statements and payer correspondence go to this address; a claim needs the patient's street, city, state and ZIP code.")
            .source("HL7 PID-11; X12 837 N3/N4")
            .prevents("16")
            .checkedBy((context, findings) -> {
                Patient patient = context.patient();
                Address address = patient == null ? null : patient.address();
                if (address == null) {
                    findings.report("patient.address", Values.of("patient.address", null), "The patient's address is missing.",
                            "Enter the home address from the patient's ID or insurance card.");
                    return;
                }
                String problem = isBlank(address.line1()) ? "street" : isBlank(address.city()) ? "city" : isBlank(address.state()) ? "state"
                        : !validZip(address.postalCode()) ? "ZIP code" : null;
                if (problem != null) {
                    findings.report("patient.address", Values.of("patient.address.line1", address.line1(), "patient.address.city", address.city(),
                                    "patient.address.postalCode", address.postalCode()),
                            "The patient's address has no valid " + problem + ".",
                            "Complete the address; the ZIP code is 5 or 9 digits.");
                }
            });

    public static final Rule POSSIBLE_DUPLICATE = rule("ID-011", IDENTITY, ERROR, "Possible duplicate medical record")
            .because("Another medical record of this facility has the same name and birth date: the registrar likely created a new MRN instead of "
                    + "finding the patient, which splits the chart and causes duplicate-claim and safety problems. A person must confirm the match.")
            .source("AHIMA MPI duplicate-record guidance; HL7 ADT A40 (merge)")
            .heuristic()
            .checkedBy((context, findings) -> {
                Patient patient = context.patient();
                if (patient == null) {
                    return;
                }
                List<IdentityMatch> matchList = context.snapshot().identityMatches();
                for (int iMatch = 0; iMatch < matchList.size(); iMatch++) {
                    IdentityMatch match = matchList.get(iMatch);
                    if (!match.mrn().equals(patient.mrn())) {
                        findings.report("patient.mrn", Values.of("patient.mrn", patient.mrn(), "matching.mrn", match.mrn()),
                                "MRN " + match.mrn() + " already has this patient's name and date of birth.",
                                "Search the MPI again; if it is the same person, use the existing MRN and request a merge of the new one.");
                        return;
                    }
                }
            });

    public static final Rule MRN_MISSING = rule("ID-012", IDENTITY, ERROR, "Medical record number missing")
            .because("Every encounter must hang off a medical record; without one the chart and the account are orphaned.")
            .source("HL7 PID-3 (identifier type MR)")
            .checkedBy((context, findings) -> {
                Patient patient = context.patient();
                if (patient == null || isBlank(patient.mrn())) {
                    findings.report("patient.mrn", Values.of("patient.mrn", patient == null ? null : patient.mrn()),
                            "The encounter has no medical record number.", "Search the MPI for the patient and link the encounter to the record.");
                }
            });

    private static ServiceDemographics demographics(io.admitto.qarules.config.OrganizationConfig config, String code)
    {
        return code == null ? null : config.serviceDemographics().get(code);
    }

    private static String range(ServiceDemographics expected)
    {
        return (expected.minimumAge() == null ? "0" : expected.minimumAge()) + "-" + (expected.maximumAge() == null ? "" : expected.maximumAge());
    }

    /** NNN-NN-NNNN or nine digits; area 001-899 except 666, group 01-99, serial 0001-9999. Parsed in place: it runs on every registration. */
    static boolean validSsn(String ssn)
    {
        boolean dashed = ssn.length() == 11 && ssn.charAt(3) == '-' && ssn.charAt(6) == '-';
        if (!dashed && ssn.length() != 9) {
            return false;
        }
        int area = 0;
        int group = 0;
        int serial = 0;
        int digit = 0;
        for (int i = 0; i < ssn.length(); i++) {
            if (dashed && (i == 3 || i == 6)) {
                continue;
            }
            char c = ssn.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            int value = c - '0';
            if (digit < 3) {
                area = area * 10 + value;
            }
            else if (digit < 5) {
                group = group * 10 + value;
            }
            else {
                serial = serial * 10 + value;
            }
            digit++;
        }
        return area != 0 && area != 666 && area < 900 && group != 0 && serial != 0;
    }

    /** Ten digits (an optional leading 1 and punctuation aside) with area code and exchange starting 2-9; no allocation. */
    static boolean validNanpPhone(String phone)
    {
        int count = 0;
        char first = 0;
        char second = 0;
        char fourth = 0;
        char fifth = 0;
        for (int i = 0; i < phone.length(); i++) {
            char c = phone.charAt(i);
            if (c >= '0' && c <= '9') {
                switch (count) {
                    case 0 -> first = c;
                    case 1 -> second = c;
                    case 3 -> fourth = c;
                    case 4 -> fifth = c;
                    default -> { }
                }
                count++;
            }
            else if (c != '-' && c != ' ' && c != '(' && c != ')' && c != '.' && c != '+') {
                return false;
            }
        }
        if (count == 11 && first == '1') {
            return second >= '2' && fifth >= '2'; // country code 1, then area code and exchange
        }
        return count == 10 && first >= '2' && fourth >= '2';
    }

    static boolean validZip(String zip)
    {
        if (zip == null) {
            return false;
        }
        int length = zip.length();
        if (length != 5 && length != 9 && !(length == 10 && zip.charAt(5) == '-')) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = zip.charAt(i);
            if ((c < '0' || c > '9') && !(i == 5 && c == '-')) {
                return false;
            }
        }
        return true;
    }
}
