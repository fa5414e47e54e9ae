package io.admitto.ingest.generator;

import io.admitto.events.CanonicalEvent;
import io.admitto.events.EventSource;
import io.admitto.events.EventType;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * The events of one encounter, planned but not yet built, in delivery order.
 *
 * <p>Each event gets a sequence number in event-time order (1 is the earliest; ties keep the order
 * the planner added them in). The sequence fixes the event's identity: its {@code eventId} is a
 * version-8 UUID hashed from (seed, encounter order, sequence) — as stable as a name-based UUID but
 * without an MD5 per event — and its source message id is {@code <encounterId>-<sequence>}. Its delivery time is its event time plus a transmission delay
 * drawn from the same key, between 0 and the configured jitter bound.
 */
final class EncounterStory
{
    private static final String SOURCE_SYSTEM = "generator";
    private static final long UUID_HIGH = 0x55554944_48494748L;
    private static final long UUID_LOW = 0x55554944_4c4f5700L;
    private static final long JITTER = 0x4a495454_4552L;

    private final long order;
    private final String encounterId;
    private final String facilityId;
    private final ZoneId zone;
    private final long seed;
    private final EventType[] types;
    private final long[] eventSeconds;
    private final long[] deliveryMillis;
    private final int[] sequences;
    private final EventRecipe[] recipes;

    private EncounterStory(long order, String encounterId, String facilityId, ZoneId zone, long seed,
            EventType[] types, long[] eventSeconds, long[] deliveryMillis, int[] sequences, EventRecipe[] recipes)
    {
        this.order = order;
        this.encounterId = encounterId;
        this.facilityId = facilityId;
        this.zone = zone;
        this.seed = seed;
        this.types = types;
        this.eventSeconds = eventSeconds;
        this.deliveryMillis = deliveryMillis;
        this.sequences = sequences;
        this.recipes = recipes;
    }

    /** Position in generation order across the run: the last tie-breaker of delivery order. */
    long order()
    {
        return order;
    }

    String encounterId()
    {
        return encounterId;
    }

    int size()
    {
        return types.length;
    }

    long deliveryMillis(int index)
    {
        return deliveryMillis[index];
    }

    int sequence(int index)
    {
        return sequences[index];
    }

    long earliestEventSecond()
    {
        long earliest = Long.MAX_VALUE;
        for (long second : eventSeconds) {
            earliest = Math.min(earliest, second);
        }
        return earliest;
    }

    /** Builds the {@code index}-th event in delivery order. */
    CanonicalEvent event(int index)
    {
        int sequence = sequences[index];
        OffsetDateTime time = OffsetDateTime.ofInstant(Instant.ofEpochSecond(eventSeconds[index]), zone);
        EventEnvelope envelope = new EventEnvelope(eventId(seed, order, sequence), types[index], time,
                new EventSource(SOURCE_SYSTEM, encounterId + '-' + sequence), facilityId, encounterId);
        return recipes[index].build(envelope);
    }

    /** A version-8 (RFC 9562, application-defined) UUID from a 128-bit hash of the event's key. */
    static UUID eventId(long seed, long order, int sequence)
    {
        long high = Seeds.hash(seed, UUID_HIGH, order, sequence);
        long low = Seeds.hash(seed, UUID_LOW, order, sequence);
        high = (high & ~0xF000L) | 0x8000L;
        low = (low & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }

    /** Collects an encounter's events in any order; {@link #build} numbers and orders them. */
    static final class Builder
    {
        private record Planned(EventType type, long eventSecond, int added, EventRecipe recipe) {}

        private final long order;
        private final String encounterId;
        private final String facilityId;
        private final ZoneId zone;
        private final List<Planned> planned = new ArrayList<>(16);

        Builder(long order, String encounterId, String facilityId, ZoneId zone)
        {
            this.order = order;
            this.encounterId = requireNonNull(encounterId, "encounterId is null");
            this.facilityId = requireNonNull(facilityId, "facilityId is null");
            this.zone = requireNonNull(zone, "zone is null");
        }

        Builder add(EventType type, long eventSecond, EventRecipe recipe)
        {
            planned.add(new Planned(requireNonNull(type, "type is null"), eventSecond, planned.size(), requireNonNull(recipe, "recipe is null")));
            return this;
        }

        EncounterStory build(long seed, long maxJitterMillis)
        {
            Planned[] byTime = planned.toArray(new Planned[0]);
            Arrays.sort(byTime, Comparator.comparingLong(Planned::eventSecond).thenComparingInt(Planned::added));
            int size = byTime.length;
            long[] delivery = new long[size];
            Integer[] index = new Integer[size];
            for (int i = 0; i < size; i++) {
                long jitter = maxJitterMillis == 0 ? 0 : Math.floorMod(Seeds.hash(seed, JITTER, order, i + 1), maxJitterMillis + 1);
                delivery[i] = byTime[i].eventSecond() * 1000 + jitter;
                index[i] = i;
            }
            Arrays.sort(index, Comparator.<Integer>comparingLong(i -> delivery[i]).thenComparingInt(i -> i));
            EventType[] types = new EventType[size];
            long[] seconds = new long[size];
            long[] deliveries = new long[size];
            int[] sequences = new int[size];
            EventRecipe[] recipes = new EventRecipe[size];
            for (int k = 0; k < size; k++) {
                int i = index[k];
                types[k] = byTime[i].type();
                seconds[k] = byTime[i].eventSecond();
                deliveries[k] = delivery[i];
                sequences[k] = i + 1;
                recipes[k] = byTime[i].recipe();
            }
            return new EncounterStory(order, encounterId, facilityId, zone, seed, types, seconds, deliveries, sequences, recipes);
        }
    }
}
