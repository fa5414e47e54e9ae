package io.admitto.api.sql;

/**
 * An identifier or expression that may be put into SQL text because it comes from a fixed list in this
 * code base (an enum of sort columns, say), never from a request.
 */
public interface SqlIdentifier
{
    String sql();
}
