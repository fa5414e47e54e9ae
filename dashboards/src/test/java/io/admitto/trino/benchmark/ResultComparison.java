package io.admitto.trino.benchmark;

import java.util.List;
import java.util.Optional;

/**
 * Whether two engines gave the same answer to a query, cell by cell in order: text exactly, numbers within
 * rounding. Approximate percentiles ({@code approx_percentile}) are computed differently by Trino and DuckDB, so
 * a query that uses them is compared with a wider tolerance.
 */
public final class ResultComparison
{
    private static final double EXACT_TOLERANCE = 1e-6;
    /** Relative, plus one step of the queries' {@code round(..., 1)}. */
    private static final double APPROXIMATE_TOLERANCE = 0.05;
    private static final double ROUNDING_STEP = 0.1;

    private ResultComparison() {}

    /** Empty when the results agree, else where they first differ. */
    public static Optional<String> difference(List<List<String>> expected, List<List<String>> actual, boolean approximate)
    {
        if (expected.size() != actual.size()) {
            return Optional.of(expected.size() + " vs " + actual.size() + " rows");
        }
        for (int row = 0; row < expected.size(); row++) {
            List<String> left = expected.get(row);
            List<String> right = actual.get(row);
            if (left.size() != right.size()) {
                return Optional.of("row " + row + ": " + left.size() + " vs " + right.size() + " columns");
            }
            for (int column = 0; column < left.size(); column++) {
                if (!same(left.get(column), right.get(column), approximate)) {
                    return Optional.of("row " + row + " column " + (column + 1) + ": " + left.get(column) + " vs " + right.get(column));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean same(String left, String right, boolean approximate)
    {
        if (left == null || right == null) {
            return left == right;
        }
        if (left.equals(right)) {
            return true;
        }
        Optional<Double> leftNumber = number(left);
        Optional<Double> rightNumber = number(right);
        if (leftNumber.isEmpty() || rightNumber.isEmpty()) {
            return false;
        }
        double a = leftNumber.get();
        double b = rightNumber.get();
        double scale = Math.max(Math.abs(a), Math.abs(b));
        double tolerance = approximate ? APPROXIMATE_TOLERANCE * scale + ROUNDING_STEP : EXACT_TOLERANCE * Math.max(scale, 1);
        return Math.abs(a - b) <= tolerance;
    }

    private static Optional<Double> number(String text)
    {
        try {
            return Optional.of(Double.parseDouble(text));
        }
        catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
