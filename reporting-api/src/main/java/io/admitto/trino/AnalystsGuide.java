package io.admitto.trino;

import io.admitto.api.security.Role;
import io.admitto.tables.DataDictionary;
import io.admitto.tables.TableSchema;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * The generated parts of docs/analysts.md, each between {@code <!-- generated:NAME -->} and
 * {@code <!-- end:NAME -->}: the access matrix and data dictionary (from the table definitions) and the
 * worked queries with their results on the demo data (written by the Trino integration test). The prose
 * around them is written by hand.
 */
public final class AnalystsGuide
{
    public static final String DICTIONARY = "dictionary";
    public static final String QUERIES = "queries";
    /** Result rows shown per query; the rest is counted. */
    public static final int SHOWN_ROWS = 12;

    private AnalystsGuide() {}

    public static String dictionary(List<TableSchema> tables)
    {
        StringBuilder section = new StringBuilder("\n| table | ")
                .append(roles().stream().map(Role::wireName).collect(Collectors.joining(" | ")))
                .append(" |\n|---|")
                .append("---|".repeat(roles().size()))
                .append('\n');
        for (TableSchema table : tables) {
            section.append("| `").append(TrinoConfig.CATALOG).append('.').append(TrinoConfig.SCHEMA).append('.')
                    .append(table.name()).append("` |");
            for (Role role : roles()) {
                section.append(TableAccess.readers(table).contains(role) ? " read |" : " — |");
            }
            section.append('\n');
        }
        return section.append(new DataDictionary(tables).tableSections("###")).append('\n').toString();
    }

    /** A query as the guide shows it: title, why, the SQL and its result rows (column labels first). */
    public static String query(int number, AnalystQuery query, List<List<String>> rows)
    {
        StringBuilder section = new StringBuilder()
                .append("\n### ").append(number).append(". ").append(query.title()).append("\n\n");
        if (!query.description().isEmpty()) {
            section.append(query.description()).append("\n\n");
        }
        section.append("`").append(query.name()).append(".sql`:\n\n```sql\n").append(query.sql()).append("\n```\n\n");
        List<String> header = rows.get(0);
        section.append("| ").append(String.join(" | ", header)).append(" |\n|")
                .append("---|".repeat(header.size())).append('\n');
        List<List<String>> data = rows.subList(1, rows.size());
        for (List<String> row : data.subList(0, Math.min(SHOWN_ROWS, data.size()))) {
            section.append("| ").append(row.stream().map(cell -> cell.replace("|", "\\|")).collect(Collectors.joining(" | "))).append(" |\n");
        }
        if (data.isEmpty()) {
            section.append("\n(no rows)\n");
        }
        else if (data.size() > SHOWN_ROWS) {
            section.append("\n").append(SHOWN_ROWS).append(" of ").append(data.size()).append(" rows.\n");
        }
        return section.toString();
    }

    public static String queries(List<AnalystQuery> queries, Map<String, List<List<String>>> results)
    {
        StringBuilder section = new StringBuilder();
        for (int index = 0; index < queries.size(); index++) {
            AnalystQuery query = queries.get(index);
            section.append(query(index + 1, query, requireNonNull(results.get(query.name()), query.name())));
        }
        return section.append('\n').toString();
    }

    /** The text between a section's markers. */
    public static String section(String document, String name)
    {
        int start = document.indexOf(begin(name));
        int end = document.indexOf(end(name));
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("No generated section " + name);
        }
        return document.substring(start + begin(name).length(), end);
    }

    public static String replaceSection(String document, String name, String content)
    {
        section(document, name);
        int start = document.indexOf(begin(name)) + begin(name).length();
        return document.substring(0, start) + content + document.substring(document.indexOf(end(name)));
    }

    private static String begin(String name)
    {
        return "<!-- generated:" + name + " -->";
    }

    private static String end(String name)
    {
        return "<!-- end:" + name + " -->";
    }

    private static List<Role> roles()
    {
        return List.of(Role.ANALYST, Role.LEADERSHIP, Role.QA_REVIEWER, Role.ADMIN);
    }
}
