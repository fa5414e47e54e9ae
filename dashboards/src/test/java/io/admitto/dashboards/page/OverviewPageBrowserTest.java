package io.admitto.dashboards.page;

import io.admitto.api.security.DemoUsers;
import io.admitto.api.security.Role;
import io.admitto.api.security.SecurityConfig;
import io.admitto.api.security.SessionCookie;
import io.admitto.api.server.ReportingServer;
import io.admitto.api.server.ReportingServerConfig;
import io.admitto.api.testing.ApiClient;
import io.admitto.api.testing.RegistrationFixtures;
import io.admitto.dashboards.DashboardsFeature;
import io.admitto.dashboards.testing.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The overview page as a person sees it: real Chromium, real server, real Parquet. Runs under plain
 * {@code mvn test}; fails (never skips) where Chromium is missing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class OverviewPageBrowserTest
{
    private static final Duration RENDER_TIMEOUT = Duration.ofSeconds(30);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** Hours from 2026-01-05T14:00Z to 2026-01-07T08:00Z, both included: the fixture's first and last hours. */
    private static final long FIXTURE_HOURS = 43;

    @TempDir
    Path temporary;

    private ChromeDriver browser;
    private ReportingServer server;

    @BeforeAll
    void startBrowser(@TempDir Path profile)
    {
        browser = HeadlessChromium.start(profile);
    }

    @AfterAll
    void stopBrowser()
    {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void discardEarlierConsoleMessages()
    {
        browser.manage().logs().get(LogType.BROWSER);
    }

    @AfterEach
    void stopServer()
    {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void drawsRegistrationsPerHourStackedByDepartmentWithTheMedianWait()
            throws IOException
    {
        Path warehouse = Files.createDirectories(temporary.resolve("warehouse-with-data"));
        RegistrationFixtures.writeTo(warehouse);
        startServer(warehouse);

        browser.get(server.uri().toString());

        assertThat(awaitSettledState()).isEqualTo("ready");
        List<Map<String, Object>> series = renderedSeries();
        assertThat(series).extracting(entry -> entry.get("name")).containsExactly(
                "Emergency (ED)", "Imaging (IMG)", "Surgery (SURG)", "Median wait (min, weighted across departments)");
        assertThat(series).extracting(entry -> entry.get("type")).containsExactly("bar", "bar", "bar", "line");
        assertThat(series).allSatisfy(entry -> assertThat(entry.get("points")).isEqualTo(FIXTURE_HOURS));
        assertThat(text("kpi-total")).isEqualTo("42");
        assertThat(text("kpi-busiest")).isEqualTo("ED · 37");
        assertThat(text("kpi-departments")).isEqualTo("3");
        assertThat(text("data-as-of")).isEqualTo("Data as of 7 Jan 2026, 09:00 UTC");
        assertThat(browser.findElement(By.id("empty-state")).isDisplayed()).isFalse();
        assertThat(severeConsoleMessages()).isEmpty();

        Files.createDirectories(SCREENSHOTS);
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve("overview.png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void appliesFiltersFromTheAddressAndShowsThemInTheForm()
            throws IOException
    {
        Path warehouse = Files.createDirectories(temporary.resolve("warehouse-filtered"));
        RegistrationFixtures.writeTo(warehouse);
        startServer(warehouse);

        browser.get(server.uri().resolve("/?facility=FAC01&department=ED&from=2026-01-05&to=2026-01-06").toString());

        assertThat(awaitSettledState()).isEqualTo("ready");
        assertThat(browser.findElement(By.id("filter-department")).getDomProperty("value")).isEqualTo("ED");
        assertThat(browser.findElement(By.id("filter-facility")).getDomProperty("value")).isEqualTo("FAC01");
        // FAC01 ED on Jan 5 14:00, 15:00 and Jan 6 00:00: eleven hours, and a true median for one department.
        List<Map<String, Object>> series = renderedSeries();
        assertThat(series).extracting(entry -> entry.get("name")).containsExactly("Emergency (ED)", "Median wait (min)");
        assertThat(series).allSatisfy(entry -> assertThat(entry.get("points")).isEqualTo(11L));
        assertThat(text("kpi-total")).isEqualTo("23");
        assertThat(severeConsoleMessages()).isEmpty();
    }

    @Test
    void saysSoWhenThereIsNoDataYet()
            throws IOException
    {
        startServer(Files.createDirectories(temporary.resolve("empty-warehouse")));

        browser.get(server.uri().toString());

        assertThat(awaitSettledState()).isEqualTo("empty");
        assertThat(browser.findElement(By.id("empty-state")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("registration-volume-chart")).isDisplayed()).isFalse();
        assertThat(text("kpi-total")).isEqualTo("0");
        assertThat(text("data-as-of")).isEqualTo("No data for these filters yet");
        assertThat(severeConsoleMessages()).isEmpty();
    }

    @Test
    void showsTheApisExplanationWhenAFilterIsRejected()
            throws IOException
    {
        startServer(Files.createDirectories(temporary.resolve("warehouse-for-bad-filter")));

        browser.get(server.uri().resolve("/?facility=FAC%2001").toString());

        assertThat(awaitSettledState()).isEqualTo("error");
        assertThat(browser.findElement(By.id("error")).isDisplayed()).isTrue();
        assertThat(text("error")).isEqualTo("facility must be 1 to 32 letters, digits, '_' or '-', got 'FAC 01'.");
    }

    private void startServer(Path warehouse)
    {
        server = new ReportingServer(new ReportingServerConfig("127.0.0.1", 0, warehouse).withSecurity(SecurityConfig.demo()),
                List.of(new DashboardsFeature()));
        server.start();
        signInAs(Role.LEADERSHIP);
    }

    /** Gives the browser the session cookie of a login, as the login page would (a public asset sets the cookie's origin). */
    private void signInAs(Role role)
    {
        DemoUsers.DemoLogin login = DemoUsers.forRole(role);
        ApiClient api = new ApiClient(server.uri());
        String token = api.json(api.login(login.name(), login.password())).get("token").asText();
        browser.get(server.uri().resolve("/assets/favicon.svg").toString());
        browser.manage().deleteAllCookies();
        browser.manage().addCookie(new Cookie.Builder(SessionCookie.NAME, token).path("/").isHttpOnly(true).sameSite("Strict").build());
        // The bare asset made Chromium look for /favicon.ico; that 404 is not the page's.
        browser.manage().logs().get(LogType.BROWSER);
    }

    /** Waits, bounded, until the page has finished loading one way or another, and says which way. */
    private String awaitSettledState()
    {
        return new WebDriverWait(browser, RENDER_TIMEOUT).until(driver -> {
            String state = driver.findElement(By.tagName("body")).getDomAttribute("data-state");
            return Set.of("ready", "empty", "error").contains(state) ? state : null;
        });
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> renderedSeries()
    {
        return (List<Map<String, Object>>) browser.executeScript("""
                const chart = echarts.getInstanceByDom(document.getElementById('registration-volume-chart'));
                return chart.getOption().series.map(series => ({name: series.name, type: series.type, points: series.data.length}));""");
    }

    private String text(String id)
    {
        return browser.findElement(By.id(id)).getText();
    }

    private List<String> severeConsoleMessages()
    {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }
}
