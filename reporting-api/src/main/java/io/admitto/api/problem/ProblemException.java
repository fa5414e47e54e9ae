package io.admitto.api.problem;

import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A request the API refuses for a reason the client can act on (not found, conflict, stale precondition),
 * carrying the problem document to answer with and any headers it needs (a current {@code ETag}, say).
 */
public final class ProblemException
        extends RuntimeException
{
    private final Problem problem;
    private final Map<String, String> headers;

    public ProblemException(Problem problem, Map<String, String> headers)
    {
        super(requireNonNull(problem, "problem is null").detail());
        this.problem = problem;
        this.headers = Map.copyOf(headers);
    }

    public ProblemException(Problem problem)
    {
        this(problem, Map.of());
    }

    public Problem problem()
    {
        return problem;
    }

    public Map<String, String> headers()
    {
        return headers;
    }
}
