package io.admitto.dashboards.page;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Finds ECharts in the {@code org.webjars:echarts} jar on the classpath. The version is read from the
 * webjar's own Maven metadata, so upgrading the dependency needs no code change.
 */
final class EchartsWebjar
{
    private static final String POM_PROPERTIES = "META-INF/maven/org.webjars/echarts/pom.properties";

    private EchartsWebjar() {}

    /** Classpath resource name of {@code echarts.min.js}. */
    static String minifiedScript()
    {
        try (InputStream input = EchartsWebjar.class.getClassLoader().getResourceAsStream(POM_PROPERTIES)) {
            if (input == null) {
                throw new IllegalStateException("The org.webjars:echarts jar is not on the classpath (" + POM_PROPERTIES + " not found)");
            }
            Properties properties = new Properties();
            properties.load(input);
            return "META-INF/resources/webjars/echarts/" + properties.getProperty("version") + "/echarts.min.js";
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + POM_PROPERTIES, e);
        }
    }
}
