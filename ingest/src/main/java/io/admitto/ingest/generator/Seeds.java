package io.admitto.ingest.generator;

import java.util.SplittableRandom;

/**
 * Derives independent, reproducible random streams from the run's seed and a key (facility, day,
 * encounter...). Every encounter draws from its own stream, so what one encounter looks like never
 * depends on how many random numbers another one used: changing one part of the generator does not
 * reshuffle the rest, and generation order cannot leak into the output.
 */
final class Seeds
{
    private Seeds() {}

    /** SplitMix64's finalizer: a bijective avalanche of 64 bits. */
    static long mix(long z)
    {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    static long hash(long seed, long a)
    {
        return mix(mix(seed + 0x9e3779b97f4a7c15L) ^ a);
    }

    static long hash(long seed, long a, long b)
    {
        return mix(hash(seed, a) + 0x9e3779b97f4a7c15L * (b + 1));
    }

    static long hash(long seed, long a, long b, long c)
    {
        return mix(hash(seed, a, b) + 0x632be59bd9b4e019L * (c + 1));
    }

    static long hash(long seed, long a, long b, long c, long d)
    {
        return mix(hash(seed, a, b, c) + 0x85157af5L * (d + 1));
    }

    static SplittableRandom random(long seed, long a, long b)
    {
        return new SplittableRandom(hash(seed, a, b));
    }

    static SplittableRandom random(long seed, long a, long b, long c)
    {
        return new SplittableRandom(hash(seed, a, b, c));
    }

    static SplittableRandom random(long seed, long a, long b, long c, long d)
    {
        return new SplittableRandom(hash(seed, a, b, c, d));
    }
}
