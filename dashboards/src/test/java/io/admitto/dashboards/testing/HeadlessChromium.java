package io.admitto.dashboards.testing;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Level;

/**
 * Starts the system's Chromium (Debian's {@code chromium} and {@code chromium-driver} packages) headless,
 * with the driver path given so Selenium never tries to download a browser or driver. Paths can be
 * overridden with {@code -Dchromium.binary=...} and {@code -Dchromedriver.binary=...}.
 */
public final class HeadlessChromium
{
    private static final String INSTALL_HINT = "the browser tests need Chromium and its driver: apt-get install -y chromium chromium-driver";

    private HeadlessChromium() {}

    /**
     * @param profile an empty folder for the browser profile, so no state leaks between runs
     * @throws AssertionError if Chromium or chromedriver is missing: these tests fail rather than skip
     */
    public static ChromeDriver start(Path profile)
    {
        Path browser = executable("chromium.binary", "/usr/bin/chromium");
        Path driver = executable("chromedriver.binary", "/usr/bin/chromedriver");

        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        ChromeOptions options = new ChromeOptions()
                .setBinary(browser.toFile())
                .addArguments(
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--window-size=1440,900",
                        "--user-data-dir=" + profile.toAbsolutePath());
        options.setCapability("goog:loggingPrefs", logging);

        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.toFile())
                .usingAnyFreePort()
                .withTimeout(Duration.ofSeconds(60))
                .build();
        return new ChromeDriver(service, options);
    }

    private static Path executable(String property, String defaultPath)
    {
        Path path = Path.of(System.getProperty(property, defaultPath));
        if (!Files.isExecutable(path)) {
            throw new AssertionError(path + " is not an executable file; " + INSTALL_HINT
                    + " (or point -D" + property + "=" + File.separator + "... at it)");
        }
        return path;
    }
}
