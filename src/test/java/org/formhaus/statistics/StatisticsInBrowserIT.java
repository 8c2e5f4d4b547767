package org.formhaus.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.formhaus.testing.Await;
import org.formhaus.testing.HeadlessChrome;
import org.formhaus.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The statistics of a three-step form after real visits in Chromium: one visitor only looks, one starts and gives up
 * on step 2, one walks every step and sends the form. The admin's statistics page then shows the chart with these
 * figures in its tables (checked cell by cell). A screenshot is kept in target/screenshots/statistics.png.
 */
class StatisticsInBrowserIT {

    private static final String PAGE = "https://www.agentur.example/angebote?ref=mail";
    private static final String QUERY = "?fh_page=" + URLEncoder.encode(PAGE, StandardCharsets.UTF_8)
            + "&utm_source=newsletter&utm_campaign=herbst";

    @Test
    void visitsInTheBrowserShowUpInTheStatisticsPage() throws Exception {
        try (TestServer server = TestServer.onH2().start();
             HeadlessChrome chrome = HeadlessChrome.start("en-US")) {
            server.adminJson("POST", "/admin/api/forms", StatisticsIT.FORM.formatted("drei"));
            WebDriver browser = chrome.driver();
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
            String form = server.uri("/f/drei" + QUERY).toString();

            browser.get(form); // only looks
            browser.get(form); // starts, reaches step 2, leaves
            browser.findElement(By.id("fh-vorname")).sendKeys("Anna");
            browser.findElement(By.cssSelector("[data-fh-next]")).click();
            wait.until(d -> d.findElement(By.id("fh-email")).isDisplayed());
            awaitFigures(server, "starts", 1);
            // another visitor: the tab's kept entries (form.js restores them and their step on a reload) are not theirs
            ((JavascriptExecutor) browser).executeScript("sessionStorage.clear()");
            browser.get(form); // walks every step and sends
            browser.findElement(By.id("fh-vorname")).sendKeys("Berta");
            browser.findElement(By.cssSelector("[data-fh-next]")).click();
            wait.until(d -> d.findElement(By.id("fh-email")).isDisplayed());
            browser.findElement(By.id("fh-email")).sendKeys("berta@example.org");
            browser.findElement(By.cssSelector("[data-fh-next]")).click();
            wait.until(d -> d.findElement(By.id("fh-text")).isDisplayed());
            browser.findElement(By.id("fh-text")).sendKeys("Guten Tag");
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            wait.until(d -> d.getCurrentUrl().contains("/f/drei/thanks"));
            awaitFigures(server, "starts", 2);

            browser.get(server.uri("/admin/statistics/drei?days=7").toString());
            wait.until(d -> d.getCurrentUrl().contains("/admin/login"));
            browser.findElement(By.id("email")).sendKeys("admin@formhaus.local");
            browser.findElement(By.id("password")).sendKeys(TestServer.ADMIN_PASSWORD);
            browser.findElement(By.cssSelector("button[type=submit].primary")).click();
            wait.until(d -> d.getCurrentUrl().contains("/admin/statistics/drei"));
            browser.findElement(By.linkText("Last 7 days")).click();
            wait.until(d -> d.getCurrentUrl().endsWith("/admin/statistics/drei?days=7"));

            assertEquals("3", text(browser, "#total-views"));
            assertEquals("2", text(browser, "#total-starts"));
            assertEquals("1", text(browser, "#total-submissions"));
            assertEquals("33.3 %", text(browser, "#total-conversion"));
            // Today is the first row (newest first): day, views, starts, submissions, spam.
            assertEquals(List.of("3", "2", "1", "0"), cells(browser, "#daily-table tbody tr:first-child td"));
            assertEquals(7, browser.findElements(By.cssSelector("#daily-table tbody tr")).size());
            assertEquals(List.of("Form shown", "Started filling in", "Reached step 2", "Reached step 3", "Sent"),
                    cells(browser, "#funnel-table tbody th"));
            assertEquals(List.of("3", "2", "2", "1", "1"), cells(browser, "#funnel-table tbody td:nth-of-type(1)"));
            assertEquals(List.of("0", "1", "0", "1", "0"), cells(browser, "#funnel-table tbody td:nth-of-type(2)"));
            WebElement page = browser.findElement(By.cssSelector("#source-page tbody tr:first-child"));
            assertEquals("https://www.agentur.example/angebote 3 2 1 33.3 %", page.getText(),
                    "the page without its query");
            assertEquals("herbst 3 2 1 33.3 %",
                    browser.findElement(By.cssSelector("#source-utm_campaign tbody tr:first-child")).getText());
            WebElement chart = browser.findElement(By.cssSelector("#stats-daily ~ .stats-pair svg[role=img]"));
            assertTrue(chart.getAttribute("aria-label").startsWith("Line chart"), chart.getAttribute("aria-label"));
            assertEquals(3, chart.findElements(By.tagName("polyline")).size());

            browser.manage().window().setSize(new Dimension(1280, 2900));
            Path shot = Path.of("target", "screenshots", "statistics.png");
            Files.createDirectories(shot.getParent());
            Files.write(shot, chrome.driver().getScreenshotAs(OutputType.BYTES));
        }
    }

    /** Beacons are sent in the background: waits until the API has them. */
    private static void awaitFigures(TestServer server, String figure, long expected) throws Exception {
        Await.until(figure + " = " + expected, Duration.ofSeconds(15), () -> {
            JsonObject totals = server.adminJson("GET", "/admin/api/statistics/drei?days=7", null).getAsJsonObject()
                    .getAsJsonObject("totals");
            return totals.get(figure).getAsLong() == expected ? true : null;
        });
    }

    private static String text(WebDriver browser, String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private static List<String> cells(WebDriver browser, String css) {
        return browser.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }
}
