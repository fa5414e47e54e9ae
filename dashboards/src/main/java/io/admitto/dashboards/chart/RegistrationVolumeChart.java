package io.admitto.dashboards.chart;

import io.admitto.api.sql.DepartmentHour;
import io.admitto.api.sql.ReportFilter;
import org.icepear.echarts.Option;
import org.icepear.echarts.charts.bar.BarSeries;
import org.icepear.echarts.charts.line.LineSeries;
import org.icepear.echarts.components.coord.cartesian.CategoryAxis;
import org.icepear.echarts.components.coord.SplitLine;
import org.icepear.echarts.components.coord.cartesian.ValueAxis;
import org.icepear.echarts.components.grid.Grid;
import org.icepear.echarts.components.legend.Legend;
import org.icepear.echarts.components.title.Title;
import org.icepear.echarts.components.tooltip.Tooltip;
import org.icepear.echarts.origin.util.SeriesOption;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * The leadership view of registration volume: registrations per UTC hour as bars stacked by department,
 * with the median wait from arrival to registration as a line on a second axis.
 *
 * <p>Every hour between the first and last hour with data is a category, zero where nothing was
 * registered, so gaps in activity show as gaps rather than being squeezed out of the time axis. Across
 * several departments or facilities the true median cannot be recovered from per-row medians; the line
 * then shows the registration-weighted mean of the row medians and says so in its name.
 */
public final class RegistrationVolumeChart
{
    static final String TITLE = "Registrations per hour";
    static final String WAIT_SERIES = "Median wait (min)";
    static final String WEIGHTED_WAIT_SERIES = "Median wait (min, weighted across departments)";
    static final String STACK = "registrations";

    private static final DateTimeFormatter HOUR_LABEL = DateTimeFormatter.ofPattern("MMM d HH:mm", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY_LABEL = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final ReportFilter filter;
    private final List<DepartmentHour> hours;

    public RegistrationVolumeChart(ReportFilter filter, List<DepartmentHour> hours)
    {
        this.filter = requireNonNull(filter, "filter is null");
        this.hours = List.copyOf(requireNonNull(hours, "hours is null"));
    }

    public Option toOption()
    {
        List<Instant> categories = hourCategories();
        List<SeriesOption> series = new ArrayList<>();
        List<String> colors = new ArrayList<>();
        registrationsByDepartment(categories).forEach((department, counts) -> {
            series.add(new BarSeries()
                    .setName(department.label())
                    .setStack(STACK)
                    .setBarMaxWidth(28)
                    .setData(counts));
            colors.add(department.color());
        });
        if (!categories.isEmpty()) {
            series.add(new LineSeries()
                    .setName(hasOneRowPerHour() ? WAIT_SERIES : WEIGHTED_WAIT_SERIES)
                    .setYAxisIndex(1)
                    .setConnectNulls(false)
                    .setSymbol("circle")
                    .setSymbolSize(7)
                    .setData(medianWaitMinutes(categories)));
            colors.add("#17202a");
        }

        return new Option()
                .setTitle(new Title().setText(TITLE).setSubtext(subtitle()).setLeft("left"))
                .setTooltip(new Tooltip().setTrigger("axis"))
                .setLegend(new Legend().setTop(8).setRight(16).setType("scroll"))
                // Room beside the plot for the axis names, which containLabel does not count.
                .setGrid(new Grid().setLeft(40).setRight(40).setTop(88).setBottom(40).setContainLabel(true))
                .setXAxis(new CategoryAxis()
                        .setName("Hour (UTC)")
                        .setNameLocation("middle")
                        .setNameGap(28)
                        .setData(categories.stream().map(HOUR_LABEL::format).toArray()))
                .setYAxis(new Object[] {
                        new ValueAxis().setName("Registrations").setMin(0).setMinInterval(1),
                        new ValueAxis().setName("Wait (min)").setMin(0).setPosition("right")
                                // One set of grid lines: the registrations axis's.
                                .setSplitLine(new SplitLine().setShow(false))})
                .setColor(colors.toArray(String[]::new))
                // Lets screen readers announce a generated description of the chart.
                .setAria(Map.of("enabled", true))
                .setSeries(series.toArray(SeriesOption[]::new));
    }

    /** Every UTC hour from the first to the last hour with data. */
    private List<Instant> hourCategories()
    {
        Optional<Instant> first = hours.stream().map(DepartmentHour::hourStart).min(Instant::compareTo);
        Optional<Instant> last = hours.stream().map(DepartmentHour::hourStart).max(Instant::compareTo);
        List<Instant> categories = new ArrayList<>();
        if (first.isPresent()) {
            for (Instant hour = first.get().truncatedTo(ChronoUnit.HOURS); !hour.isAfter(last.get()); hour = hour.plus(1, ChronoUnit.HOURS)) {
                categories.add(hour);
            }
        }
        return categories;
    }

    private Map<Department, Long[]> registrationsByDepartment(List<Instant> categories)
    {
        Map<Department, Long[]> counts = new TreeMap<>(Department.DISPLAY_ORDER);
        for (DepartmentHour hour : hours) {
            Long[] perHour = counts.computeIfAbsent(Department.of(hour.department()), ignored -> zeros(categories.size()));
            perHour[categoryIndex(categories, hour)] += hour.registrations();
        }
        return counts;
    }

    /** Minutes, to one decimal: leadership reads waits in minutes, and the API keeps the exact seconds. */
    private Double[] medianWaitMinutes(List<Instant> categories)
    {
        double[] weightedSeconds = new double[categories.size()];
        long[] registrations = new long[categories.size()];
        for (DepartmentHour hour : hours) {
            if (hour.medianRegistrationWaitSeconds() != null && hour.registrations() > 0) {
                int index = categoryIndex(categories, hour);
                weightedSeconds[index] += hour.medianRegistrationWaitSeconds() * hour.registrations();
                registrations[index] += hour.registrations();
            }
        }
        Double[] minutes = new Double[categories.size()];
        for (int index = 0; index < minutes.length; index++) {
            minutes[index] = registrations[index] == 0
                    ? null
                    : Math.round(weightedSeconds[index] / registrations[index] / 6.0) / 10.0;
        }
        return minutes;
    }

    /** Whether all rows are of one facility's department, so each hour's point is a true median. */
    private boolean hasOneRowPerHour()
    {
        return hours.stream().map(hour -> hour.facilityId() + "\u0000" + hour.department()).distinct().count() <= 1;
    }

    private String subtitle()
    {
        String period;
        if (filter.from().isEmpty() && filter.to().isEmpty()) {
            period = "All dates";
        }
        else {
            period = filter.from().map(DAY_LABEL::format).orElse("Start") + " – " + filter.to().map(DAY_LABEL::format).orElse("latest");
        }
        String facility = filter.facility().map(code -> "facility " + code).orElse("all facilities");
        String department = filter.department().map(code -> Department.of(code).label()).orElse("all departments");
        return period + " · " + facility + " · " + department + " · UTC hours";
    }

    private static int categoryIndex(List<Instant> categories, DepartmentHour hour)
    {
        return Math.toIntExact(ChronoUnit.HOURS.between(categories.get(0), hour.hourStart().truncatedTo(ChronoUnit.HOURS)));
    }

    private static Long[] zeros(int size)
    {
        Long[] zeros = new Long[size];
        Arrays.fill(zeros, 0L);
        return zeros;
    }
}
