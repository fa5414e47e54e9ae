package io.admitto.ingest.generator;

import java.time.LocalDate;

/**
 * Progress of a run, for a progress bar: called from the generating thread every few tens of
 * thousands of events and after each service day is planned. Must be cheap and must not throw.
 */
@FunctionalInterface
public interface GenerationProgress
{
    /**
     * @param eventsEmitted events handed to the sink so far
     * @param plannedThrough the last service day planned so far (events run weeks behind it: claims
     *        come weeks after service, and nothing is emitted before its whole booking window is planned)
     */
    void update(long eventsEmitted, LocalDate plannedThrough);

    static GenerationProgress none()
    {
        return (eventsEmitted, plannedThrough) -> {};
    }
}
