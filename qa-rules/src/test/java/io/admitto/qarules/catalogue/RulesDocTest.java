package io.admitto.qarules.catalogue;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docs/rules.md} is generated from the catalogue. This test fails when the checked-in file is
 * out of date; {@code -Dadmitto.docs.write=true} rewrites it instead.
 */
class RulesDocTest
{
    private static final Path DOC = Path.of("../docs/rules.md");

    @Test
    void rulesDocMatchesTheCatalogue() throws IOException
    {
        String generated = RuleCatalogue.standard().markdown();
        if (Boolean.getBoolean("admitto.docs.write")) {
            Files.writeString(DOC, generated, UTF_8);
        }
        assertThat(Files.exists(DOC)).as(DOC + " exists (generate it with -Dadmitto.docs.write=true)").isTrue();
        assertThat(Files.readString(DOC, UTF_8))
                .as("docs/rules.md is out of date: run mvn -pl qa-rules test -Dtest=RulesDocTest -Dadmitto.docs.write=true")
                .isEqualTo(generated);
    }
}
