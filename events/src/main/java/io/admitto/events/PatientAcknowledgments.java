package io.admitto.events;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * Forms and notices, each as the instant it was completed; null means not done. The instants matter
 * as much as the flags: EMTALA forbids an ABN or financial form before the screening exam, the
 * No Surprises Act counts business days from scheduling to the good-faith estimate.
 *
 * @param generalConsentAt consent to treat signed
 * @param assignmentOfBenefitsAt assignment of benefits signed
 * @param privacyNoticeAt HIPAA Notice of Privacy Practices acknowledged
 * @param mspQuestionnaireAt Medicare Secondary Payer questionnaire completed
 * @param abnSignedAt Advance Beneficiary Notice (CMS-R-131) signed
 * @param financialResponsibilityAt financial responsibility form signed
 * @param goodFaithEstimateAt good-faith estimate given to an uninsured/self-pay patient
 * @param goodFaithEstimateAmount the estimate's total, when given
 */
public record PatientAcknowledgments(
        OffsetDateTime generalConsentAt,
        OffsetDateTime assignmentOfBenefitsAt,
        OffsetDateTime privacyNoticeAt,
        OffsetDateTime mspQuestionnaireAt,
        OffsetDateTime abnSignedAt,
        OffsetDateTime financialResponsibilityAt,
        OffsetDateTime goodFaithEstimateAt,
        BigDecimal goodFaithEstimateAmount) {
    public static PatientAcknowledgments none() {
        return new PatientAcknowledgments(null, null, null, null, null, null, null, null);
    }
}
