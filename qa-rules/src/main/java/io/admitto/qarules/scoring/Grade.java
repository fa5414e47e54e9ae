package io.admitto.qarules.scoring;

/** Letter grade of a registration's score; the thresholds are in {@link ScoringPolicy}. */
public enum Grade
{
    A, B, C, D, F
}
