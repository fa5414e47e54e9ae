package io.admitto.launcher;

import io.admitto.ingest.generator.GeneratorConfig;
import picocli.CommandLine.Option;

import java.time.LocalDate;

/** The generator's options, shared by {@code generate}, {@code run} and {@code demo}. */
final class GeneratorOptions {
    @Option(names = "--seed", defaultValue = "42", description = "Random seed; the same seed gives the same data (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--days", defaultValue = "7", description = "Service days to generate (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--start", description = "First service day, YYYY-MM-DD (default: 2026-03-02, a Monday).")
    LocalDate start;

    @Option(names = "--facilities", defaultValue = "2", description = "Facilities in the health system (default: ${DEFAULT-VALUE}).")
    int facilities;

    @Option(names = "--daily-encounters", defaultValue = "250",
            description = "Encounters per facility per day (default: ${DEFAULT-VALUE}, a small hospital).")
    int dailyEncounters;

    GeneratorConfig toConfig() {
        return GeneratorConfig.defaults(seed)
                .withDays(days)
                .withStartDate(start == null ? GeneratorConfig.DEFAULT_START_DATE : start)
                .withFacilities(facilities)
                .withDailyEncountersPerFacility(dailyEncounters);
    }
}
