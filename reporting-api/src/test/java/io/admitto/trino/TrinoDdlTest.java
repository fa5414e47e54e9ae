package io.admitto.trino;

import io.admitto.tables.Column;
import io.admitto.tables.ColumnType;
import io.admitto.tables.TableSchema;
import io.admitto.tables.Tables;
import io.admitto.trino.testing.SqlScript;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TrinoDdlTest
{
    private final TrinoDdl ddl = new TrinoDdl("admitto", "analytics", new ProjectionRange(LocalDate.of(2026, 3, 2), 7));

    @Test
    void everyCatalogueTableIsDroppedAndRecreatedAfterTheSchemaIsCreated()
    {
        List<String> statements = ddl.statements(Tables.all());

        assertThat(statements.get(0)).isEqualTo("CREATE SCHEMA IF NOT EXISTS admitto.analytics");
        assertThat(statements).hasSize(1 + 2 * Tables.all().size());
        for (TableSchema table : Tables.all()) {
            int drop = statements.indexOf("DROP TABLE IF EXISTS admitto.analytics." + table.name());
            assertThat(drop).as(table.name()).isPositive();
            assertThat(statements.get(drop + 1)).startsWith("CREATE TABLE admitto.analytics." + table.name() + " (");
        }
    }

    @Test
    void columnsKeepTheirOrderAndTypesWithThePartitionColumnLast()
    {
        String create = ddl.createTable(Tables.DENIALS);

        List<String> columnLines = create.lines().filter(line -> line.startsWith("    \"")).toList();
        assertThat(columnLines).hasSize(Tables.DENIALS.columns().size() + 1);
        for (int index = 0; index < Tables.DENIALS.columns().size(); index++) {
            Column column = Tables.DENIALS.columns().get(index);
            assertThat(columnLines.get(index)).startsWith("    \"" + column.name() + "\" " + TrinoDdl.trinoType(column.type()) + " COMMENT '");
        }
        assertThat(columnLines.get(columnLines.size() - 1)).startsWith("    \"event_date\" DATE COMMENT '");
        assertThat(create)
                .contains("\"amount\" DECIMAL(12,2)", "\"remitted_at\" TIMESTAMP(3)", "\"front_end\" BOOLEAN")
                .contains("external_location = 'local:///denials'", "partitioned_by = ARRAY['event_date']")
                .contains("partition_projection_enabled = true", "partition_projection_type = 'date'",
                        "partition_projection_range = ARRAY['2026-03-02', 'NOW+7DAYS']");
    }

    @Test
    void trinoTypesAreTheNamesTheDataDictionaryShows()
    {
        for (ColumnType type : ColumnType.values()) {
            assertThat(TrinoDdl.trinoType(type)).as(type.name()).isEqualTo(type.sqlType());
        }
    }

    @Test
    void quotesInDescriptionsAreEscaped()
    {
        TableSchema table = new TableSchema("quoted", "The table's rows.",
                List.of(Column.required("note", ColumnType.STRING, "What the reviewer's note says")), Tables.EVENT_DATE);

        String create = ddl.createTable(table);

        assertThat(create).contains("COMMENT 'What the reviewer''s note says'", "COMMENT 'The table''s rows.'");
    }

    @Test
    void theScriptSplitsBackIntoTheStatements()
    {
        String script = ddl.script(Tables.all());

        assertThat(SqlScript.statements(script)).containsExactlyElementsOf(ddl.statements(Tables.all()));
    }
}
