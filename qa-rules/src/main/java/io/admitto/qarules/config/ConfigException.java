package io.admitto.qarules.config;

import static java.util.Objects.requireNonNull;

/** A configuration that cannot be used; the message names the key (as a path) and the problem. */
public final class ConfigException
        extends IllegalArgumentException
{
    private final String key;

    public ConfigException(String key, String problem)
    {
        super("configuration key '" + requireNonNull(key, "key is null") + "': " + requireNonNull(problem, "problem is null"));
        this.key = key;
    }

    /** The offending key as a path, e.g. {@code payers[2].memberIdPattern}. */
    public String key()
    {
        return key;
    }
}
