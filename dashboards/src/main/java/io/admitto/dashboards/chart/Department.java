package io.admitto.dashboards.chart;

import java.util.Comparator;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * How a department code is shown on the dashboards: a name leadership recognises and a fixed colour, so
 * Emergency is the same colour on every chart and every day. Codes outside the known set are shown as
 * they are, after the known ones, in a neutral colour.
 */
record Department(String code, String name, String color, int rank)
{
    private static final String OTHER_COLOR = "#7f8c8d";

    private static final Map<String, Department> KNOWN = Map.of(
            "ED", new Department("ED", "Emergency", "#c0392b", 0),
            "IMG", new Department("IMG", "Imaging", "#2e86c1", 1),
            "SURG", new Department("SURG", "Surgery", "#8e44ad", 2),
            "INPT", new Department("INPT", "Inpatient", "#d68910", 3),
            "CLIN", new Department("CLIN", "Clinics", "#229954", 4));

    /** Known departments in their fixed order, then others alphabetically. */
    static final Comparator<Department> DISPLAY_ORDER = Comparator.comparingInt(Department::rank)
            .thenComparing(Department::code);

    Department
    {
        requireNonNull(code, "code is null");
        requireNonNull(name, "name is null");
        requireNonNull(color, "color is null");
    }

    static Department of(String code)
    {
        Department known = KNOWN.get(code);
        return known != null ? known : new Department(code, code, OTHER_COLOR, Integer.MAX_VALUE);
    }

    /** The legend and tooltip label, e.g. {@code Emergency (ED)}. */
    String label()
    {
        return name.equals(code) ? code : name + " (" + code + ")";
    }
}
