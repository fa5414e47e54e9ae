package io.admitto.ingest.generator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.admitto.events.EventJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads and writes {@code truth.json}: pretty-printed, with the event codec's conventions (ISO times, nulls left out unless marked). */
public final class GroundTruthJson
{
    private final ObjectMapper mapper = EventJson.newMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public void write(GroundTruth truth, Path file)
    {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            mapper.writeValue(file.toFile(), truth);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public GroundTruth read(Path file)
    {
        try {
            return mapper.readValue(file.toFile(), GroundTruth.class);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
