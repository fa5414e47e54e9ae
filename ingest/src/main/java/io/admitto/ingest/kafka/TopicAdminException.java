package io.admitto.ingest.kafka;

/** Topics could not be created or did not become ready. */
public final class TopicAdminException
        extends RuntimeException
{
    public TopicAdminException(String message, Throwable cause)
    {
        super(message, cause);
    }
}
