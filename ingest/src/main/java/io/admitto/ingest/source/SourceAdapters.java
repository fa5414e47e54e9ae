package io.admitto.ingest.source;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * The source formats on the class path, by {@link SourceAdapter#format()} name. Discovery goes through
 * {@link ServiceLoader} so that the launcher can offer every format without depending on its package.
 */
public final class SourceAdapters {
    private final Map<String, SourceAdapter> byFormat;

    private SourceAdapters(Map<String, SourceAdapter> byFormat) {
        this.byFormat = Map.copyOf(byFormat);
    }

    /** Every adapter listed in {@code META-INF/services/io.admitto.ingest.source.SourceAdapter} visible to this class loader. */
    public static SourceAdapters discover() {
        return discover(SourceAdapters.class.getClassLoader());
    }

    public static SourceAdapters discover(ClassLoader classLoader) {
        requireNonNull(classLoader, "classLoader is null");
        Map<String, SourceAdapter> byFormat = new TreeMap<>();
        for (SourceAdapter adapter : ServiceLoader.load(SourceAdapter.class, classLoader)) {
            SourceAdapter previous = byFormat.putIfAbsent(adapter.format(), adapter);
            if (previous != null && !previous.getClass().equals(adapter.getClass())) {
                // two implementations claiming one name is a packaging mistake; silently picking one would hide it
                throw new IllegalStateException("two source adapters for format '%s': %s and %s"
                        .formatted(adapter.format(), previous.getClass().getName(), adapter.getClass().getName()));
            }
        }
        return new SourceAdapters(byFormat);
    }

    /** A fixed set, for tests and for callers that construct adapters themselves. */
    public static SourceAdapters of(List<SourceAdapter> adapters) {
        Map<String, SourceAdapter> byFormat = new TreeMap<>();
        for (SourceAdapter adapter : adapters) {
            if (byFormat.putIfAbsent(adapter.format(), adapter) != null) {
                throw new IllegalArgumentException("two source adapters for format '%s'".formatted(adapter.format()));
            }
        }
        return new SourceAdapters(byFormat);
    }

    public Optional<SourceAdapter> forFormat(String format) {
        return Optional.ofNullable(byFormat.get(requireNonNull(format, "format is null")));
    }

    /** The format names available, sorted. */
    public List<String> formats() {
        return byFormat.keySet().stream().sorted().toList();
    }
}
