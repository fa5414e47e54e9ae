package io.admitto.api.queue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The work queue's order (docs/api.md, "Priority"): what hurts most and soonest first.
 *
 * <pre>
 * priority = 40 × critical + 15 × error + 3 × warning                     severity
 *          + 3 × (10 − clamp(days until service, 0, 10))                   urgency, 0..30 (no date: 0)
 *          + min(50, predicted denial dollars / 100)                        money, 0..50
 * </pre>
 *
 * Predicted denial dollars: for each finding, the mean denied amount (over the {@code denials} table) of
 * the CARCs the rule predicts, the largest if it predicts several; summed over the findings. A registration
 * whose service date has passed is as urgent as one served today: its claim is about to go out.
 */
public final class Priority
{
    static final int CRITICAL_POINTS = 40;
    static final int ERROR_POINTS = 15;
    static final int WARNING_POINTS = 3;
    static final int URGENCY_HORIZON_DAYS = 10;
    static final int URGENCY_POINTS_PER_DAY = 3;
    static final double DOLLARS_PER_POINT = 100;
    static final double MAX_DOLLAR_POINTS = 50;

    private Priority() {}

    public static double of(int critical, int errors, int warnings, LocalDate serviceDate, LocalDate today, BigDecimal predictedDenialDollars)
    {
        double severity = CRITICAL_POINTS * critical + ERROR_POINTS * errors + WARNING_POINTS * warnings;
        double urgency = 0;
        if (serviceDate != null) {
            long days = Math.max(0, Math.min(URGENCY_HORIZON_DAYS, ChronoUnit.DAYS.between(today, serviceDate)));
            urgency = URGENCY_POINTS_PER_DAY * (URGENCY_HORIZON_DAYS - days);
        }
        double money = Math.min(MAX_DOLLAR_POINTS, predictedDenialDollars.doubleValue() / DOLLARS_PER_POINT);
        return severity + urgency + money;
    }
}
