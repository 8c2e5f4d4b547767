package org.formhaus.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.formhaus.onoffice.ApiRight;
import org.formhaus.testing.Await;
import org.formhaus.testing.HeadlessChrome;
import org.formhaus.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The agency reads its leads in a real browser (headless Chromium, German): signs in, filters the submissions to the
 * failed one, opens it, retries it once onOffice works again (a right taken away, then granted), searches by name,
 * and downloads the CSV export, which is opened and checked (byte order mark, semicolon, neutralised formula,
 * umlauts). Screenshots of the list and the submission's page go to target/screenshots/.
 */
class SubmissionsJourneyIT {

    @Test
    void anAgencyFiltersOpensRetriesAFailedSubmissionAndExportsTheListAsCsvForExcel() throws Exception {
        Path downloads = Files.createTempDirectory("formhaus-downloads-");
        try (TestServer server = TestServer.onH2().start();
             HeadlessChrome chrome = HeadlessChrome.start("de-DE")) {
            server.adminJson("POST", "/admin/api/forms", SubmissionsWorkspaceIT.form("anfrage", ""));
            String joerg = submit(server, "Jörg Müller", "joerg.mueller@example.org", "=SUMME(1;2)");
            String eva = submit(server, "Eva", "eva@example.org", "Rückruf bitte");
            awaitStatus(server, joerg, "delivered");
            awaitStatus(server, eva, "delivered");
            server.simulator().right(ApiRight.WRITE_ADDRESSES, false);
            String failed = submit(server, "Fritz Fehler", "fritz@example.org", "geht nicht");
            awaitStatus(server, failed, "failed");

            WebDriver browser = chrome.driver();
            chrome.driver().executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow",
                    "downloadPath", downloads.toString()));
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            wait.ignoring(StaleElementReferenceException.class);
            browser.get(server.uri("/admin/submissions").toString());
            wait.until(d -> d.getCurrentUrl().contains("/admin/login"));
            browser.findElement(By.id("email")).sendKeys("admin@formhaus.local");
            browser.findElement(By.id("password")).sendKeys(TestServer.ADMIN_PASSWORD);
            browser.findElement(By.cssSelector("button[type=submit].primary")).click();
            wait.until(d -> d.getCurrentUrl().endsWith("/admin/submissions"));
            assertEquals(3, browser.findElements(By.cssSelector("#submissions tbody tr")).size());

            new Select(browser.findElement(By.id("form"))).selectByValue("anfrage");
            new Select(browser.findElement(By.id("status"))).selectByValue("failed");
            browser.findElement(By.cssSelector("form.filters button[type=submit]")).click();
            wait.until(d -> d.getCurrentUrl().contains("status=failed"));
            assertEquals(1, browser.findElements(By.cssSelector("#submissions tbody tr")).size());
            assertTrue(browser.findElement(By.id("row-" + failed)).getText().contains("Fritz Fehler"));
            shot(chrome, "submissions-list-failed.png");

            browser.findElement(By.cssSelector("#row-" + failed + " a")).click();
            wait.until(d -> d.getCurrentUrl().endsWith("/admin/submissions/" + failed));
            assertEquals("fehlgeschlagen", browser.findElement(By.id("status")).getText());
            assertTrue(browser.findElement(By.id("last-error")).getText().contains("Write addresses"));
            assertTrue(browser.findElement(By.id("values")).getText().contains("geht nicht"));
            shot(chrome, "submission-failed.png");

            server.simulator().right(ApiRight.WRITE_ADDRESSES, true);
            browser.findElement(By.id("retry")).click();
            wait.until(d -> d.getCurrentUrl().contains("retried=true"));
            wait.until(d -> {
                d.navigate().refresh();
                return d.findElement(By.id("status")).getText().equals("übertragen");
            });
            assertTrue(browser.findElement(By.id("records")).getText().contains("address"));
            assertTrue(browser.findElement(By.id("attempts")).getText().contains("Write addresses"),
                    "the failed attempt with its reason stays");
            shot(chrome, "submission-retried.png");

            browser.get(server.uri("/admin/submissions").toString());
            browser.findElement(By.id("q")).sendKeys("MÜLLER");
            browser.findElement(By.cssSelector("form.filters button[type=submit]")).click();
            wait.until(d -> d.getCurrentUrl().contains("q=M"));
            assertEquals(1, browser.findElements(By.cssSelector("#submissions tbody tr")).size());
            assertTrue(browser.findElement(By.id("row-" + joerg)).isDisplayed());

            browser.get(server.uri("/admin/submissions?form=anfrage").toString());
            shot(chrome, "submissions-list.png");
            browser.findElement(By.id("export-csv")).click();
            // Chromium reserves the file's name with an empty file at once and writes into a .crdownload beside it.
            Path csvFile = Await.until("the CSV download", Duration.ofSeconds(20), () -> {
                try (Stream<Path> files = Files.list(downloads)) {
                    List<Path> all = files.toList();
                    if (all.stream().anyMatch(p -> p.toString().endsWith(".crdownload"))) {
                        return null;
                    }
                    return all.stream().filter(p -> p.toString().endsWith(".csv") && p.toFile().length() > 0)
                            .findFirst().orElse(null);
                }
            });
            byte[] bytes = Files.readAllBytes(csvFile);
            assertEquals((byte) 0xEF, bytes[0]);
            assertEquals((byte) 0xBB, bytes[1]);
            assertEquals((byte) 0xBF, bytes[2]);
            String csv = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
            List<String> lines = csv.lines().toList();
            assertEquals("ID;Eingegangen;Formular;Status;Vorname;E-Mail;Nachricht", lines.get(0));
            assertEquals(4, lines.size(), csv);
            assertTrue(csv.contains(";übertragen;Jörg Müller;joerg.mueller@example.org;\"'=SUMME(1;2)\""), csv);
            assertTrue(csv.contains(";Eva;eva@example.org;Rückruf bitte"), csv);
        } finally {
            try (Stream<Path> files = Files.walk(downloads)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static String submit(TestServer server, String name, String email, String text) throws Exception {
        var reply = server.submitJson("anfrage", Map.of("vorname", List.of(name), "email", List.of(email), "text",
                List.of(text)));
        assertEquals(202, reply.statusCode(), reply.body());
        return JsonParser.parseString(reply.body()).getAsJsonObject().get("id").getAsString();
    }

    private static void awaitStatus(TestServer server, String id, String status) throws Exception {
        Await.until(id + " " + status, Duration.ofSeconds(20), () -> server.adminJson("GET",
                "/admin/api/submissions/" + id, null).getAsJsonObject().get("status").getAsString().equals(status)
                ? true : null);
    }

    private static void shot(HeadlessChrome chrome, String name) throws Exception {
        Path shot = Path.of("target", "screenshots", name);
        Files.createDirectories(shot.getParent());
        Files.write(shot, chrome.driver().getScreenshotAs(OutputType.BYTES));
    }
}
