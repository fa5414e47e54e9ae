package io.admitto.ingest.generator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The same configuration gives the same bytes; another seed gives another hospital. */
class DeterminismTest
{
    private static final GeneratorConfig CONFIG = GeneratorConfig.defaults(2026).withDays(4).withFacilities(2).withDailyEncountersPerFacility(120);

    @TempDir
    Path directory;

    @Test
    void sameConfigurationWritesIdenticalFiles()
            throws IOException
    {
        GroundTruth first = GeneratorRun.toDirectory(CONFIG, directory.resolve("a"));
        GroundTruth second = GeneratorRun.toDirectory(CONFIG, directory.resolve("b"));
        assertThat(second).isEqualTo(first);
        List<String> files = fileNames(directory.resolve("a"));
        assertThat(files).hasSize(7).contains(GeneratorRun.TRUTH_FILE);
        assertThat(fileNames(directory.resolve("b"))).isEqualTo(files);
        for (String file : files) {
            assertThat(Files.mismatch(directory.resolve("a").resolve(file), directory.resolve("b").resolve(file))).as(file).isEqualTo(-1L);
        }
    }

    @Test
    void anotherSeedGivesOtherEvents()
            throws IOException
    {
        GeneratorRun.toDirectory(CONFIG, directory.resolve("a"));
        GeneratorRun.toDirectory(CONFIG.withSeed(2027), directory.resolve("c"));
        for (String file : fileNames(directory.resolve("a"))) {
            assertThat(Files.mismatch(directory.resolve("a").resolve(file), directory.resolve("c").resolve(file))).as(file).isNotEqualTo(-1L);
        }
    }

    @Test
    void generatingTwiceInOneGeneratorGivesTheSameTruth()
    {
        HospitalGenerator generator = new HospitalGenerator(CONFIG);
        List<io.admitto.events.CanonicalEvent> first = new java.util.ArrayList<>();
        List<io.admitto.events.CanonicalEvent> second = new java.util.ArrayList<>();
        GroundTruth a = generator.generate(first::add);
        GroundTruth b = generator.generate(second::add);
        assertThat(b).isEqualTo(a);
        assertThat(second).isEqualTo(first);
    }

    private static List<String> fileNames(Path directory)
            throws IOException
    {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
