package io.admitto.api.problem;

import static java.util.Objects.requireNonNull;

/**
 * A request parameter that cannot be used as given. Its message is shown to the client, so it says what
 * is accepted, not how the server failed.
 */
public final class InvalidParameterException
        extends RuntimeException
{
    private final String parameter;

    public InvalidParameterException(String parameter, String message)
    {
        super(requireNonNull(message, "message is null"));
        this.parameter = requireNonNull(parameter, "parameter is null");
    }

    public String parameter()
    {
        return parameter;
    }
}
