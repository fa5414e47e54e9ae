package io.admitto.qarules.rule;

import io.admitto.events.PersonName;

import java.util.List;

/** Renders the values a finding quotes: {@code path = value}, with absent and blank values told apart. */
public final class Values
{
    public static final String ABSENT = "(absent)";
    public static final String EMPTY = "(empty)";

    private Values() {}

    public static String seen(String path, Object value)
    {
        return path + " = " + render(value);
    }

    public static List<String> of(String path, Object value)
    {
        return List.of(seen(path, value));
    }

    public static List<String> of(String path1, Object value1, String path2, Object value2)
    {
        return List.of(seen(path1, value1), seen(path2, value2));
    }

    public static List<String> of(String path1, Object value1, String path2, Object value2, String path3, Object value3)
    {
        return List.of(seen(path1, value1), seen(path2, value2), seen(path3, value3));
    }

    static String render(Object value)
    {
        if (value == null) {
            return ABSENT;
        }
        if (value instanceof PersonName name) {
            return (name.family() == null ? "" : name.family()) + ", " + (name.given() == null ? "" : name.given())
                    + (name.middle() == null ? "" : " " + name.middle());
        }
        String text = value.toString();
        return text.isBlank() ? EMPTY : text;
    }

    /** Null, empty or only whitespace: nothing a payer could use. */
    public static boolean isBlank(String value)
    {
        return value == null || value.isBlank();
    }

    /** "missing" for an absent value, "empty" for one entered blank. */
    public static String missingOrEmpty(String value)
    {
        return value == null ? "missing" : "empty";
    }
}
