package io.admitto.ingest.generator;

import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Who pays, by age band: seniors are on Medicare (a little over half fee-for-service, the rest
 * Advantage, a few still on employer plans); children are mostly on Medicaid, nearly all of it
 * managed care, or on a parent's commercial plan; adults on commercial plans, Medicaid, or uninsured.
 * Overall close to a US community hospital's mix: about 40% Medicare, 20% Medicaid, 30% commercial,
 * 8-10% self-pay.
 */
final class PayerMix
{
    private static final Payer[] PAYERS = Payer.values();

    private final Map<AgeBand, double[]> weights = new EnumMap<>(AgeBand.class);

    PayerMix()
    {
        // order: MEDICARE, MEDICARE_ADVANTAGE, MEDICAID, MANAGED_MEDICAID, COMMERCIAL_PPO, COMMERCIAL_HMO, SELF_PAY
        weights.put(AgeBand.CHILD, new double[] {0, 0, 0.10, 0.35, 0.30, 0.18, 0.07});
        weights.put(AgeBand.YOUNG_ADULT, new double[] {0.03, 0.02, 0.06, 0.16, 0.38, 0.21, 0.14});
        weights.put(AgeBand.MIDDLE_AGED, new double[] {0.07, 0.05, 0.05, 0.10, 0.42, 0.21, 0.10});
        weights.put(AgeBand.SENIOR, new double[] {0.52, 0.40, 0, 0, 0.06, 0.02, 0});
    }

    Payer draw(AgeBand band, SplittableRandom random)
    {
        return PAYERS[Draws.weighted(random, weights.get(band))];
    }
}
