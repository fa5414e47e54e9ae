package io.admitto.qarules.config;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * Business days for the No Surprises Act good-faith estimate (45 CFR 149.610(b)(1)): Monday to Friday
 * except the organisation's holidays.
 */
public record BusinessCalendar(Set<LocalDate> holidays)
{
    public BusinessCalendar
    {
        holidays = Set.copyOf(holidays);
    }

    public boolean isBusinessDay(LocalDate date)
    {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidays.contains(date);
    }

    /**
     * Business days after {@code from} up to and including {@code to}: booked on a Monday for the
     * Thursday is three business days ahead, the reading under which "scheduled at least 3 business
     * days before the service" includes it. Zero when {@code to} is not after {@code from}.
     */
    public int businessDaysBetween(LocalDate from, LocalDate to)
    {
        int count = 0;
        for (LocalDate date = from.plusDays(1); !date.isAfter(to); date = date.plusDays(1)) {
            if (isBusinessDay(date)) {
                count++;
            }
        }
        return count;
    }

    /** The business day {@code businessDays} business days after {@code date}. */
    public LocalDate plusBusinessDays(LocalDate date, int businessDays)
    {
        LocalDate result = date;
        for (int added = 0; added < businessDays; ) {
            result = result.plusDays(1);
            if (isBusinessDay(result)) {
                added++;
            }
        }
        return result;
    }
}
