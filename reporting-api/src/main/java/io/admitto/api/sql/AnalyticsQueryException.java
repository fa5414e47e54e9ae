package io.admitto.api.sql;

/** A query the engine could not answer. Its message is for logs, never for API clients. */
public final class AnalyticsQueryException
        extends RuntimeException
{
    public AnalyticsQueryException(String message, Throwable cause)
    {
        super(message, cause);
    }
}
