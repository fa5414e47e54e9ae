package io.admitto.ingest.generator;

/** Age bands of the synthetic population, with ages as of the run's start date. */
enum AgeBand
{
    CHILD(0, 18, 0.20),
    YOUNG_ADULT(18, 45, 0.30),
    MIDDLE_AGED(45, 65, 0.25),
    SENIOR(65, 95, 0.25);

    private final int minAge;
    private final int maxAgeExclusive;
    private final double populationShare;

    AgeBand(int minAge, int maxAgeExclusive, double populationShare)
    {
        this.minAge = minAge;
        this.maxAgeExclusive = maxAgeExclusive;
        this.populationShare = populationShare;
    }

    int minAge()
    {
        return minAge;
    }

    int maxAgeExclusive()
    {
        return maxAgeExclusive;
    }

    double populationShare()
    {
        return populationShare;
    }
}
