package io.admitto.ingest.generator;

import java.time.LocalDate;

/**
 * The patient's share of an allowed amount, in cents, split as the 835 reports it: PR-1 deductible,
 * PR-2 coinsurance, PR-3 copay. The same figures feed the 271 benefits, the point-of-service estimate
 * and the remittance, so the three always agree.
 */
record CostShare(long deductibleCents, long coinsuranceCents, long copayCents)
{
    static final CostShare NONE = new CostShare(0, 0, 0);

    long totalCents()
    {
        return deductibleCents + coinsuranceCents + copayCents;
    }

    /**
     * What {@code payer} leaves the patient to pay of {@code allowedCents}: a copay where the plan has
     * one for the service, else the deductible still open and coinsurance on the rest (Medicare
     * inpatient stays: the Part A deductible). Never more than the allowed amount.
     */
    static CostShare of(Payer payer, Department department, MedicalService service, boolean inpatient, int days,
            long allowedCents, long deductibleRemainingCents)
    {
        if (!payer.insured()) {
            return NONE;
        }
        if (payer == Payer.MEDICARE && inpatient) {
            return new CostShare(Math.min(Payer.PART_A_DEDUCTIBLE_CENTS, allowedCents), 0, 0);
        }
        long copay = payer.copayCents(department, service, days);
        if (copay >= 0) {
            return new CostShare(0, 0, Math.min(copay, allowedCents));
        }
        long deductible = Math.min(deductibleRemainingCents, allowedCents);
        long coinsurance = Math.round((allowedCents - deductible) * payer.coinsurance());
        return new CostShare(deductible, coinsurance, 0);
    }

    /**
     * The deductible still open on {@code date}: patients meet it through the year at their own pace
     * ({@code spentByYearEnd} of it by December 31st), in whole dollars.
     */
    static long deductibleRemainingCents(Payer payer, LocalDate date, double spentByYearEnd)
    {
        long annual = payer.annualDeductibleCents();
        double spent = spentByYearEnd * date.getDayOfYear() / 365.0;
        long remaining = Math.round(annual * Math.max(0, 1 - spent));
        return remaining / 100 * 100;
    }
}
