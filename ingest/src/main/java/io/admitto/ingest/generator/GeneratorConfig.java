package io.admitto.ingest.generator;

import java.time.Duration;
import java.time.LocalDate;

import static java.util.Objects.requireNonNull;

/**
 * What to generate. The same configuration always produces the same events, byte for byte.
 *
 * @param seed everything random derives from it
 * @param days number of consecutive service days, starting at {@code startDate}
 * @param startDate first service day; scheduling and pre-registration happen before it, claims after
 *        the last day
 * @param facilities number of hospitals (at most {@link HealthSystem#MAX_FACILITIES})
 * @param dailyEncountersPerFacility mean number of encounters a facility serves on a weekday; weekends
 *        are quieter (no clinics, no elective surgery)
 * @param defectRates how often each registration defect is injected
 * @param maxDeliveryJitter upper bound of the transmission delay added to each event's time to get
 *        its delivery time; consumers see events out of event-time order by at most this much
 */
public record GeneratorConfig(
        long seed,
        int days,
        LocalDate startDate,
        int facilities,
        int dailyEncountersPerFacility,
        DefectRates defectRates,
        Duration maxDeliveryJitter)
{
    public static final LocalDate DEFAULT_START_DATE = LocalDate.of(2026, 3, 2);
    public static final int DEFAULT_FACILITIES = 2;
    public static final int DEFAULT_DAILY_ENCOUNTERS = 250;
    public static final Duration DEFAULT_MAX_DELIVERY_JITTER = Duration.ofMinutes(2);

    private static final int MAX_DAYS = 3660;
    private static final int MAX_DAILY_ENCOUNTERS = 100_000;

    public GeneratorConfig
    {
        requireNonNull(startDate, "startDate is null");
        requireNonNull(defectRates, "defectRates is null");
        requireNonNull(maxDeliveryJitter, "maxDeliveryJitter is null");
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("days must be between 1 and " + MAX_DAYS + ": " + days);
        }
        if (facilities < 1 || facilities > HealthSystem.MAX_FACILITIES) {
            throw new IllegalArgumentException("facilities must be between 1 and " + HealthSystem.MAX_FACILITIES + ": " + facilities);
        }
        if (dailyEncountersPerFacility < 1 || dailyEncountersPerFacility > MAX_DAILY_ENCOUNTERS) {
            throw new IllegalArgumentException("dailyEncountersPerFacility must be between 1 and " + MAX_DAILY_ENCOUNTERS + ": " + dailyEncountersPerFacility);
        }
        if (maxDeliveryJitter.isNegative() || maxDeliveryJitter.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("maxDeliveryJitter must be between 0 and 1 hour: " + maxDeliveryJitter);
        }
        if (startDate.getYear() < 2000 || startDate.plusDays(days).getYear() > 2100) {
            throw new IllegalArgumentException("the service days must lie between 2000 and 2100: " + startDate + " plus " + days + " days");
        }
    }

    /** The defaults the CLI uses: two facilities of ~250 encounters a day, a week from 2026-03-02. */
    public static GeneratorConfig defaults(long seed)
    {
        return new GeneratorConfig(seed, 7, DEFAULT_START_DATE, DEFAULT_FACILITIES, DEFAULT_DAILY_ENCOUNTERS,
                DefectRates.defaults(), DEFAULT_MAX_DELIVERY_JITTER);
    }

    public GeneratorConfig withSeed(long seed)
    {
        return new GeneratorConfig(seed, days, startDate, facilities, dailyEncountersPerFacility, defectRates, maxDeliveryJitter);
    }

    public GeneratorConfig withDays(int days)
    {
        return new GeneratorConfig(seed, days, startDate, facilities, dailyEncountersPerFacility, defectRates, maxDeliveryJitter);
    }

    public GeneratorConfig withStartDate(LocalDate startDate)
    {
        return new GeneratorConfig(seed, days, startDate, facilities, dailyEncountersPerFacility, defectRates, maxDeliveryJitter);
    }

    public GeneratorConfig withFacilities(int facilities)
    {
        return new GeneratorConfig(seed, days, startDate, facilities, dailyEncountersPerFacility, defectRates, maxDeliveryJitter);
    }

    public GeneratorConfig withDailyEncountersPerFacility(int dailyEncountersPerFacility)
    {
        return new GeneratorConfig(seed, days, startDate, facilities, dailyEncountersPerFacility, defectRates, maxDeliveryJitter);
    }

    public GeneratorConfig withDefectRates(DefectRates defectRates)
    {
        return new GeneratorConfig(seed, days, startDate, facilities, dailyEncountersPerFacility, defectRates, maxDeliveryJitter);
    }

    public GeneratorConfig withMaxDeliveryJitter(Duration maxDeliveryJitter)
    {
        return new GeneratorConfig(seed, days, startDate, facilities, dailyEncountersPerFacility, defectRates, maxDeliveryJitter);
    }

    /** The day after the last service day. */
    public LocalDate endDate()
    {
        return startDate.plusDays(days);
    }
}
