package io.admitto.api.review;

/** The review store failed; its message is for logs, never for API clients. */
public final class ReviewStoreException
        extends RuntimeException
{
    public ReviewStoreException(String message, Throwable cause)
    {
        super(message, cause);
    }
}
