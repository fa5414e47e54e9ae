package io.admitto.ingest.x12;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One data element as sent: its repetitions (ISA11 separator), each a list of components (ISA16
 * separator). A simple element is one repetition of one component. Immutable.
 */
public final class X12Element {
    private static final X12Element EMPTY = new X12Element(List.of(List.of("")));

    private final List<List<String>> repetitions;

    private X12Element(List<List<String>> repetitions) {
        this.repetitions = repetitions;
    }

    public static X12Element empty() {
        return EMPTY;
    }

    public static X12Element simple(String value) {
        return new X12Element(List.of(List.of(requireNonNull(value, "value is null"))));
    }

    public static X12Element of(List<List<String>> repetitions) {
        requireNonNull(repetitions, "repetitions is null");
        if (repetitions.isEmpty()) {
            return EMPTY;
        }
        List<List<String>> copy = new ArrayList<>(repetitions.size());
        for (List<String> components : repetitions) {
            copy.add(List.copyOf(components));
        }
        return new X12Element(List.copyOf(copy));
    }

    /** The first component of the first repetition; empty when absent. */
    public String value() {
        return component(1);
    }

    /** Component {@code position} (1-based) of the first repetition; empty when absent. */
    public String component(int position) {
        List<String> first = repetitions.get(0);
        return position >= 1 && position <= first.size() ? first.get(position - 1) : "";
    }

    public int componentCount() {
        return repetitions.get(0).size();
    }

    /** The first component of every repetition, e.g. EB03 service types {@code 1^33^35}. */
    public List<String> repeatedValues() {
        List<String> values = new ArrayList<>(repetitions.size());
        for (List<String> components : repetitions) {
            if (!components.get(0).isEmpty()) {
                values.add(components.get(0));
            }
        }
        return List.copyOf(values);
    }

    public List<List<String>> repetitions() {
        return repetitions;
    }

    public boolean isEmpty() {
        for (List<String> components : repetitions) {
            for (String component : components) {
                if (!component.isEmpty()) {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof X12Element element && repetitions.equals(element.repetitions);
    }

    @Override
    public int hashCode() {
        return repetitions.hashCode();
    }

    @Override
    public String toString() {
        return repetitions.toString();
    }
}
