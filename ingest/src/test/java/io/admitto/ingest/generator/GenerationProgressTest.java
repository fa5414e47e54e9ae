package io.admitto.ingest.generator;

import io.admitto.events.CanonicalEvent;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The progress hook a CLI progress bar is driven by. */
class GenerationProgressTest
{
    @Test
    void progressReportsEveryServiceDayAndEndsWithTheEventCount()
    {
        GeneratorConfig config = GeneratorConfig.defaults(4).withDays(5).withFacilities(1).withDailyEncountersPerFacility(100);
        record Update(long events, LocalDate day) {}
        List<Update> updates = new ArrayList<>();
        AtomicLong sunk = new AtomicLong();
        GroundTruth truth = new HospitalGenerator(config).generate((CanonicalEvent event) -> sunk.incrementAndGet(),
                (events, day) -> updates.add(new Update(events, day)));

        assertThat(updates).extracting(Update::day).contains(config.startDate(), config.endDate().minusDays(1));
        for (int i = 1; i < updates.size(); i++) {
            assertThat(updates.get(i).events()).isGreaterThanOrEqualTo(updates.get(i - 1).events());
            assertThat(updates.get(i).day()).isAfterOrEqualTo(updates.get(i - 1).day());
        }
        assertThat(updates.get(updates.size() - 1).events()).isEqualTo(sunk.get()).isEqualTo(truth.counts().events());
    }
}
