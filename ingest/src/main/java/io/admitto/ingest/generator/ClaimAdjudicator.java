package io.admitto.ingest.generator;

import io.admitto.events.ClaimAdjustment;
import io.admitto.events.ClaimStatusCode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The payer side of a claim: which 277CA acknowledgments it gets and how each 835 adjudicates it,
 * consistent with the registration defect (see {@link Defect} for the table). Adjustments are
 * reported at claim level only; service lines carry amounts without CAS, so summing both levels never
 * counts an adjustment twice. Every remittance balances: billed = paid + sum of adjustments.
 */
final class ClaimAdjudicator
{
    static final ClaimStatusCode ACCEPTED = new ClaimStatusCode("A2", "20", null);
    static final ClaimStatusCode INVALID_MEMBER_ID = new ClaimStatusCode("A3", "164", "IL");
    static final ClaimStatusCode INVALID_BIRTH_DATE = new ClaimStatusCode("A7", "158", "QC");

    /** How a defect shows to the payer beyond its kind. */
    enum Variant
    {
        NONE,
        MALFORMED_MEMBER_ID,
        WELL_FORMED_MEMBER_ID,
        INVALID_SSN,
        MISSING_PHONE,
        MISTYPED_BIRTH_DATE
    }

    /** One 835 for the claim. {@code claimStatus} is CLP02. */
    record Remittance(String claimStatus, long paidCents, long patientResponsibilityCents, List<ClaimAdjustment> adjustments, List<String> remarkCodes) {}

    /**
     * @param acknowledgments the 277CA status lists in the order received; a rejection is followed by the
     *        corrected claim's acceptance
     * @param remittances the 835s in order; a second one is a duplicate submission's denial
     * @param backEndReason the CARC of a denial that is not a registration error, or null
     */
    record Adjudication(List<List<ClaimStatusCode>> acknowledgments, List<Remittance> remittances, String backEndReason) {}

    Adjudication adjudicate(long billedCents, long allowedCents, CostShare share, Defect defect, Variant variant, SplittableRandom random)
    {
        List<List<ClaimStatusCode>> acknowledgments = new ArrayList<>(2);
        List<Remittance> remittances = new ArrayList<>(2);
        String backEnd = null;
        Remittance paid = paid(billedCents, allowedCents, share);
        Remittance remittance = paid;
        if (defect == null) {
            double u = random.nextDouble();
            if (u < 0.004) {
                backEnd = "29";
                remittance = denied(billedCents, "29", "1");
            }
            else if (u < 0.014) {
                backEnd = Draws.pick(random, new String[] {"11", "11", "4", "50"});
                remittance = switch (backEnd) {
                    case "11" -> denied(billedCents, backEnd, "1", "M76");
                    case "50" -> denied(billedCents, backEnd, "1", "N115");
                    default -> denied(billedCents, backEnd, "1");
                };
            }
            else if (u < 0.024) {
                backEnd = "18";
            }
        }
        else {
            switch (defect) {
                case WRONG_MEMBER_ID -> {
                    if (variant == Variant.MALFORMED_MEMBER_ID) {
                        acknowledgments.add(List.of(INVALID_MEMBER_ID));
                    }
                    else if (Draws.chance(random, 0.6)) {
                        remittance = denied(billedCents, "31", "4");
                    }
                    else {
                        remittance = denied(billedCents, "140", "1");
                    }
                }
                case COVERAGE_TERMINATED -> remittance = denied(billedCents, "27", "1");
                case NO_ELIGIBILITY_CHECK -> {
                    double u = random.nextDouble();
                    if (u < 0.2) {
                        remittance = denied(billedCents, "27", "1");
                    }
                    else if (u < 0.3) {
                        remittance = denied(billedCents, "31", "4");
                    }
                }
                case MISSING_AUTHORIZATION -> remittance = Draws.chance(random, 0.7)
                        ? denied(billedCents, "197", "1", "N54")
                        : denied(billedCents, "15", "1", "M62");
                case MISSING_MSPQ -> {
                    if (Draws.chance(random, 0.35)) {
                        remittance = denied(billedCents, "22", "1", "MA04");
                    }
                }
                case BAD_DEMOGRAPHICS -> {
                    if (variant == Variant.MISTYPED_BIRTH_DATE) {
                        if (Draws.chance(random, 0.4)) {
                            acknowledgments.add(List.of(INVALID_BIRTH_DATE));
                        }
                        else {
                            remittance = denied(billedCents, "16", "1", "N329");
                        }
                    }
                }
                case WRONG_PLAN -> remittance = denied(billedCents, "109", "1");
                case MISSING_PHYSICIAN_ORDER -> {
                    if (Draws.chance(random, 0.5)) {
                        remittance = denied(billedCents, "16", "1", "N264");
                    }
                }
                case MISSING_REFERRAL -> remittance = Draws.chance(random, 0.7)
                        ? denied(billedCents, "288", "1")
                        : denied(billedCents, "197", "1");
                case EMTALA_VIOLATION, MISSING_GFE, DUPLICATE_PATIENT, MISSING_CONSENT -> {
                    // compliance findings the payer never sees
                }
            }
        }
        acknowledgments.add(List.of(ACCEPTED));
        remittances.add(remittance);
        if ("18".equals(backEnd)) {
            remittances.add(denied(billedCents, "18", "1"));
        }
        return new Adjudication(List.copyOf(acknowledgments), List.copyOf(remittances), backEnd);
    }

    private static Remittance paid(long billedCents, long allowedCents, CostShare share)
    {
        List<ClaimAdjustment> adjustments = new ArrayList<>(4);
        if (billedCents > allowedCents) {
            adjustments.add(adjustment("CO", "45", billedCents - allowedCents));
        }
        if (share.deductibleCents() > 0) {
            adjustments.add(adjustment("PR", "1", share.deductibleCents()));
        }
        if (share.coinsuranceCents() > 0) {
            adjustments.add(adjustment("PR", "2", share.coinsuranceCents()));
        }
        if (share.copayCents() > 0) {
            adjustments.add(adjustment("PR", "3", share.copayCents()));
        }
        return new Remittance("1", allowedCents - share.totalCents(), share.totalCents(), List.copyOf(adjustments), List.of());
    }

    private static Remittance denied(long billedCents, String reason, String claimStatus, String... remarks)
    {
        return new Remittance(claimStatus, 0, 0, List.of(adjustment("CO", reason, billedCents)), List.of(remarks));
    }

    private static ClaimAdjustment adjustment(String group, String reason, long cents)
    {
        return new ClaimAdjustment(group, reason, BigDecimal.valueOf(cents, 2), null);
    }
}
