package io.admitto.ingest.generator;

import io.admitto.events.CanonicalEvent;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * Generates the synthetic health system's events and hands them to a sink in delivery order: event
 * time plus a deterministic transmission delay of at most {@link GeneratorConfig#maxDeliveryJitter()},
 * so a consumer sees events out of event-time order by no more than that bound.
 *
 * <p>Generation streams. Service days are planned in order; after planning day {@code D}, every
 * event delivered before the earliest instant an encounter of day {@code D + 1} or later could still
 * produce (its booking window, {@link EncounterPlanner#MAX_LOOKBACK_DAYS} days before its service day)
 * is released. Memory therefore follows the encounters in flight, never the number of days.
 *
 * <p>Deterministic: one thread plans and emits, every random draw derives from the seed and a fixed
 * key, and delivery ties are broken by generation order, so the same configuration gives the same
 * events in the same order.
 */
public final class HospitalGenerator
{
    /** Progress is reported at least this often, in events. */
    private static final long PROGRESS_EVERY = 1 << 16;
    private static final long DAY_MILLIS = 86_400_000L;

    private final GeneratorConfig config;

    public HospitalGenerator(GeneratorConfig config)
    {
        this.config = requireNonNull(config, "config is null");
    }

    public GeneratorConfig config()
    {
        return config;
    }

    public GroundTruth generate(EventSink sink)
    {
        return generate(sink, GenerationProgress.none());
    }

    /**
     * Generates the whole run into {@code sink} (which is not closed) and returns the ground truth,
     * computed from the events handed to the sink.
     */
    public GroundTruth generate(EventSink sink, GenerationProgress progress)
    {
        requireNonNull(sink, "sink is null");
        requireNonNull(progress, "progress is null");
        HealthSystem system = new HealthSystem(config);
        EncounterPlanner planner = new EncounterPlanner(config, system);
        GroundTruthCollector collector = new GroundTruthCollector(config.maxDeliveryJitter());
        DeliveryQueue queue = new DeliveryQueue();
        Emitter emitter = new Emitter(sink, collector, progress);
        List<GroundTruth.InjectedDefect> defects = new ArrayList<>();
        List<GroundTruth.BackEndDenial> backEndDenials = new ArrayList<>();
        long encounters = 0;

        for (LocalDate day = config.startDate(); day.isBefore(config.endDate()); day = day.plusDays(1)) {
            for (Facility facility : system.facilities()) {
                for (EncounterPlanner.PlannedEncounter planned : planner.plan(facility, day)) {
                    queue.add(planned.story());
                    encounters++;
                    if (planned.defect() != null) {
                        defects.add(planned.defect());
                    }
                    if (planned.backEndDenial() != null) {
                        backEndDenials.add(planned.backEndDenial());
                    }
                }
            }
            emitter.day = day;
            queue.releaseBefore(earliestFutureEventMillis(day.plusDays(1)), emitter);
            progress.update(emitter.emitted, day);
        }
        queue.releaseAll(emitter);
        progress.update(emitter.emitted, config.endDate().minusDays(1));

        List<GroundTruth.FacilityInfo> facilities = new ArrayList<>();
        for (Facility facility : system.facilities()) {
            facilities.add(new GroundTruth.FacilityInfo(facility.id(), facility.name(), facility.zone().getId()));
        }
        GroundTruth.RunConfig echo = new GroundTruth.RunConfig(config.seed(), config.days(), config.startDate(), config.facilities(),
                config.dailyEncountersPerFacility(), config.maxDeliveryJitter().toMillis(), config.defectRates().rates());
        return collector.finish(echo, facilities, encounters, defects, backEndDenials);
    }

    /**
     * A lower bound on the time of any event of an encounter served on {@code day} or later, in any
     * facility's zone: local midnight is never earlier than the day before at UTC midnight.
     */
    static long earliestFutureEventMillis(LocalDate day)
    {
        return day.atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1000 - DAY_MILLIS - EncounterPlanner.MAX_LOOKBACK_DAYS * DAY_MILLIS;
    }

    /** Observes, forwards and counts each released event. */
    private static final class Emitter
            implements Consumer<CanonicalEvent>
    {
        private final EventSink sink;
        private final GroundTruthCollector collector;
        private final GenerationProgress progress;
        private long emitted;
        private LocalDate day;

        Emitter(EventSink sink, GroundTruthCollector collector, GenerationProgress progress)
        {
            this.sink = sink;
            this.collector = collector;
            this.progress = progress;
        }

        @Override
        public void accept(CanonicalEvent event)
        {
            collector.observe(event);
            sink.accept(event);
            emitted++;
            if (emitted % PROGRESS_EVERY == 0) {
                progress.update(emitted, day);
            }
        }
    }
}
