package io.admitto.dashboards.chart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.admitto.api.sql.DepartmentHour;
import io.admitto.api.sql.ReportFilter;
import org.icepear.echarts.render.Engine;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.StreamSupport;

import static io.admitto.api.testing.RegistrationFixtures.COMMITTED;
import static io.admitto.api.testing.RegistrationFixtures.hour;
import static org.assertj.core.api.Assertions.assertThat;

/** The chart option as the browser receives it: echarts-java's JSON, read back as plain JSON. */
final class RegistrationVolumeChartTest
{
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void stacksOneBarSeriesPerDepartmentInDisplayOrderAndAddsTheWaitLine()
    {
        JsonNode option = render(ReportFilter.all(), List.of(
                hour("FAC01", "CLIN", "2026-01-05T10:00:00Z", 1, 60.0),
                hour("FAC01", "ED", "2026-01-05T10:00:00Z", 2, 60.0),
                hour("FAC01", "XRAY2", "2026-01-05T10:00:00Z", 3, 60.0),
                hour("FAC01", "IMG", "2026-01-05T10:00:00Z", 4, 60.0)));

        assertThat(names(option.get("series"))).containsExactly(
                "Emergency (ED)", "Imaging (IMG)", "Clinics (CLIN)", "XRAY2", "Median wait (min, weighted across departments)");
        assertThat(option.get("series").get(0).get("stack").asText()).isEqualTo("registrations");
        assertThat(option.get("series").get(4).get("type").asText()).isEqualTo("line");
        assertThat(option.get("series").get(4).get("yAxisIndex").asInt()).isEqualTo(1);
        // Each department keeps its colour, whatever else is on the chart; the line is dark.
        assertThat(strings(option.get("color"))).containsExactly("#c0392b", "#2e86c1", "#229954", "#7f8c8d", "#17202a");
    }

    @Test
    void hasOneCategoryPerUtcHourFromFirstToLastWithZerosInTheGaps()
    {
        JsonNode option = render(ReportFilter.all(), COMMITTED);

        JsonNode categories = option.get("xAxis").get("data");
        assertThat(categories).hasSize(43);
        assertThat(categories.get(0).asText()).isEqualTo("Jan 5 14:00");
        assertThat(categories.get(42).asText()).isEqualTo("Jan 7 08:00");
        JsonNode emergency = option.get("series").get(0);
        assertThat(emergency.get("name").asText()).isEqualTo("Emergency (ED)");
        // 14:00 is FAC01's 12 plus FAC02's 5; 15:00 is 7; Jan 6 00:00 (index 10) is 4; nothing at 16:00.
        assertThat(emergency.get("data").get(0).asLong()).isEqualTo(17);
        assertThat(emergency.get("data").get(1).asLong()).isEqualTo(7);
        assertThat(emergency.get("data").get(2).asLong()).isZero();
        assertThat(emergency.get("data").get(10).asLong()).isEqualTo(4);
        assertThat(emergency.get("data").get(42).asLong()).isEqualTo(9);
        assertThat(option.get("series")).allSatisfy(series -> assertThat(series.get("data")).hasSize(43));
    }

    @Test
    void weightsDepartmentMediansByRegistrationsAndLeavesQuietHoursEmpty()
    {
        JsonNode option = render(ReportFilter.all(), COMMITTED);

        JsonNode wait = option.get("series").get(3).get("data");
        // (12 × 431.5 + 3 × 900 + 5 × 610) / 20 = 546.4 s = 9.1 min
        assertThat(wait.get(0).asDouble()).isEqualTo(9.1);
        // 380 s = 6.333 min
        assertThat(wait.get(1).asDouble()).isEqualTo(6.3);
        assertThat(wait.get(2).isNull()).isTrue();
    }

    @Test
    void callsTheLineAPlainMedianWhenItIsOneFacilitysDepartment()
    {
        ReportFilter filter = ReportFilter.all().withFacility("FAC01").withDepartment("ED");

        JsonNode option = render(filter, List.of(hour("FAC01", "ED", "2026-01-05T14:00:00Z", 12, 431.5)));

        assertThat(names(option.get("series"))).containsExactly("Emergency (ED)", "Median wait (min)");
        assertThat(option.get("series").get(1).get("data").get(0).asDouble()).isEqualTo(7.2);
    }

    @Test
    void describesTheFilterInTheSubtitle()
    {
        ReportFilter filter = ReportFilter.all()
                .withDates(LocalDate.parse("2026-01-05"), LocalDate.parse("2026-01-06"))
                .withFacility("FAC01")
                .withDepartment("IMG");

        JsonNode title = render(filter, List.of()).get("title");

        assertThat(title.get("text").asText()).isEqualTo("Registrations per hour");
        assertThat(title.get("subtext").asText()).isEqualTo("5 Jan 2026 – 6 Jan 2026 · facility FAC01 · Imaging (IMG) · UTC hours");
    }

    @Test
    void withoutDataHasNoSeriesAndNoCategories()
    {
        JsonNode option = render(ReportFilter.all(), List.of());

        assertThat(option.get("series")).isEmpty();
        assertThat(option.get("xAxis").get("data")).isEmpty();
        assertThat(option.get("title").get("subtext").asText()).startsWith("All dates · all facilities · all departments");
    }

    @Test
    void labelsBothAxesAndEnablesScreenReaderDescriptions()
    {
        JsonNode option = render(ReportFilter.all(), COMMITTED);

        assertThat(option.get("xAxis").get("name").asText()).isEqualTo("Hour (UTC)");
        assertThat(names(option.get("yAxis"))).containsExactly("Registrations", "Wait (min)");
        assertThat(option.get("tooltip").get("trigger").asText()).isEqualTo("axis");
        assertThat(option.get("aria").get("enabled").asBoolean()).isTrue();
    }

    private static JsonNode render(ReportFilter filter, List<DepartmentHour> hours)
    {
        try {
            return JSON.readTree(new Engine().renderJsonOption(new RegistrationVolumeChart(filter, hours).toOption()));
        }
        catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> names(JsonNode array)
    {
        return StreamSupport.stream(array.spliterator(), false).map(node -> node.get("name").asText()).toList();
    }

    private static List<String> strings(JsonNode array)
    {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
