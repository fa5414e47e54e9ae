package io.admitto.jobs.kpi;

import static java.util.Objects.requireNonNull;

/**
 * The KPIs of {@code kpi_daily}: HFMA MAP Keys of patient access, registration QA rates, claim outcome
 * rates and the front desk's wait percentiles. Formulas, inclusions, exclusions and attribution dates
 * are in docs/kpis.md; the names are a contract (analysts' SQL filters on them).
 */
public enum Kpi {
    PRE_REGISTRATION_RATE("pre_registration_rate"),
    INSURANCE_VERIFICATION_RATE("insurance_verification_rate"),
    SERVICE_AUTHORIZATION_RATE_INPATIENT("service_authorization_rate_inpatient"),
    SERVICE_AUTHORIZATION_RATE_OUTPATIENT("service_authorization_rate_outpatient"),
    UNINSURED_CONVERSION_RATE("uninsured_conversion_rate"),
    /** Dollars. */
    POS_CASH_COLLECTION_RATE("pos_cash_collection_rate"),
    /** Per department and per registrar; errors per registration, so it can exceed 1. */
    REGISTRATION_ERROR_RATE("registration_error_rate"),
    /** Per department and per registrar. */
    REGISTRATION_ACCURACY_RATE("registration_accuracy_rate"),
    INITIAL_DENIAL_RATE("initial_denial_rate"),
    /** Dollars: billed charges. */
    INITIAL_DENIAL_RATE_DOLLARS("initial_denial_rate_dollars"),
    PREVENTABLE_DENIAL_SHARE("preventable_denial_share"),
    CLAIM_REJECTION_RATE("claim_rejection_rate"),
    ARRIVAL_TO_REGISTRATION_P50("arrival_to_registration_p50", 0.50),
    ARRIVAL_TO_REGISTRATION_P90("arrival_to_registration_p90", 0.90);

    public static final String RATIO = "ratio";
    public static final String SECONDS = "seconds";

    private final String columnValue;
    private final double quantile;

    Kpi(String columnValue) {
        this(columnValue, Double.NaN);
    }

    Kpi(String columnValue, double quantile) {
        this.columnValue = requireNonNull(columnValue);
        this.quantile = quantile;
    }

    /** The value of {@code kpi_daily.kpi}. */
    public String columnValue() {
        return columnValue;
    }

    /** A percentile of the arrival-to-registration wait rather than a ratio. */
    public boolean percentile() {
        return !Double.isNaN(quantile);
    }

    /** The quantile of a percentile KPI (0.5 for p50). */
    public double quantile() {
        if (!percentile()) {
            throw new IllegalStateException(this + " is a ratio");
        }
        return quantile;
    }

    /** The value of {@code kpi_daily.unit}. */
    public String unit() {
        return percentile() ? SECONDS : RATIO;
    }
}
