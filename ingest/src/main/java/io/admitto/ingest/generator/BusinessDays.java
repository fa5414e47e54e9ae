package io.admitto.ingest.generator;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * Business-day arithmetic for the No Surprises Act good-faith estimate (45 CFR 149.610): Monday to
 * Friday; federal holidays are not modelled.
 */
final class BusinessDays
{
    private BusinessDays() {}

    static boolean isBusinessDay(LocalDate date)
    {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
    }

    /**
     * Business days after {@code from} up to and including {@code to}: a Monday booking for Thursday is
     * three business days ahead, the reading under which "scheduled at least 3 business days before"
     * includes it.
     */
    static int between(LocalDate from, LocalDate to)
    {
        int count = 0;
        for (LocalDate date = from.plusDays(1); !date.isAfter(to); date = date.plusDays(1)) {
            if (isBusinessDay(date)) {
                count++;
            }
        }
        return count;
    }

    static LocalDate plus(LocalDate date, int businessDays)
    {
        LocalDate result = date;
        int added = 0;
        while (added < businessDays) {
            result = result.plusDays(1);
            if (isBusinessDay(result)) {
                added++;
            }
        }
        return result;
    }

    /** The same day when it is a business day, else the Friday before. */
    static LocalDate onOrBefore(LocalDate date)
    {
        LocalDate result = date;
        while (!isBusinessDay(result)) {
            result = result.minusDays(1);
        }
        return result;
    }

    /**
     * The last day a good-faith estimate is timely for a self-pay service booked on {@code booked}
     * for {@code service}, or null when none is required: booked at least 10 business days ahead, within
     * 3 business days of scheduling; at least 3 ahead, within 1 business day.
     */
    static LocalDate goodFaithEstimateDeadline(LocalDate booked, LocalDate service)
    {
        int ahead = between(booked, service);
        if (ahead >= 10) {
            return plus(booked, 3);
        }
        if (ahead >= 3) {
            return plus(booked, 1);
        }
        return null;
    }
}
