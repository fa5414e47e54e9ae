package io.admitto.trino.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Finds a JDK that can run the Trino server (Java 24 or newer), the same way {@code ./admitto test} does:
 * the system property {@code admitto.trino.java}, else {@code TRINO_JAVA_HOME}, else the newest suitable
 * JDK under {@code /usr/lib/jvm}.
 */
public final class TrinoJava
{
    public static final int MINIMUM_FEATURE_VERSION = 24;

    private TrinoJava() {}

    public static Optional<Path> find()
    {
        String configured = System.getProperty("admitto.trino.java", "");
        if (configured.isBlank()) {
            configured = System.getenv().getOrDefault("TRINO_JAVA_HOME", "");
        }
        if (!configured.isBlank()) {
            Path home = Path.of(configured);
            return featureVersion(home).filter(version -> version >= MINIMUM_FEATURE_VERSION).map(version -> home);
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(home -> featureVersion(home).orElse(0) >= MINIMUM_FEATURE_VERSION)
                    .max(Comparator.comparing(home -> featureVersion(home).orElse(0)));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path require()
    {
        return find().orElseThrow(() -> new IllegalStateException("Trino needs a JDK >= " + MINIMUM_FEATURE_VERSION
                + ": set TRINO_JAVA_HOME (or -Dadmitto.trino.java) to one"));
    }

    /** The feature version from the JDK's {@code release} file, e.g. 25 for {@code JAVA_VERSION="25.0.1"}. */
    static Optional<Integer> featureVersion(Path home)
    {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release) || !Files.isExecutable(home.resolve("bin/java"))) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(release)) {
            properties.load(reader);
        }
        catch (IOException e) {
            return Optional.empty();
        }
        String version = properties.getProperty("JAVA_VERSION", "").replace("\"", "");
        String feature = version.split("[.+-]", 2)[0];
        return feature.matches("\\d+") ? Optional.of(Integer.parseInt(feature)) : Optional.empty();
    }
}
