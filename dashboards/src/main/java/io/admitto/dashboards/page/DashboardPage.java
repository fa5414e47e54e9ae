package io.admitto.dashboards.page;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * One dashboard page: its own content inside the frame every dashboard shares ({@code layout.html}:
 * head, skip link, masthead, navigation, filter bar). Composed once from our own constants and
 * resources — never from request data — so nothing in it needs escaping.
 */
final class DashboardPage
{
    private static final String FOLDER = "io/admitto/dashboards/page/";
    private static final String LAYOUT = read("layout.html");

    private final String html;

    /**
     * @param name the page's script ({@code /assets/<name>.js}) and content ({@code <name>.content.html})
     * @param skipTarget the element id the "skip to" link jumps to
     */
    DashboardPage(String title, String name, String skipTarget, String skipLabel)
    {
        Map<String, String> values = Map.of(
                "${title}", requireNonNull(title, "title is null"),
                "${script}", requireNonNull(name, "name is null"),
                "${skipTarget}", requireNonNull(skipTarget, "skipTarget is null"),
                "${skipLabel}", requireNonNull(skipLabel, "skipLabel is null"),
                "${content}", read(name + ".content.html"));
        String page = LAYOUT;
        for (Map.Entry<String, String> value : values.entrySet()) {
            page = page.replace(value.getKey(), value.getValue());
        }
        this.html = page;
    }

    String html()
    {
        return html;
    }

    private static String read(String name)
    {
        try (InputStream in = DashboardPage.class.getClassLoader().getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing from the classpath: " + FOLDER + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
