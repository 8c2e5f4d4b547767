package org.formhaus.admin;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.formhaus.testing.HeadlessChrome;
import org.formhaus.testing.TeamMembers;
import org.formhaus.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Teams in a real browser (headless Chromium, issue 13): the owner creates an invitation link on the Team page, a
 * newcomer opens it and becomes an editor (who sees no settings), and a consultant joins with one click and switches
 * back to their own account. Screenshots of the team page, the join page and the accounts page go to
 * target/screenshots/.
 */
class InviteAndSwitchInBrowserIT {

    static final String KEY = "instance-key-for-the-browser";

    @Test
    void anOwnerInvitesANewcomerAndAConsultantJoinsAndSwitchesBack() throws Exception {
        try (TestServer server = TestServer.onMariaDb().with("provisioning.api.key", KEY).start();
             HeadlessChrome chrome = HeadlessChrome.start("de-DE")) {
            WebDriver browser = chrome.driver();
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
            wait.ignoring(StaleElementReferenceException.class);

            signIn(server, browser, wait, "admin@formhaus.local", TestServer.ADMIN_PASSWORD);
            browser.findElement(By.linkText("Team")).click();
            wait.until(d -> d.findElement(By.id("invite-form")));
            new Select(browser.findElement(By.id("invite-role"))).selectByValue("editor");
            browser.findElement(By.id("invite-note")).sendKeys("für Jana");
            browser.findElement(By.cssSelector("#invite-form button[type=submit]")).click();
            String link = wait.until(d -> d.findElement(By.id("invitation-link"))).getAttribute("value");
            assertTrue(link.contains("/admin/join/"), link);
            assertTrue(browser.findElement(By.id("invitations")).getText().contains("für Jana"));
            shot(chrome, "team-invitation.png");
            signOut(browser, wait);

            browser.get(link);
            wait.until(d -> d.findElement(By.id("join-invitation")));
            assertTrue(browser.findElement(By.id("join-invitation")).getText().contains("als Bearbeiter"),
                    browser.findElement(By.id("join-invitation")).getText());
            browser.findElement(By.id("name")).sendKeys("Jana Neu");
            browser.findElement(By.id("email")).sendKeys("jana@agentur.example");
            browser.findElement(By.id("password")).sendKeys("kurz");
            browser.findElement(By.id("join-submit")).click();
            wait.until(d -> d.findElement(By.id("join-error")).getText().contains("mindestens 12 Zeichen"));
            shot(chrome, "team-join.png");
            browser.findElement(By.id("password")).sendKeys(TeamMembers.PASSWORD);
            browser.findElement(By.id("name")).clear();
            browser.findElement(By.id("name")).sendKeys("Jana Neu");
            browser.findElement(By.id("join-submit")).click();
            wait.until(d -> d.findElement(By.id("current-account")));
            String header = browser.findElement(By.cssSelector("header.top")).getText();
            assertTrue(header.contains("jana@agentur.example") && header.contains("Bearbeiter"), header);
            assertFalse(header.contains("Einstellungen"), "an editor sees no settings: " + header);
            signOut(browser, wait);

            TeamMembers team = new TeamMembers(server);
            team.provisioned(KEY, "berater@consult.example");
            String consultantLink = team.invite(TestServer.ADMIN_TOKEN, "viewer");
            signIn(server, browser, wait, "berater@consult.example", TeamMembers.PASSWORD);
            browser.get(consultantLink);
            wait.until(d -> d.findElement(By.id("join-submit"))).click();
            wait.until(d -> d.findElement(By.id("current-account")).getText().contains("Formhaus"));
            browser.findElement(By.id("current-account")).click();
            wait.until(d -> d.findElement(By.id("accounts")));
            browser.findElement(By.cssSelector("#accounts button[type=submit]")).click();
            String switched = wait.until(d -> d.findElement(By.id("switched"))).getText();
            assertTrue(switched.contains("berater@consult.example"), switched);
            assertTrue(browser.findElement(By.id("current-account")).getText().contains("berater@consult.example"));
            shot(chrome, "team-accounts-switched.png");
        }
    }

    private static void signIn(TestServer server, WebDriver browser, WebDriverWait wait, String email, String password) {
        browser.get(server.uri("/admin/login").toString());
        wait.until(d -> d.findElement(By.id("email")));
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("button[type=submit].primary")).click();
        wait.until(d -> d.getCurrentUrl().endsWith("/admin"));
    }

    private static void signOut(WebDriver browser, WebDriverWait wait) {
        browser.findElement(By.cssSelector("form[action$='/admin/logout'] button")).click();
        wait.until(d -> d.getCurrentUrl().contains("/admin/login"));
    }

    private static void shot(HeadlessChrome chrome, String name) throws Exception {
        Path shot = Path.of("target", "screenshots", name);
        Files.createDirectories(shot.getParent());
        Files.write(shot, chrome.driver().getScreenshotAs(OutputType.BYTES));
    }
}
