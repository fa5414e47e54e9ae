package io.admitto.ingest.generator;

import java.util.Set;
import java.util.SplittableRandom;

import static java.util.Objects.requireNonNull;

/**
 * Decides which defect, if any, an encounter gets. The configured rate of a defect is the chance
 * among encounters where it can happen; a registrar's error propensity {@code m} turns a rate
 * {@code p} into {@code 1 - (1 - p)^m}: about {@code p * m} for small rates, and still 1 when a test
 * asks for a rate of 1. One categorical draw over the applicable defects keeps each one's chance
 * exact while giving an encounter at most one; if an unusually error-prone registrar pushes the sum
 * past 1, the chances are scaled down together.
 */
final class DefectInjector
{
    private static final Defect[] DEFECTS = Defect.values();

    private final DefectRates rates;

    DefectInjector(DefectRates rates)
    {
        this.rates = requireNonNull(rates, "rates is null");
    }

    /** The defect to inject, or null for a clean registration. */
    Defect choose(Set<Defect> applicable, double registrarPropensity, SplittableRandom random)
    {
        double[] chances = new double[DEFECTS.length];
        double total = 0;
        for (Defect defect : DEFECTS) {
            if (applicable.contains(defect)) {
                double rate = rates.rate(defect);
                double chance = rate >= 1 ? 1 : 1 - Math.pow(1 - rate, registrarPropensity);
                chances[defect.ordinal()] = chance;
                total += chance;
            }
        }
        double u = random.nextDouble();
        if (total == 0) {
            return null;
        }
        double scale = total > 1 ? 1 / total : 1;
        double cumulative = 0;
        for (Defect defect : DEFECTS) {
            cumulative += chances[defect.ordinal()] * scale;
            if (chances[defect.ordinal()] > 0 && u < cumulative) {
                return defect;
            }
        }
        return null;
    }
}
