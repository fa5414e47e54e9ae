package io.admitto.api.kpi;

import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The organisation's target per KPI name, and whether a higher value is better. Configurable
 * ({@code ReportingServerConfig}); the defaults are the published norms quoted in {@code ../shared/domain.md}
 * and docs/api.md, not authoritative numbers.
 */
public record KpiTargets(Map<String, Target> targets)
{
    public KpiTargets
    {
        targets = Map.copyOf(targets);
    }

    /** @param higherIsBetter true for rates to raise (verification), false for rates and waits to lower (denials) */
    public record Target(double value, boolean higherIsBetter)
    {
        public boolean isMet(double actual)
        {
            return higherIsBetter ? actual >= value : actual <= value;
        }
    }

    public static KpiTargets defaults()
    {
        return new KpiTargets(Map.of(
                "pre_registration_rate", new Target(0.98, true),
                "insurance_verification_rate", new Target(0.98, true),
                "service_authorization_rate_inpatient", new Target(0.98, true),
                "service_authorization_rate_outpatient", new Target(0.98, true),
                "registration_accuracy_rate", new Target(0.95, true),
                "registration_error_rate", new Target(0.05, false),
                "pos_cash_collection_rate", new Target(0.25, true),
                "initial_denial_rate", new Target(0.10, false),
                "front_end_denial_rate", new Target(0.05, false)));
    }

    public Optional<Target> of(String kpi)
    {
        return Optional.ofNullable(targets.get(requireNonNull(kpi, "kpi is null")));
    }
}
