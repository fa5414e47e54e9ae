package io.admitto.trino;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The worked queries of docs/analysts.md, in the order the guide shows them. They live under
 * {@code io/admitto/trino/queries/}, listed in {@code index.txt} (a jar cannot be listed).
 */
public final class AnalystQueries
{
    private static final String FOLDER = "queries/";

    private AnalystQueries() {}

    public static List<AnalystQuery> all()
    {
        return read("index.txt").lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(name -> AnalystQuery.parse(name, read(name + ".sql")))
                .toList();
    }

    private static String read(String file)
    {
        try (InputStream in = AnalystQueries.class.getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + FOLDER + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
