package io.admitto.api.review;

/** A decision based on a revision that is no longer the latest: someone decided in between. */
public final class StaleRevisionException
        extends RuntimeException
{
    private final int currentRevision;

    public StaleRevisionException(String encounterId, int basedOn, int currentRevision)
    {
        super("Review of " + encounterId + " is at revision " + currentRevision + ", not " + basedOn);
        this.currentRevision = currentRevision;
    }

    public int currentRevision()
    {
        return currentRevision;
    }
}
