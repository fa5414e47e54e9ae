package io.admitto.trino;

import io.admitto.tables.Tables;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** docs/analysts.md: its data dictionary is generated from the table definitions and kept current. */
class AnalystsGuideTest
{
    private static final Path GUIDE = Path.of("..", "docs", "analysts.md");

    @Test
    void theDataDictionaryOfTheGuideMatchesTheTableDefinitions()
            throws IOException
    {
        String guide = Files.readString(GUIDE);
        String expected = AnalystsGuide.dictionary(Tables.all());
        if (Boolean.getBoolean("admitto.docs.write")) {
            guide = AnalystsGuide.replaceSection(guide, AnalystsGuide.DICTIONARY, expected);
            Files.writeString(GUIDE, guide);
        }
        assertThat(AnalystsGuide.section(guide, AnalystsGuide.DICTIONARY))
                .as("docs/analysts.md is partly generated; regenerate with "
                        + "mvn -pl reporting-api -am test -Dtest=AnalystsGuideTest -Dsurefire.failIfNoSpecifiedTests=false -Dadmitto.docs.write=true")
                .isEqualTo(expected);
    }

    @Test
    void theDictionaryShowsWhoMayReadEachTable()
    {
        String dictionary = AnalystsGuide.dictionary(Tables.all());

        assertThat(dictionary).contains("| `admitto.analytics.registration_phi` | — | — | read | read |");
        assertThat(dictionary).contains("| `admitto.analytics.audit_log` | — | — | — | read |");
        assertThat(dictionary).contains("| `admitto.analytics.denials` | read | read | read | read |");
        assertThat(dictionary).contains("### `denials`", "| `amount` | DECIMAL(12,2) | no |");
    }

    @Test
    void theGuideShowsAtLeastTwelveWorkedQueriesEachWithItsSql()
            throws IOException
    {
        List<AnalystQuery> queries = AnalystQueries.all();
        String shown = AnalystsGuide.section(Files.readString(GUIDE), AnalystsGuide.QUERIES);

        assertThat(queries).hasSizeGreaterThanOrEqualTo(12);
        assertThat(queries).extracting(AnalystQuery::name).doesNotHaveDuplicates();
        for (AnalystQuery query : queries) {
            assertThat(query.sql()).as(query.name()).contains("admitto.analytics.").doesNotContain(";");
            assertThat(shown).as(query.name()).contains("```sql\n" + query.sql() + "\n```");
        }
    }

    @Test
    void aQueryFileParsesIntoTitleDescriptionAndStatement()
    {
        AnalystQuery query = AnalystQuery.parse("00-example", """
                -- Example title
                -- Why one would ask,
                -- in two lines.
                SELECT 1 -- trailing comments stay
                FROM t;
                """);

        assertThat(query.title()).isEqualTo("Example title");
        assertThat(query.description()).isEqualTo("Why one would ask, in two lines.");
        assertThat(query.sql()).isEqualTo("SELECT 1 -- trailing comments stay\nFROM t");
        assertThatThrownBy(() -> AnalystQuery.parse("empty", "-- only a title\n")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sectionsAreReplacedBetweenTheirMarkersOnly()
    {
        String document = "before\n<!-- generated:x -->\nold\n<!-- end:x -->\nafter\n";

        assertThat(AnalystsGuide.replaceSection(document, "x", "\nnew\n"))
                .isEqualTo("before\n<!-- generated:x -->\nnew\n<!-- end:x -->\nafter\n");
        assertThatThrownBy(() -> AnalystsGuide.section(document, "y")).isInstanceOf(IllegalArgumentException.class);
    }
}
