package io.admitto.dashboards.testing;

import io.admitto.api.security.DemoUsers;
import io.admitto.api.security.Role;
import io.admitto.api.security.SessionCookie;
import io.admitto.api.testing.ApiClient;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * A headless Chromium on the dashboards, as a signed-in user sees them: opens pages, waits (bounded) until
 * a page has settled, reads what ECharts rendered, collects console errors, downloads exports into a
 * folder of its own and takes 1440×900 screenshots.
 */
public final class DashboardBrowser
        implements AutoCloseable
{
    public static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int WIDTH = 1440;
    private static final int HEIGHT = 900;

    private final ChromeDriver driver;
    private final URI server;
    private final Path downloads;

    public DashboardBrowser(Path profile, Path downloads, URI server)
    {
        this.driver = HeadlessChromium.start(profile);
        this.server = requireNonNull(server, "server is null");
        this.downloads = requireNonNull(downloads, "downloads is null");
        // The viewport itself at 1440×900 (a window size would include the browser's frame), and downloads allowed.
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", WIDTH, "height", HEIGHT, "deviceScaleFactor", 1, "mobile", false));
        driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toAbsolutePath().toString()));
    }

    public ChromeDriver driver()
    {
        return driver;
    }

    /** Signs in as the demo user of the role, as the login page would: the session cookie of a real login. */
    public void signInAs(Role role)
    {
        DemoUsers.DemoLogin login = DemoUsers.forRole(role);
        ApiClient api = new ApiClient(server);
        String token = api.json(api.login(login.name(), login.password())).get("token").asText();
        // Set through DevTools: no page has to be opened first to give the cookie its origin.
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.executeCdpCommand("Network.setCookie", Map.of("name", SessionCookie.NAME, "value", token, "url", server.resolve("/").toString(),
                "path", "/", "httpOnly", true, "sameSite", "Strict"));
    }

    /** Opens the path and waits until the page says it is ready or failed; returns which. */
    public String open(String pathAndQuery)
    {
        driver.get(server.resolve(pathAndQuery).toString());
        return awaitSettled();
    }

    /** Waits until body[data-state] is ready or error (a page still loading is not settled). */
    public String awaitSettled()
    {
        return new WebDriverWait(driver, TIMEOUT).until(browser -> {
            String state = browser.findElement(By.tagName("body")).getDomAttribute("data-state");
            return Set.of("ready", "error").contains(state) ? state : null;
        });
    }

    /** Polls, bounded, until the condition holds. */
    public void await(Supplier<Boolean> condition, String description)
    {
        new WebDriverWait(driver, TIMEOUT).withMessage(description).until(browser -> condition.get());
    }

    /** The series ECharts holds for the chart element: name, type and data as the page set them. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> series(String chartId)
    {
        return (List<Map<String, Object>>) driver.executeScript("""
                const chart = echarts.getInstanceByDom(document.getElementById(arguments[0]));
                if (!chart) { return null; }
                return chart.getOption().series.map(series => ({
                    name: series.name,
                    type: series.type,
                    data: series.data.map(point => point !== null && typeof point === 'object' && !Array.isArray(point) ? point.value : point)
                }));""", chartId);
    }

    public String text(String id)
    {
        return driver.findElement(By.id(id)).getText();
    }

    public WebElement element(By by)
    {
        return driver.findElement(by);
    }

    public String currentPathAndQuery()
    {
        URI current = URI.create(driver.getCurrentUrl());
        return current.getRawPath() + (current.getRawQuery() == null ? "" : "?" + current.getRawQuery());
    }

    /** Console messages at SEVERE (errors, failed requests) since the last call. */
    public List<String> severeConsoleMessages()
    {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    /** Clicks the button and returns the file it downloaded, waiting (bounded) for the download to complete. */
    public Path download(WebElement button, String extension)
    {
        Set<Path> before = downloadedFiles(extension);
        button.click();
        Path[] found = new Path[1];
        await(() -> {
            List<Path> fresh = downloadedFiles(extension).stream().filter(file -> !before.contains(file)).toList();
            found[0] = fresh.isEmpty() ? null : fresh.get(0);
            return found[0] != null;
        }, "a ." + extension + " download in " + downloads);
        return found[0];
    }

    /** Writes a screenshot of the viewport (1440×900) to the folder under the name. */
    public void screenshot(Path folder, String name)
    {
        try {
            Files.createDirectories(folder);
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Set<Path> downloadedFiles(String extension)
    {
        // Chromium writes into "<name>.crdownload" and renames when done: only finished files end in the extension.
        try (Stream<Path> files = Files.list(downloads)) {
            return Set.copyOf(files.filter(file -> file.getFileName().toString().endsWith("." + extension)).toList());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close()
    {
        driver.quit();
    }
}
