package io.admitto.ingest.generator;

import io.admitto.events.CanonicalEvent;

/**
 * How to build one planned event once its envelope (id, time, source) is known. Plans keep recipes
 * instead of events: a recipe captures only the values particular to its event and shares the rest
 * (patient, coverage) with the encounter's other recipes, so the weeks of encounters the generator
 * must hold between booking and payment stay small.
 */
@FunctionalInterface
interface EventRecipe
{
    CanonicalEvent build(EventEnvelope envelope);
}
