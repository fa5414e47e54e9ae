package io.admitto.jobs.denials;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/denials.md lists the classification the job uses, both ways: every CARC listed maps so, and every mapped CARC is listed. */
class DenialCategoryDocTest {
    private static final Path DOC = Path.of("..", "docs", "denials.md");

    @Test
    void theDocumentedCategoriesAreTheOnesTheJobUses() throws IOException {
        String doc = Files.readString(DOC);
        String table = doc.substring(doc.indexOf("<!-- denial-categories"), doc.indexOf("<!-- /denial-categories"));
        Map<String, DenialCategory> documented = new HashMap<>();
        for (String line : table.lines().filter(line -> line.startsWith("| ") && !line.startsWith("| category")).toList()) {
            String[] cells = line.split("\\|");
            DenialCategory category = DenialCategory.valueOf(cells[1].trim());
            assertThat(cells[2].trim()).as("front end of %s", category).isEqualTo(category.frontEnd() ? "yes" : "no");
            for (String carc : cells[3].split(",")) {
                documented.put(carc.trim(), category);
            }
        }
        documented.forEach((carc, category) -> assertThat(DenialCategory.of("CO", carc)).as("CARC %s", carc).isEqualTo(category));

        for (int code = 1; code <= 300; code++) {
            DenialCategory category = DenialCategory.of("CO", String.valueOf(code));
            if (category.denial() && category != DenialCategory.OTHER) {
                assertThat(documented).as("CARC %d is classified %s but not documented", code, category).containsEntry(String.valueOf(code), category);
            }
        }
    }
}
