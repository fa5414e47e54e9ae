package io.admitto.tables;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class DataDictionaryTest {
    private static final Path DOC = Path.of("..", "docs", "tables.md");

    @Test
    void committedDataDictionaryMatchesTheTableDefinitions() throws IOException {
        String expected = new DataDictionary(Tables.all()).markdown();
        if (Boolean.getBoolean("admitto.docs.write")) {
            Files.writeString(DOC, expected);
        }
        assertThat(Files.readString(DOC))
                .as("docs/tables.md is generated; regenerate it with -Dadmitto.docs.write=true")
                .isEqualTo(expected);
    }

    @Test
    void everyColumnOfEveryTableIsDescribed() {
        for (TableSchema table : Tables.all()) {
            assertThat(table.columns()).isNotEmpty();
            table.columns().forEach(column -> assertThat(column.description()).as(table.name() + "." + column.name()).isNotBlank());
        }
    }

    @Test
    void tableNamesAreUnique() {
        assertThat(Tables.all()).extracting(TableSchema::name).doesNotHaveDuplicates();
    }
}
