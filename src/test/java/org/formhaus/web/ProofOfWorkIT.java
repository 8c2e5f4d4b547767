package org.formhaus.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.formhaus.testing.Await;
import org.formhaus.testing.HeadlessChrome;
import org.formhaus.testing.TestForms;
import org.formhaus.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * Floods never refuse a real visitor: above a form's threshold (here 2 a minute) a submission is asked for a proof of
 * work (428 with a challenge, not 429) and accepted with a valid solution; a replayed or forged one is refused. A form
 * may ask always ({@code protection.proofOfWork}). In Chromium, form.js solves it without the visitor doing anything.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProofOfWorkIT {

    @RegisterExtension
    final TestServer server = TestServer.onH2().with("ratelimit.form.submissions.per.minute", "2").perTestClass();

    @BeforeAll
    void forms() throws Exception {
        server.adminJson("POST", "/admin/api/forms", TestForms.contact("flooded"));
        server.adminJson("POST", "/admin/api/forms", TestForms.contact("flooded-browser"));
        server.adminJson("POST", "/admin/api/forms", alwaysAsks("always"));
    }

    static String alwaysAsks(String key) {
        JsonObject form = JsonParser.parseString(TestForms.contact(key)).getAsJsonObject();
        form.add("protection", JsonParser.parseString("{\"proofOfWork\": true}"));
        return form.toString();
    }

    static Map<String, List<String>> entry(String email, String solution) {
        Map<String, List<String>> e = new HashMap<>(ContactFormEndToEnd.entry(email));
        if (solution != null) {
            e.put("_fh_pow", List.of(solution));
        }
        return e;
    }

    @Test
    void aboveTheThresholdASubmissionIsAskedForAProofOfWorkNot429AndAcceptedWithIt() throws Exception {
        for (int i = 0; i < 2; i++) {
            assertEquals(202, server.submitJson("flooded", entry("early" + i + "@example.org", null)).statusCode());
        }
        HttpResponse<String> asked = server.submitJson("flooded", entry("real.visitor@example.org", null));
        assertEquals(428, asked.statusCode(), asked.body());
        JsonObject body = JsonParser.parseString(asked.body()).getAsJsonObject();
        assertTrue(body.getAsJsonObject("errors").has("_fh_pow"), asked.body());
        String solution = ProofOfWorkTest.solve(body.getAsJsonObject("proofOfWork"));

        HttpResponse<String> accepted = server.submitJson("flooded", entry("real.visitor@example.org", solution));
        assertEquals(202, accepted.statusCode(), accepted.body());

        HttpResponse<String> replayed = server.submitJson("flooded", entry("bot@example.org", solution));
        assertEquals(400, replayed.statusCode(), replayed.body());
        assertTrue(replayed.body().contains("proofOfWork"), "a new challenge comes with it: " + replayed.body());

        JsonObject fresh = JsonParser.parseString(replayed.body()).getAsJsonObject().getAsJsonObject("proofOfWork");
        JsonObject forged = fresh.deepCopy();
        forged.addProperty("signature", "AAAA" + fresh.get("signature").getAsString().substring(4));
        HttpResponse<String> refused = server.submitJson("flooded", entry("bot@example.org",
                ProofOfWorkTest.solve(forged)));
        assertEquals(400, refused.statusCode(), refused.body());
    }

    @Test
    void aFormThatAlwaysAsksWantsAProofEvenWithoutAFloodAndUnknownProtectionKeysAreRefused() throws Exception {
        HttpResponse<String> asked = server.submitJson("always", entry("always@example.org", null));
        assertEquals(428, asked.statusCode(), asked.body());
        JsonObject challenge = JsonParser.parseString(server.get("/f/always/challenge").body()).getAsJsonObject();
        assertEquals(202, server.submitJson("always", entry("always@example.org",
                ProofOfWorkTest.solve(challenge))).statusCode());

        JsonObject form = JsonParser.parseString(TestForms.contact("captcha")).getAsJsonObject();
        form.add("protection", JsonParser.parseString("{\"captcha\": true}"));
        HttpResponse<String> refused = server.admin("POST", "/admin/api/forms", form.toString());
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("protection.captcha"), refused.body());
    }

    @Test
    void inChromiumFormJsSolvesItWithoutTheVisitorNoticing() throws Exception {
        for (int i = 0; i < 3; i++) { // the flood: the threshold is reached
            server.submitJson("flooded-browser", entry("flood" + i + "@example.org", null));
        }
        try (HeadlessChrome chrome = HeadlessChrome.start("de")) {
            WebDriver browser = chrome.driver();
            for (String key : List.of("flooded-browser", "always")) {
                browser.get(server.uri("/f/" + key).toString());
                browser.findElement(By.id("fh-vorname")).sendKeys("Pia");
                browser.findElement(By.id("fh-email")).sendKeys("pia." + key + "@example.org");
                browser.findElement(By.id("fh-dsgvo")).click();
                browser.findElement(By.cssSelector("button[type=submit]")).click();
                Await.until(key + "'s thank-you page", Duration.ofSeconds(30),
                        () -> browser.getCurrentUrl().contains("/f/" + key + "/thanks") ? true : null);
            }
            // The difficulty: the average solution tries half of ProofOfWork.MAX_NUMBER digests.
            Object ms = ((org.openqa.selenium.JavascriptExecutor) browser).executeAsyncScript("""
                    var done = arguments[arguments.length - 1];
                    var encoder = new TextEncoder(), t0 = performance.now();
                    (async function () {
                      for (var n = 0; n < %d; n++) await crypto.subtle.digest("SHA-256", encoder.encode("salt" + n));
                      done(performance.now() - t0);
                    })();""".formatted(ProofOfWork.MAX_NUMBER / 2));
            System.out.println("Proof of work: " + ProofOfWork.MAX_NUMBER / 2 + " SHA-256 digests (the average "
                    + "solution) took " + Math.round(((Number) ms).doubleValue()) + " ms in headless Chromium");
        }
    }
}
