package io.admitto.dashboards.page;

import com.fasterxml.jackson.databind.JsonNode;
import io.admitto.api.audit.AuditLog;
import io.admitto.api.security.Role;
import io.admitto.api.testing.ApiClient;
import io.admitto.api.testing.JobWrittenWarehouse;
import io.admitto.dashboards.testing.DashboardBrowser;
import io.admitto.dashboards.testing.DashboardServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The five dashboards as their users see them: real Chromium, the real API with the dashboards, over a
 * warehouse the real jobs wrote (generator, Kafka, Flink, Parquet; generated once per test run). What a
 * chart drew is read from ECharts itself and compared with the API's JSON for the same filters. Fails,
 * never skips, where Chromium is missing.
 */
@ExtendWith(JobWrittenWarehouse.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class DashboardsBrowserTest
{
    private static final Logger log = LoggerFactory.getLogger(DashboardsBrowserTest.class);
    /** Wide enough to hold every day the generator wrote, so the page and the test ask the API the same thing. */
    private static final String PERIOD = "from=2026-01-01&to=2026-12-31";
    private static final List<String> FRONT_END = List.of("ELIGIBILITY", "REGISTRATION", "COORDINATION_OF_BENEFITS", "AUTHORIZATION", "MEDICAL_NECESSITY");
    private static final List<String> TILE_KPIS = List.of("registration_accuracy_rate", "registration_error_rate", "insurance_verification_rate",
            "pre_registration_rate", "pos_cash_collection_rate", "initial_denial_rate", "preventable_denial_share", "arrival_to_registration_p90");

    private DashboardServer server;
    private DashboardBrowser browser;
    private ApiClient leadership;
    private ApiClient reviewer;

    @BeforeAll
    void start(JobWrittenWarehouse.Warehouse warehouse, @TempDir Path profile, @TempDir Path downloads)
    {
        server = new DashboardServer(warehouse.root(), warehouse.newStateDirectory("dashboards"));
        browser = new DashboardBrowser(profile, downloads, server.uri());
        leadership = new ApiClient(server.uri()).loggedInAs(Role.LEADERSHIP);
        reviewer = new ApiClient(server.uri()).loggedInAs(Role.QA_REVIEWER);
    }

    @AfterAll
    void stop()
    {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void discardEarlierConsoleMessages()
    {
        browser.severeConsoleMessages();
    }

    @Test
    void leadershipOverviewDrawsEveryFigureTheApiGives()
    {
        browser.signInAs(Role.LEADERSHIP);
        assertThat(browser.open("/leadership?" + PERIOD)).isEqualTo("ready");
        assertThat(browser.severeConsoleMessages()).isEmpty();

        JsonNode kpis = api(leadership, "/api/kpis?" + PERIOD).get("kpis");
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        kpis.forEach(kpi -> byName.put(kpi.get("kpi").asText(), kpi));
        List<String> expectedTiles = TILE_KPIS.stream().filter(byName::containsKey).toList();
        assertThat(expectedTiles).contains("registration_accuracy_rate", "pos_cash_collection_rate");
        assertThat(browser.driver().findElements(By.cssSelector("#kpi-tiles .tile"))).extracting(tile -> tile.getDomAttribute("data-kpi"))
                .containsExactlyElementsOf(expectedTiles);
        for (String kpi : expectedTiles) {
            List<Object> sparkline = points(browser.series("spark-" + kpi).get(0));
            assertThat(sparkline).as(kpi + " sparkline").hasSize(byName.get(kpi).get("trend").size());
        }
        // Every tile explains itself: a definition reachable from a labelled control.
        assertThat(browser.element(By.cssSelector("[data-kpi='registration_accuracy_rate'] .tooltip")).getDomProperty("textContent"))
                .contains("no error or critical finding");

        JsonNode accuracy = byName.get("registration_accuracy_rate");
        List<Map<String, Object>> accuracySeries = browser.series("accuracy-chart");
        assertThat(accuracySeries).hasSize(1);
        assertThat(numbers(accuracySeries.get(0))).containsExactlyElementsOf(values(accuracy.get("trend"), "value"));

        JsonNode pos = byName.get("pos_cash_collection_rate");
        List<Map<String, Object>> posSeries = browser.series("pos-chart");
        assertThat(posSeries).extracting(series -> series.get("name"))
                .containsExactly("Collected at or before service", "All patient payments", "Expected at the 25 % target");
        assertThat(numbers(posSeries.get(0))).containsExactlyElementsOf(values(pos.get("trend"), "numerator"));
        assertThat(numbers(posSeries.get(1))).containsExactlyElementsOf(values(pos.get("trend"), "denominator"));

        JsonNode patterns = api(leadership, "/api/denials/patterns?window=DAY&" + PERIOD);
        Set<String> frontEndDays = new TreeSet<>();
        Set<String> frontEndCategories = new TreeSet<>();
        Set<String> payerCategories = new TreeSet<>();
        for (JsonNode row : patterns) {
            payerCategories.add(row.get("payerId").asText() + "|" + row.get("category").asText());
            if (row.get("frontEnd").asBoolean()) {
                frontEndDays.add(row.get("windowStart").asText().substring(0, 10));
                frontEndCategories.add(row.get("category").asText());
            }
        }
        assertThat(frontEndDays).isNotEmpty();
        List<Map<String, Object>> categorySeries = browser.series("denial-category-chart");
        assertThat(categorySeries).hasSize(frontEndCategories.size());
        assertThat(categorySeries).allSatisfy(series -> assertThat(points(series)).hasSize(frontEndDays.size()));
        double chartedDollars = categorySeries.stream().flatMap(series -> numbers(series).stream()).mapToDouble(Double::doubleValue).sum();
        double apiDollars = 0;
        for (JsonNode row : patterns) {
            apiDollars += row.get("frontEnd").asBoolean() ? row.get("deniedAmount").asDouble() : 0;
        }
        assertThat(chartedDollars).isCloseTo(apiDollars, within(0.01));
        assertThat(points(browser.series("patterns-chart").get(0))).hasSize(Math.min(10, payerCategories.size()));

        JsonNode heatmap = api(leadership, "/api/charts/wait-heatmap?" + PERIOD);
        long edCells = 0;
        for (JsonNode cell : heatmap) {
            edCells += cell.get("department").asText().equals("ED") ? 1 : 0;
        }
        assertThat(edCells).isPositive();
        assertThat(points(browser.series("wait-heatmap-chart").get(0))).hasSize((int) edCells);
        assertThat(browser.text("data-as-of")).startsWith("Data as of ");
    }

    @Test
    void leadershipOverviewWithoutFiltersRendersAndItsTimeIsLogged()
    {
        browser.signInAs(Role.LEADERSHIP);
        assertThat(browser.open("/leadership")).isEqualTo("ready");
        assertThat(browser.severeConsoleMessages()).isEmpty();
        // Logged, not asserted: a timed assertion would fail on a busy machine rather than on a slow page.
        log.info("Leadership overview fully rendered {} ms after navigation start (performance.now(), every chart 'finished')",
                browser.element(By.tagName("body")).getDomAttribute("data-render-ms"));
        assertThat(browser.element(By.tagName("body")).getDomAttribute("data-render-ms")).matches("\\d+");
        assertThat(browser.driver().findElements(By.cssSelector("#kpi-tiles .tile"))).isNotEmpty();
        browser.screenshot(DashboardServer.screenshotFolder(), "leadership.png");
    }

    @Test
    void changingAFilterChangesTheDataAndTheAddress()
    {
        browser.signInAs(Role.LEADERSHIP);
        assertThat(browser.open("/wait-times?" + PERIOD)).isEqualTo("ready");
        JsonNode all = api(leadership, "/api/wait-times?phase=arrival_to_registration&" + PERIOD);
        assertThat(browser.series("wait-percentile-chart")).extracting(series -> series.get("name"))
                .hasSize(departments(all).size())
                .contains("Emergency (ED)");
        assertThat(browser.series("wait-percentile-chart")).allSatisfy(series -> assertThat(points(series)).hasSize(24));

        new Select(browser.element(By.id("filter-department"))).selectByValue("ED");
        browser.element(By.cssSelector("#filters button[type='submit']")).click();
        browser.await(() -> browser.currentPathAndQuery().contains("department=ED") && "ready".equals(browser.awaitSettled())
                && browser.series("wait-percentile-chart").size() == 1, "the ED view");

        assertThat(browser.currentPathAndQuery()).contains("department=ED", "from=2026-01-01");
        JsonNode emergency = api(leadership, "/api/wait-times?phase=arrival_to_registration&department=ED&" + PERIOD);
        Double[] p90Minutes = new Double[24];
        for (JsonNode cell : emergency) {
            p90Minutes[cell.get("hourOfDay").asInt()] = Math.round(cell.get("p90Seconds").asDouble() / 6) / 10.0;
        }
        List<Map<String, Object>> shown = browser.series("wait-percentile-chart");
        assertThat(shown.get(0).get("name")).isEqualTo("Emergency (ED)");
        assertThat(numbersOrNull(shown.get(0))).containsExactly(p90Minutes);
        assertThat(browser.severeConsoleMessages()).isEmpty();

        // The address alone gives the same view: a shared link.
        assertThat(browser.open(browser.currentPathAndQuery())).isEqualTo("ready");
        assertThat(browser.element(By.id("filter-department")).getDomProperty("value")).isEqualTo("ED");
        assertThat(numbersOrNull(browser.series("wait-percentile-chart").get(0))).containsExactly(p90Minutes);
        browser.screenshot(DashboardServer.screenshotFolder(), "wait-times.png");
    }

    @Test
    void csvExportHoldsWhatTheApiAnswered()
            throws IOException
    {
        browser.signInAs(Role.LEADERSHIP);
        assertThat(browser.open("/scorecards?" + PERIOD)).isEqualTo("ready");
        JsonNode report = api(leadership, "/api/quality/registrars?" + PERIOD);
        assertThat(report.get("registrars").size()).isGreaterThan(3);
        assertThat(points(browser.series("accuracy-rate-chart").get(0))).hasSize(report.get("registrars").size());
        assertThat(points(browser.series("error-rate-chart").get(0))).hasSize(report.get("registrars").size());

        Path csv = browser.download(browser.element(By.cssSelector("#accuracy-rate-chart")).findElement(By.xpath("ancestor::section"))
                .findElement(By.cssSelector("button[data-export='csv']")), "csv");
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("facility,registrar,registrations,clean_registrations,errors,warnings,error_rate,accuracy_rate,meets_accuracy_target");
        Set<String> exported = new TreeSet<>();
        lines.subList(1, lines.size()).forEach(line -> exported.add(normalized(line)));
        Set<String> answered = new TreeSet<>();
        for (JsonNode registrar : report.get("registrars")) {
            answered.add(normalized(String.join(",", registrar.get("facilityId").asText(), registrar.get("registrarId").isNull() ? "" : registrar.get("registrarId").asText(),
                    registrar.get("registrations").asText(), registrar.get("cleanRegistrations").asText(), registrar.get("errors").asText(),
                    registrar.get("warnings").asText(), registrar.get("errorRate").asText(), registrar.get("accuracyRate").asText(),
                    registrar.get("meetsAccuracyTarget").asText())));
        }
        assertThat(exported).isEqualTo(answered);

        Path png = browser.download(browser.element(By.cssSelector("#findings-chart")).findElement(By.xpath("ancestor::section"))
                .findElement(By.cssSelector("button[data-export='png']")), "png");
        byte[] image = Files.readAllBytes(png);
        assertThat(image).startsWith(0x89, 'P', 'N', 'G');
        assertThat(browser.severeConsoleMessages()).isEmpty();
        browser.screenshot(DashboardServer.screenshotFolder(), "scorecards.png");
    }

    @Test
    void aDecisionMadeFromTheKeyboardInTheQueueIsRecordedByTheApi()
    {
        browser.signInAs(Role.QA_REVIEWER);
        assertThat(browser.open("/queue?" + PERIOD)).isEqualTo("ready");
        JsonNode queue = api(reviewer, "/api/queue?size=25&" + PERIOD);
        assertThat(queue.get("total").asLong()).isGreaterThan(1);
        List<String> expectedOrder = new ArrayList<>();
        queue.get("items").forEach(item -> expectedOrder.add(item.get("encounterId").asText()));
        assertThat(browser.driver().findElements(By.cssSelector("#queue-rows tr"))).extracting(row -> row.getDomAttribute("data-encounter"))
                .containsExactlyElementsOf(expectedOrder);

        // Down to the second registration and open it, all from the keyboard.
        browser.driver().findElements(By.cssSelector("#queue-rows tr")).get(0).click();
        browser.await(() -> browser.currentPathAndQuery().contains("encounter=" + expectedOrder.get(0)), "the first detail");
        browser.awaitSettled();
        new Actions(browser.driver()).sendKeys(Keys.ARROW_DOWN).sendKeys(Keys.ENTER).perform();
        String encounter = expectedOrder.get(1);
        browser.await(() -> browser.currentPathAndQuery().contains("encounter=" + encounter), "the second detail");
        browser.await(() -> !browser.driver().findElements(By.cssSelector("#decision-form[aria-label='Decision on " + encounter + "']")).isEmpty(), "its decision form");

        JsonNode detail = api(reviewer, "/api/queue/" + encounter);
        assertThat(browser.driver().findElements(By.cssSelector("#detail-findings .finding"))).hasSize(detail.get("findings").size());
        String remediation = detail.get("explanations").get(0).get("remediation").asText();
        assertThat(browser.text("detail-findings")).contains(remediation);
        browser.screenshot(DashboardServer.screenshotFolder(), "queue.png");

        WebElement falsePositive = browser.element(By.cssSelector("#decision-form input[value='false_positive']"));
        falsePositive.click();
        WebElement note = browser.element(By.id("decision-note"));
        note.sendKeys("Checked the card: the member id is right.");
        new Actions(browser.driver()).keyDown(Keys.CONTROL).sendKeys(Keys.ENTER).keyUp(Keys.CONTROL).perform();
        browser.await(() -> browser.text("decision-status").startsWith("Saved: false_positive"), "the saved decision");

        JsonNode after = api(reviewer, "/api/queue/" + encounter);
        JsonNode latest = after.get("history").get(after.get("history").size() - 1);
        assertThat(latest.get("decision").asText()).isEqualTo("false_positive");
        assertThat(latest.get("reviewer").asText()).isEqualTo("qa");
        assertThat(latest.get("note").asText()).isEqualTo("Checked the card: the member id is right.");
        assertThat(after.get("item").get("status").asText()).isEqualTo("decided");
        assertThat(server.auditRecords()).extracting(AuditLog.AuditRecord::action, AuditLog.AuditRecord::encounterId)
                .contains(org.assertj.core.groups.Tuple.tuple("review_decision", encounter));
        assertThat(browser.severeConsoleMessages()).isEmpty();
    }

    @Test
    void leadershipCannotOpenTheQaDetailView()
    {
        JsonNode flagged = api(reviewer, "/api/queue?size=1").get("items").get(0);
        String encounter = flagged.get("encounterId").asText();
        String mrn = api(reviewer, "/api/queue/" + encounter).get("patient").get("mrn").asText();
        int auditedBefore = server.auditRecords().size();

        browser.signInAs(Role.LEADERSHIP);
        assertThat(browser.open("/queue?encounter=" + URLEncoder.encode(encounter, StandardCharsets.UTF_8))).isEqualTo("ready");

        assertThat(browser.element(By.id("queue-refused")).isDisplayed()).isTrue();
        assertThat(browser.text("queue-refused")).contains("for QA reviewers", "lead (leadership)");
        assertThat(browser.driver().getPageSource()).doesNotContain(mrn);
        assertThat(browser.driver().findElements(By.cssSelector("#site-nav a[href='/queue']")).get(0).isDisplayed()).isFalse();
        // Not only hidden: the browser's own session is refused the detail by the API.
        Object status = browser.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/api/queue/' + encodeURIComponent(arguments[0]), {credentials: 'same-origin'}).then(response => done(response.status));""", encounter);
        assertThat(status).isEqualTo(403L);
        assertThat(leadership.get("/api/queue/" + encounter).statusCode()).isEqualTo(403);
        assertThat(server.auditRecords()).hasSize(auditedBefore);
    }

    @Test
    void denialsDrillDownFromPayerToRegistrationsForQaOnly()
    {
        browser.signInAs(Role.QA_REVIEWER);
        assertThat(browser.open("/denials?" + PERIOD)).isEqualTo("ready");
        JsonNode payers = api(reviewer, "/api/charts/denial-breakdown?level=payer&" + PERIOD).get("groups");
        assertThat(payers.size()).isPositive();
        assertThat(browser.series("denial-drill-chart")).hasSize(3).allSatisfy(series -> assertThat(points(series)).hasSize(payers.size()));
        String payer = payers.get(0).get("key").asText();
        // Caught + missed + not front-end adds up to the payer's denied dollars.
        double stacked = browser.series("denial-drill-chart").stream().mapToDouble(series -> numbers(series).get(0)).sum();
        assertThat(stacked).isCloseTo(payers.get(0).get("amount").asDouble(), within(0.01));

        browser.element(By.cssSelector("#drill-rows tr[data-key='" + payer + "'] button")).click();
        browser.await(() -> browser.currentPathAndQuery().contains("payer=" + payer), "the payer level");
        assertThat(browser.awaitSettled()).isEqualTo("ready");
        JsonNode categories = api(reviewer, "/api/charts/denial-breakdown?level=category&payer=" + payer + "&" + PERIOD).get("groups");
        browser.await(() -> points(browser.series("denial-drill-chart").get(0)).size() == categories.size(), "the category bars");
        String category = categories.get(0).get("key").asText();

        browser.element(By.cssSelector("#drill-rows tr[data-key='" + category + "'] button")).click();
        browser.await(() -> browser.currentPathAndQuery().contains("category=" + category), "the category level");
        assertThat(browser.awaitSettled()).isEqualTo("ready");
        JsonNode carcs = api(reviewer, "/api/charts/denial-breakdown?level=carc&payer=" + payer + "&category=" + category + "&" + PERIOD).get("groups");
        browser.await(() -> points(browser.series("denial-drill-chart").get(0)).size() == carcs.size(), "the CARC bars");
        String carc = carcs.get(0).get("key").asText();

        browser.element(By.cssSelector("#drill-rows tr[data-key='" + carc + "'] button")).click();
        browser.await(() -> browser.currentPathAndQuery().contains("carc=" + carc), "the registrations level");
        assertThat(browser.awaitSettled()).isEqualTo("ready");
        long denials = carcs.get(0).get("denials").asLong();
        browser.await(() -> browser.driver().findElements(By.cssSelector("#registrations-rows tr")).size() == Math.min(100, denials), "the registrations");
        assertThat(browser.severeConsoleMessages()).isEmpty();
        browser.screenshot(DashboardServer.screenshotFolder(), "denials.png");

        // Leadership sees the same levels but not the registrations, and the API refuses them too.
        String drilled = browser.currentPathAndQuery();
        browser.signInAs(Role.LEADERSHIP);
        assertThat(browser.open(drilled)).isEqualTo("ready");
        assertThat(browser.driver().findElements(By.cssSelector("#registrations-rows tr"))).isEmpty();
        assertThat(browser.text("registrations-note")).contains("for QA reviewers");
        assertThat(leadership.get("/api/charts/denial-breakdown/registrations?payer=" + payer + "&category=" + category + "&carc=" + carc).statusCode())
                .isEqualTo(403);
    }

    @Test
    void everyPageLoadsWithoutConsoleErrorsForEachRole()
    {
        for (Role role : List.of(Role.QA_REVIEWER, Role.LEADERSHIP, Role.ANALYST)) {
            browser.signInAs(role);
            for (String page : List.of("/leadership", "/queue", "/denials", "/wait-times", "/scorecards", "/")) {
                String state = browser.open(page);
                assertThat(state).as(page + " as " + role).isEqualTo("ready");
                assertThat(browser.severeConsoleMessages()).as(page + " as " + role).isEmpty();
            }
        }
    }

    /** JSON and JavaScript write the same number differently (1.0, 1): compare numbers as numbers. */
    private static String normalized(String csvLine)
    {
        List<String> fields = new ArrayList<>();
        for (String field : csvLine.split(",", -1)) {
            fields.add(field.matches("-?\\d+(\\.\\d+)?([eE]-?\\d+)?") ? new BigDecimal(field).stripTrailingZeros().toPlainString() : field);
        }
        return String.join(",", fields);
    }

    private static JsonNode api(ApiClient client, String pathAndQuery)
    {
        var response = client.get(pathAndQuery);
        assertThat(response.statusCode()).as(pathAndQuery + ": " + response.body()).isEqualTo(200);
        return client.json(response);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> points(Map<String, Object> series)
    {
        return (List<Object>) series.get("data");
    }

    private static List<Double> numbers(Map<String, Object> series)
    {
        return points(series).stream().map(point -> ((Number) point).doubleValue()).toList();
    }

    private static Double[] numbersOrNull(Map<String, Object> series)
    {
        return points(series).stream().map(point -> point == null ? null : ((Number) point).doubleValue()).toArray(Double[]::new);
    }

    private static List<Double> values(JsonNode trend, String field)
    {
        List<Double> values = new ArrayList<>();
        trend.forEach(point -> values.add(point.get(field).asDouble()));
        return values;
    }

    private static Set<String> departments(JsonNode cells)
    {
        Set<String> departments = new TreeSet<>();
        cells.forEach(cell -> departments.add(cell.get("department").asText()));
        return departments;
    }
}
