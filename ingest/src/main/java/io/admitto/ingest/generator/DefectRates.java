package io.admitto.ingest.generator;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * How often each {@link Defect} is injected: the probability that an encounter where the defect
 * can occur gets it (EMTALA only among ED encounters with something to collect, MISSING_MSPQ only
 * among Medicare encounters, and so on), before the registrar's own error propensity is applied.
 * Rates are per applicable encounter, not per encounter, so that a rate means the same thing
 * whatever the payer and department mix.
 *
 * <p>The defaults are in the range vendors report for front-end errors (a few percent each; about
 * 8-10% of claims initially denied overall).
 */
public record DefectRates(Map<Defect, Double> rates)
{
    public DefectRates
    {
        requireNonNull(rates, "rates is null");
        EnumMap<Defect, Double> copy = new EnumMap<>(Defect.class);
        for (Defect defect : Defect.values()) {
            copy.put(defect, 0.0);
        }
        double total = 0;
        for (Map.Entry<Defect, Double> entry : rates.entrySet()) {
            Defect defect = requireNonNull(entry.getKey(), "defect is null");
            Double rate = requireNonNull(entry.getValue(), () -> "rate of " + defect + " is null");
            if (!(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException("rate of " + defect + " must be between 0 and 1: " + rate);
            }
            copy.put(defect, rate);
            total += rate;
        }
        // Only one defect is injected per encounter, drawn from one categorical distribution over
        // the applicable defects; rates that add up to more than one cannot all be honoured.
        if (total > 1.0 + 1e-9) {
            throw new IllegalArgumentException("defect rates add up to " + total + "; at most 1 is possible since an encounter gets at most one defect");
        }
        rates = Collections.unmodifiableMap(copy);
    }

    public static DefectRates defaults()
    {
        EnumMap<Defect, Double> rates = new EnumMap<>(Defect.class);
        rates.put(Defect.WRONG_MEMBER_ID, 0.03);
        rates.put(Defect.COVERAGE_TERMINATED, 0.02);
        rates.put(Defect.NO_ELIGIBILITY_CHECK, 0.04);
        rates.put(Defect.MISSING_AUTHORIZATION, 0.04);
        rates.put(Defect.MISSING_MSPQ, 0.05);
        rates.put(Defect.EMTALA_VIOLATION, 0.02);
        rates.put(Defect.MISSING_GFE, 0.06);
        rates.put(Defect.BAD_DEMOGRAPHICS, 0.05);
        rates.put(Defect.DUPLICATE_PATIENT, 0.02);
        rates.put(Defect.WRONG_PLAN, 0.04);
        rates.put(Defect.MISSING_CONSENT, 0.03);
        rates.put(Defect.MISSING_PHYSICIAN_ORDER, 0.03);
        rates.put(Defect.MISSING_REFERRAL, 0.05);
        return new DefectRates(rates);
    }

    /** No defects at all: every registration is clean (back-end denials still happen). */
    public static DefectRates none()
    {
        return new DefectRates(Map.of());
    }

    /** Only {@code defect}, at {@code rate}; every other defect off. */
    public static DefectRates only(Defect defect, double rate)
    {
        return new DefectRates(Map.of(defect, rate));
    }

    public double rate(Defect defect)
    {
        return rates.get(requireNonNull(defect, "defect is null"));
    }

    public DefectRates with(Defect defect, double rate)
    {
        EnumMap<Defect, Double> copy = new EnumMap<>(rates);
        copy.put(requireNonNull(defect, "defect is null"), rate);
        return new DefectRates(copy);
    }
}
