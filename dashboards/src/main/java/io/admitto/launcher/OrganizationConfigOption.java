package io.admitto.launcher;

import io.admitto.qarules.config.OrganizationConfig;
import io.admitto.qarules.config.OrganizationConfigLoader;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code --config}: the organisation's QA-rules configuration, or the one that ships with Admitto. */
final class OrganizationConfigOption {
    @Option(names = "--config", description = "Organisation configuration (JSON, see docs/rules.md); default: the bundled one.")
    Path config;

    OrganizationConfig load() throws IOException {
        if (config == null) {
            return OrganizationConfigLoader.loadDefault();
        }
        try (Reader reader = Files.newBufferedReader(config)) {
            return OrganizationConfigLoader.load(reader);
        }
    }
}
