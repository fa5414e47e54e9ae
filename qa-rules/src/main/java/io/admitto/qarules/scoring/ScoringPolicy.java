package io.admitto.qarules.scoring;

import io.admitto.qarules.Severity;

import java.util.EnumMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * How findings turn into a score: each finding deducts its weight (the rule's own weight if the
 * organisation set one, else its severity's) from 100, floored at 0. The letter grade is the highest
 * whose minimum score the registration reaches. {@code accuracyTarget} is the per-registrar accuracy
 * rate the organisation aims for (HFMA registration QA; one published incentive program uses 95%).
 *
 * @param gradeMinimums minimum score of grades A to D, descending; below D is F
 */
public record ScoringPolicy(Map<Severity, Integer> weights, int[] gradeMinimums, double accuracyTarget)
{
    public ScoringPolicy
    {
        EnumMap<Severity, Integer> copy = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            Integer weight = requireNonNull(weights.get(severity), () -> "weight of " + severity.label() + " is missing");
            if (weight < 0 || weight > 100) {
                throw new IllegalArgumentException("weight of " + severity.label() + " must be between 0 and 100: " + weight);
            }
            copy.put(severity, weight);
        }
        weights = java.util.Collections.unmodifiableMap(copy);
        if (gradeMinimums.length != 4) {
            throw new IllegalArgumentException("gradeMinimums needs the minimum scores of A, B, C and D");
        }
        gradeMinimums = gradeMinimums.clone();
        for (int i = 0; i < gradeMinimums.length; i++) {
            if (gradeMinimums[i] < 0 || gradeMinimums[i] > 100 || i > 0 && gradeMinimums[i] > gradeMinimums[i - 1]) {
                throw new IllegalArgumentException("grade minimums must be between 0 and 100 and descending from A to D");
            }
        }
        if (!(accuracyTarget >= 0 && accuracyTarget <= 1)) {
            throw new IllegalArgumentException("accuracyTarget must be between 0 and 1: " + accuracyTarget);
        }
    }

    /** Critical 40, error 15, warning 3; A from 95, B 85, C 70, D 50; accuracy target 95%. */
    public static ScoringPolicy defaults()
    {
        return new ScoringPolicy(Map.of(Severity.CRITICAL, 40, Severity.ERROR, 15, Severity.WARNING, 3), new int[] {95, 85, 70, 50}, 0.95);
    }

    public int weight(Severity severity)
    {
        return weights.get(severity);
    }

    @Override
    public int[] gradeMinimums()
    {
        return gradeMinimums.clone();
    }

    public Grade grade(int score)
    {
        Grade[] grades = Grade.values();
        for (int i = 0; i < gradeMinimums.length; i++) {
            if (score >= gradeMinimums[i]) {
                return grades[i];
            }
        }
        return Grade.F;
    }

    @Override
    public boolean equals(Object other)
    {
        return other instanceof ScoringPolicy that && weights.equals(that.weights)
                && java.util.Arrays.equals(gradeMinimums, that.gradeMinimums) && accuracyTarget == that.accuracyTarget;
    }

    @Override
    public int hashCode()
    {
        return weights.hashCode() * 31 + java.util.Arrays.hashCode(gradeMinimums);
    }
}
