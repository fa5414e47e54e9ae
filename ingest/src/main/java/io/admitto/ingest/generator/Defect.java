package io.admitto.ingest.generator;

import static java.util.Objects.requireNonNull;

/**
 * A registration error the generator injects, with what it looks like in the events and what the
 * payer does about it. A defect is drawn only for encounters where it can happen (see
 * {@link DefectRates}); at most one defect is injected per encounter, and it is attributed to the
 * registrar of the encounter's {@code registration.registered} or {@code registration.admitted}
 * event (HL7 EVN-5), which is who a QA rule would hold responsible.
 *
 * <p>Claim outcomes (X12 835 CAS; group CO unless stated) and acknowledgments (277CA STC01):
 * <ul>
 *   <li>{@link #WRONG_MEMBER_ID}: the 271 carries AAA 72 (invalid member ID, follow-up C, loop
 *       2100C) and no coverage status. When the mistyped ID breaks the payer's ID format the
 *       clearinghouse rejects the claim (277CA A3/164/IL), it is corrected and resubmitted (A2/20)
 *       and then paid; when the ID is well-formed but wrong, the claim is accepted and denied with
 *       CARC 31 (CLP02 4, patient not identified) or CARC 140 (ID and name do not match).</li>
 *   <li>{@link #COVERAGE_TERMINATED}: IN1-13 coverage end before the service date; the 271 says
 *       inactive (EB01 6) with plan end before service; denied CARC 27.</li>
 *   <li>{@link #NO_ELIGIBILITY_CHECK}: no 270/271 at all and no IN1 verification; about 30% of
 *       these turn out uncovered: CARC 27 (two in three) or CARC 31 (CLP02 4). The rest are paid.</li>
 *   <li>{@link #MISSING_AUTHORIZATION}: the entered payer requires prior authorization for the
 *       service but no 278 was sent and IN1-28 is empty; denied CARC 197 with RARC N54 (70%) or
 *       CARC 15 with RARC M62.</li>
 *   <li>{@link #MISSING_MSPQ}: a Medicare (fee-for-service or Advantage) registration without the
 *       MSP questionnaire; 35% are denied CARC 22 with RARC MA04, the rest paid.</li>
 *   <li>{@link #EMTALA_VIOLATION}: an ED encounter where the financial-responsibility form is
 *       signed and a payment is collected after registration but before the medical screening
 *       exam. Only drawn when the patient owes something. No payer consequence.</li>
 *   <li>{@link #MISSING_GFE}: a self-pay service booked three or more business days ahead without a
 *       good-faith estimate, or with one later than 45 CFR 149.610 allows. No claim (self-pay).</li>
 *   <li>{@link #BAD_DEMOGRAPHICS}: one of a malformed SSN, a missing phone number (neither reaches
 *       the payer) or a mistyped date of birth. A mistyped DOB makes the patient disagree with the
 *       subscriber (self) and the payer: the 271 carries AAA 71; 40% of those claims are rejected
 *       (277CA A7/158/QC), corrected and paid, the rest are denied CARC 16 with RARC N329.</li>
 *   <li>{@link #DUPLICATE_PATIENT}: the patient is registered under a new MRN although an earlier
 *       encounter of the same facility registered the same name and birth date. No payer
 *       consequence.</li>
 *   <li>{@link #WRONG_PLAN}: a Medicare Advantage member registered as Medicare fee-for-service, or a
 *       managed-Medicaid member as state Medicaid fee-for-service. The wrong payer's 271 is active
 *       but flags another payer (EB01 R); the claim goes to the wrong payer and is denied CARC 109.</li>
 *   <li>{@link #MISSING_CONSENT}: one of general consent, assignment of benefits or the Notice of
 *       Privacy Practices not acknowledged. No payer consequence.</li>
 *   <li>{@link #MISSING_PHYSICIAN_ORDER}: an outpatient imaging or surgery registration without an
 *       ordering provider; half are denied CARC 16 with RARC N264, the rest paid.</li>
 *   <li>{@link #MISSING_REFERRAL}: an HMO member's non-emergency service without a referral on file;
 *       denied CARC 288 (70%) or CARC 197.</li>
 * </ul>
 *
 * <p>Clean claims are paid with CO-45 (contractual) and PR-1/2/3 (deductible, coinsurance,
 * copay), except for back-end denials that are not registration errors and are listed separately in
 * the ground truth: timely filing (CARC 29), coding (CARC 11, 4 or 50), and duplicate submissions
 * (a second 835 denied CARC 18 after the original was paid).
 */
public enum Defect
{
    WRONG_MEMBER_ID("member ID entered wrong; 271 AAA 72, 277CA rejection or CARC 31/140"),
    COVERAGE_TERMINATED("coverage ended before the service date; 271 inactive, CARC 27"),
    NO_ELIGIBILITY_CHECK("no 270/271 and no IN1 verification; sometimes CARC 27/31"),
    MISSING_AUTHORIZATION("payer requires prior authorization, none requested; CARC 197/15"),
    MISSING_MSPQ("Medicare registration without MSP questionnaire; sometimes CARC 22 + MA04"),
    EMTALA_VIOLATION("ED payment or financial form before the medical screening exam"),
    MISSING_GFE("self-pay scheduled service without a timely good-faith estimate"),
    BAD_DEMOGRAPHICS("malformed SSN, missing phone or mistyped DOB; DOB: 271 AAA 71, CARC 16 + N329"),
    DUPLICATE_PATIENT("same name and birth date as an existing patient, new MRN"),
    WRONG_PLAN("Medicare FFS for an Advantage member or Medicaid FFS for a managed-Medicaid member; CARC 109"),
    MISSING_CONSENT("consent, assignment of benefits or privacy notice not acknowledged"),
    MISSING_PHYSICIAN_ORDER("outpatient imaging or surgery without an order; sometimes CARC 16 + N264"),
    MISSING_REFERRAL("HMO non-emergency service without a referral; CARC 288/197");

    private final String description;

    Defect(String description)
    {
        this.description = requireNonNull(description, "description is null");
    }

    public String description()
    {
        return description;
    }
}
