package io.admitto.ingest.generator;

import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.SplittableRandom;

import static java.util.Objects.requireNonNull;

/**
 * When encounters of a department start, by local hour of day: relative weights for weekdays and for
 * weekends. The same weights tell how busy the desk is, which lengthens registration waits at the
 * peaks.
 */
final class ArrivalCurve
{
    private static final int HOURS = 24;

    private final double[] weekday;
    private final double[] weekend;
    private final double weekdayMean;
    private final double weekendMean;

    ArrivalCurve(double[] weekday, double[] weekend)
    {
        this.weekday = checked(weekday, "weekday");
        this.weekend = checked(weekend, "weekend");
        this.weekdayMean = meanOfOpenHours(this.weekday);
        this.weekendMean = meanOfOpenHours(this.weekend);
    }

    /** Emergency departments: quietest before dawn, a late-morning peak and a second one in the evening. */
    static ArrivalCurve emergency()
    {
        double[] weekday = {2.0, 1.6, 1.3, 1.1, 1.0, 1.1, 1.6, 2.4, 3.4, 4.3, 4.9, 5.2,
                5.0, 4.8, 4.6, 4.6, 4.7, 4.9, 5.1, 5.2, 4.8, 4.1, 3.3, 2.6};
        double[] weekend = {2.4, 2.0, 1.7, 1.4, 1.2, 1.2, 1.5, 2.1, 3.0, 3.9, 4.6, 4.9,
                4.9, 4.8, 4.7, 4.6, 4.6, 4.7, 4.8, 4.8, 4.5, 4.0, 3.4, 2.9};
        return new ArrivalCurve(weekday, weekend);
    }

    /** Appointment books: open {@code firstHour} to {@code lastHour} inclusive, busiest mid-morning. */
    static ArrivalCurve appointments(int firstHour, int lastHour, boolean weekends)
    {
        double[] weekday = new double[HOURS];
        for (int hour = firstHour; hour <= lastHour; hour++) {
            double middle = (firstHour + lastHour) / 2.0 - 1.5;
            weekday[hour] = 3.0 - Math.min(2.0, Math.abs(hour - middle) * 0.35);
        }
        return new ArrivalCurve(weekday, weekends ? weekday.clone() : new double[HOURS]);
    }

    /** Direct admissions arrive through the day and evening when physicians send them in. */
    static ArrivalCurve directAdmissions()
    {
        double[] hours = new double[HOURS];
        for (int hour = 8; hour <= 22; hour++) {
            hours[hour] = hour >= 11 && hour <= 18 ? 3.0 : 1.5;
        }
        return new ArrivalCurve(hours, hours.clone());
    }

    double weight(DayOfWeek day, int hour)
    {
        return weights(day)[hour];
    }

    /** How busy this hour is compared with an average open hour of the same kind of day (1 = average). */
    double load(DayOfWeek day, int hour)
    {
        double mean = isWeekend(day) ? weekendMean : weekdayMean;
        return mean == 0 ? 1.0 : weights(day)[hour] / mean;
    }

    boolean isOpen(DayOfWeek day)
    {
        return (isWeekend(day) ? weekendMean : weekdayMean) > 0;
    }

    /** A second of the local day, drawn along the curve; the day must be open. */
    int sampleSecondOfDay(DayOfWeek day, SplittableRandom random)
    {
        int hour = Draws.weighted(random, weights(day));
        return hour * 3600 + random.nextInt(3600);
    }

    private double[] weights(DayOfWeek day)
    {
        return isWeekend(day) ? weekend : weekday;
    }

    private static boolean isWeekend(DayOfWeek day)
    {
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }

    private static double[] checked(double[] weights, String name)
    {
        requireNonNull(weights, name + " is null");
        if (weights.length != HOURS) {
            throw new IllegalArgumentException(name + " must have 24 hourly weights: " + weights.length);
        }
        for (double weight : weights) {
            if (!(weight >= 0)) {
                throw new IllegalArgumentException(name + " weights must be non-negative: " + Arrays.toString(weights));
            }
        }
        return weights.clone();
    }

    private static double meanOfOpenHours(double[] weights)
    {
        double sum = 0;
        int open = 0;
        for (double weight : weights) {
            if (weight > 0) {
                sum += weight;
                open++;
            }
        }
        return open == 0 ? 0 : sum / open;
    }
}
