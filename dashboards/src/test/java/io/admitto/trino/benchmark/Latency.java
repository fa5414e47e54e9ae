package io.admitto.trino.benchmark;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** The timed runs of one query on one engine (warm-up runs not included). */
public record Latency(List<Duration> runs)
{
    public Latency
    {
        runs = List.copyOf(requireNonNull(runs, "runs is null"));
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("A latency needs at least one timed run");
        }
    }

    /** The middle run; for an even count, the mean of the two middle runs. */
    public Duration median()
    {
        List<Duration> sorted = runs.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2);
    }

    public Duration max()
    {
        return runs.stream().max(Comparator.naturalOrder()).orElseThrow();
    }
}
