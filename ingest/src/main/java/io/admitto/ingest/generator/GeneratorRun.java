package io.admitto.ingest.generator;

import java.nio.file.Path;

import static java.util.Objects.requireNonNull;

/** A whole run into a folder: one NDJSON file per topic and {@value #TRUTH_FILE}. */
public final class GeneratorRun
{
    public static final String TRUTH_FILE = "truth.json";

    private GeneratorRun() {}

    public static GroundTruth toDirectory(GeneratorConfig config, Path directory)
    {
        return toDirectory(config, directory, GenerationProgress.none());
    }

    public static GroundTruth toDirectory(GeneratorConfig config, Path directory, GenerationProgress progress)
    {
        requireNonNull(config, "config is null");
        requireNonNull(directory, "directory is null");
        GroundTruth truth;
        try (NdjsonEventSink sink = new NdjsonEventSink(directory)) {
            truth = new HospitalGenerator(config).generate(sink, progress);
        }
        new GroundTruthJson().write(truth, directory.resolve(TRUTH_FILE));
        return truth;
    }
}
