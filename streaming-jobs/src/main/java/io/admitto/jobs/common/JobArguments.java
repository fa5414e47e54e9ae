package io.admitto.jobs.common;

import org.apache.flink.util.TimeUtils;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * The {@code --name value} arguments of a job's {@code main}, as given to {@code flink run}. A name
 * followed by another name or by nothing is a switch and reads as {@code true}.
 *
 * <p>Every job reads its arguments through one instance and then calls {@link #rejectUnread()}, so a
 * misspelt option fails the submission instead of being ignored (a silently ignored
 * {@code --bounded} would start a job that never ends).
 */
public final class JobArguments {
    private final Map<String, String> values;
    private final Set<String> read = new HashSet<>();

    private JobArguments(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static JobArguments parse(String... args) {
        requireNonNull(args, "args is null");
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new IllegalArgumentException("Expected an option --name, got: " + arg);
            }
            String name = arg.substring(2);
            String value = "true";
            if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                value = args[++i];
            }
            if (values.put(name, value) != null) {
                throw new IllegalArgumentException("Option given twice: --" + name);
            }
        }
        return new JobArguments(values);
    }

    public Optional<String> string(String name) {
        read.add(name);
        return Optional.ofNullable(values.get(name));
    }

    public String required(String name) {
        return string(name).orElseThrow(() -> new IllegalArgumentException("Missing required option --" + name));
    }

    public boolean flag(String name) {
        return string(name).map(value -> parseBoolean(name, value)).orElse(false);
    }

    /** A duration in Flink's notation: {@code 500 ms}, {@code 10s}, {@code 5 min}, {@code 1 h}. */
    public Optional<Duration> duration(String name) {
        return string(name).map(value -> {
            try {
                return TimeUtils.parseDuration(value);
            }
            catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--" + name + " is not a duration: " + value, e);
            }
        });
    }

    public Optional<Integer> integer(String name) {
        return string(name).map(value -> {
            try {
                return Integer.valueOf(value);
            }
            catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + " is not an integer: " + value, e);
            }
        });
    }

    /** Fails when an option was given that no one asked for. */
    public void rejectUnread() {
        Set<String> unread = new TreeSet<>(values.keySet());
        unread.removeAll(read);
        if (!unread.isEmpty()) {
            throw new IllegalArgumentException("Unknown options: --" + String.join(", --", unread));
        }
    }

    private static boolean parseBoolean(String name, String value) {
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException("--" + name + " is true or false, not: " + value);
    }
}
