package io.admitto.ingest.generator;

import io.admitto.events.CanonicalEvent;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Merges the planned encounters' events into one stream in delivery order, holding one cursor per
 * encounter rather than its events: an event is built only when it is due, so memory grows with the
 * number of encounters in flight (about the booking window plus the claim lag), never with the length
 * of the run. Ties on delivery time are broken by encounter order and position, so the merge is the
 * same on every run.
 *
 * <p>A binary heap over primitive arrays: with hundreds of thousands of encounters in flight, a
 * {@code PriorityQueue} of cursor objects spends its time on cache misses following references to
 * compare keys; here the keys of a comparison sit next to each other.
 */
final class DeliveryQueue
{
    /** Events of one encounter are numbered below this; the tie-breaker packs (order, index) into one long. */
    private static final int MAX_EVENTS_PER_ENCOUNTER = 1 << 8;

    private long[] deliveries = new long[1024];
    private long[] ties = new long[1024];
    private EncounterStory[] stories = new EncounterStory[1024];
    private int size;

    void add(EncounterStory story)
    {
        if (story.size() >= MAX_EVENTS_PER_ENCOUNTER) {
            throw new IllegalArgumentException("encounter " + story.encounterId() + " has " + story.size() + " events");
        }
        if (story.size() > 0) {
            push(story.deliveryMillis(0), story.order() * MAX_EVENTS_PER_ENCOUNTER, story);
        }
    }

    /** Encounters with events still to deliver. */
    int inFlight()
    {
        return size;
    }

    /**
     * Hands every event delivered before {@code deliveryMillisExclusive} to {@code consumer}, in
     * delivery order, and returns how many.
     */
    long releaseBefore(long deliveryMillisExclusive, Consumer<CanonicalEvent> consumer)
    {
        long released = 0;
        while (size > 0 && deliveries[0] < deliveryMillisExclusive) {
            EncounterStory story = stories[0];
            long tie = ties[0];
            int index = (int) (tie % MAX_EVENTS_PER_ENCOUNTER);
            consumer.accept(story.event(index));
            released++;
            int next = index + 1;
            if (next < story.size()) {
                // the encounter's next event replaces the head: one sift instead of a pop and a push
                deliveries[0] = story.deliveryMillis(next);
                ties[0] = tie + 1;
                siftDown(0);
            }
            else {
                removeHead();
            }
        }
        return released;
    }

    long releaseAll(Consumer<CanonicalEvent> consumer)
    {
        return releaseBefore(Long.MAX_VALUE, consumer);
    }

    private void push(long delivery, long tie, EncounterStory story)
    {
        if (size == deliveries.length) {
            int capacity = size * 2;
            deliveries = Arrays.copyOf(deliveries, capacity);
            ties = Arrays.copyOf(ties, capacity);
            stories = Arrays.copyOf(stories, capacity);
        }
        int at = size++;
        deliveries[at] = delivery;
        ties[at] = tie;
        stories[at] = story;
        siftUp(at);
    }

    private void removeHead()
    {
        size--;
        deliveries[0] = deliveries[size];
        ties[0] = ties[size];
        stories[0] = stories[size];
        stories[size] = null;
        if (size > 0) {
            siftDown(0);
        }
    }

    private boolean before(int a, int b)
    {
        return deliveries[a] < deliveries[b] || deliveries[a] == deliveries[b] && ties[a] < ties[b];
    }

    private void siftUp(int at)
    {
        while (at > 0) {
            int parent = (at - 1) >>> 1;
            if (!before(at, parent)) {
                return;
            }
            swap(at, parent);
            at = parent;
        }
    }

    private void siftDown(int at)
    {
        while (true) {
            int left = 2 * at + 1;
            if (left >= size) {
                return;
            }
            int smallest = left + 1 < size && before(left + 1, left) ? left + 1 : left;
            if (!before(smallest, at)) {
                return;
            }
            swap(at, smallest);
            at = smallest;
        }
    }

    private void swap(int a, int b)
    {
        long delivery = deliveries[a];
        deliveries[a] = deliveries[b];
        deliveries[b] = delivery;
        long tie = ties[a];
        ties[a] = ties[b];
        ties[b] = tie;
        EncounterStory story = stories[a];
        stories[a] = stories[b];
        stories[b] = story;
    }
}
