package org.formhaus.marketplace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.formhaus.onoffice.OnOfficeCredentials;
import org.formhaus.storage.Account;
import org.formhaus.storage.MarketplaceStore;
import org.formhaus.storage.SecurityEventStore;
import org.formhaus.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The onOffice Marketplace activation over real HTTP on MariaDB, against the in-process simulator whose API user stands
 * for the marketplace API user onOffice creates (its token arrives in the URL, its secret is the API key).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MarketplaceActivationIT {

    static final String PROVIDER_SECRET = "providersecret";
    static final Pattern STATE = Pattern.compile("name=\"state\" value=\"([^\"]+)\"");

    @RegisterExtension
    final TestServer server = TestServer.onMariaDb()
            .with("marketplace.provider.secret", PROVIDER_SECRET)
            .with("marketplace.timestamp.window.seconds", "300")
            .perTestClass();

    MarketplaceStore store;

    @BeforeAll
    void start() throws Exception {
        store = new MarketplaceStore(server.app().database());
    }

    @Test
    void aSignedActivationUnlocksAndCreatesTheCustomersAccount() throws Exception {
        HttpResponse<String> page = server.get(activationUrl(params("4711", "Muster Immobilien", "CLAIM-1"), true));
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("API-Key"));
        assertTrue(page.body().matches("(?s).*<button id=\"unlock\" type=\"submit\" class=\"primary\" disabled>.*"),
                "disabled until the privacy policy is accepted");
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElseThrow()
                .contains("frame-ancestors https://*.onoffice.de"));
        assertEquals("no-referrer", page.headers().firstValue("Referrer-Policy").orElseThrow());

        HttpResponse<String> unlocked = unlock(Map.of("state", List.of(state(page)),
                "secret", List.of(TestServer.SIM_SECRET), "token", List.of(TestServer.SIM_TOKEN),
                "extendedClaim", List.of("CLAIM-1")));
        assertEquals(200, unlocked.statusCode(), unlocked.body());
        assertEquals("active", unlocked.body());

        long accountId = store.accountOf("4711").orElseThrow();
        Account account = server.app().accounts().find(accountId).orElseThrow();
        assertEquals("Muster Immobilien", account.name());
        assertEquals(TestServer.SIM_TOKEN, account.onOffice().token());
        assertEquals(TestServer.SIM_SECRET, account.onOffice().secret());
        assertTrue(account.onOffice().url().endsWith("/sandbox/onoffice/api/stable/api.php"));
        assertEquals("CLAIM-1", store.claim("4711", "17").orElseThrow());
        assertTrue(new SecurityEventStore(server.app().database()).recent(accountId, 10).stream().anyMatch(e ->
                e.kind().equals("onoffice-settings-changed") && e.detail().contains("Marketplace activation")),
                "the new credentials are a security event of the account");
        String requests = server.simulator().requests().toString();
        assertTrue(requests.contains("unlockProvider") && requests.contains("CLAIM-1"), requests);

        // Activating again (another user, newer claim) updates the same account.
        Map<String, String> otherUser = params("4711", "Muster Immobilien GmbH", "CLAIM-2");
        otherUser.put("userId", "18");
        HttpResponse<String> again = server.get(activationUrl(otherUser, true));
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(200, unlock(Map.of("state", List.of(state(again)),
                "secret", List.of(TestServer.SIM_SECRET))).statusCode());
        assertEquals(accountId, store.accountOf("4711").orElseThrow());
        assertEquals("Muster Immobilien GmbH", server.app().accounts().find(accountId).orElseThrow().name());
        assertEquals("CLAIM-2", store.claim("4711", "18").orElseThrow());
    }

    @Test
    void aBadSignatureShowsAnErrorPage() throws Exception {
        String url = activationUrl(params("4712", "Fremd", "CLAIM"), true).replace("customerWebId=4712",
                "customerWebId=9999");
        HttpResponse<String> page = server.get(url);
        assertEquals(403, page.statusCode());
        assertTrue(page.body().contains("signature"), page.body());
        assertFalse(page.body().contains("name=\"state\""));
        assertEquals(403, server.get(activationUrl(params("4712", "Fremd", "CLAIM"), false)).statusCode(),
                "no signature at all");
    }

    @Test
    void anOldTimestampIsRefusedEvenWhenSigned() throws Exception {
        Map<String, String> params = params("4713", "Alt", "CLAIM");
        params.put("timestamp", Long.toString(System.currentTimeMillis() / 1000 - 3600));
        HttpResponse<String> page = server.get(activationUrl(params, true));
        assertEquals(403, page.statusCode());
        assertTrue(page.body().contains("expired"), page.body());
    }

    @Test
    void aSignedUrlWithoutAUserIdNamesTheMissingParameter() throws Exception {
        Map<String, String> params = params("4714", "Ohne", "CLAIM");
        params.remove("userId");
        HttpResponse<String> page = server.get(activationUrl(params, true));
        assertEquals(400, page.statusCode());
        assertTrue(page.body().contains("userId"), page.body());
    }

    @Test
    void aWrongApiKeyGetsAClearErrorAndCreatesNoAccount() throws Exception {
        HttpResponse<String> page = server.get(activationUrl(params("4715", "Tippfehler", "CLAIM"), true));
        HttpResponse<String> reply = unlock(Map.of("state", List.of(state(page)), "secret", List.of("not-the-key")));
        assertEquals(422, reply.statusCode());
        assertTrue(reply.body().contains("API key was not accepted"), reply.body());
        assertFalse(reply.body().contains("not-the-key"));
        assertTrue(store.accountOf("4715").isEmpty());
        assertEquals(400, unlock(Map.of("state", List.of(state(page)), "secret", List.of(""))).statusCode());
    }

    @Test
    void aForgedUnlockIsRefused() throws Exception {
        HttpResponse<String> page = server.get(activationUrl(params("4716", "Echt", "CLAIM-REAL"), true));
        String state = state(page);
        assertEquals(400, unlock(Map.of("state", List.of(state + "x"), "secret", List.of(TestServer.SIM_SECRET)))
                .statusCode());
        assertEquals(400, unlock(Map.of("secret", List.of(TestServer.SIM_SECRET))).statusCode());
        HttpResponse<String> otherClaim = unlock(Map.of("state", List.of(state), "secret",
                List.of(TestServer.SIM_SECRET), "extendedClaim", List.of("CLAIM-FORGED")));
        assertEquals(400, otherClaim.statusCode());
        assertTrue(otherClaim.body().contains("extendedClaim"));
        assertTrue(store.accountOf("4716").isEmpty());
    }

    private Map<String, String> params(String customerWebId, String customerName, String claim) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("apiClaim", claim);
        params.put("apiToken", TestServer.SIM_TOKEN);
        params.put("customerName", customerName);
        params.put("customerWebId", customerWebId);
        params.put("parameterCacheId", "6802c44a-7ac0-4210-a3d4-e5581e3fa0b6");
        params.put("timestamp", Long.toString(System.currentTimeMillis() / 1000));
        params.put("userId", "17");
        return params;
    }

    /** The path and query onOffice would open; spaces as %20, as some clients send them. */
    private String activationUrl(Map<String, String> params, boolean signed) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        params.forEach((k, v) -> fields.put(k, List.of(v)));
        String query = TestServer.encode(fields).replace("+", "%20");
        String base = server.uri("/marketplace/activate").toString();
        return "/marketplace/activate?" + query + (signed
                ? "&signature=" + ActivationSignature.expected(base, query, PROVIDER_SECRET) : "");
    }

    private HttpResponse<String> unlock(Map<String, List<String>> fields) throws Exception {
        return server.send(HttpRequest.newBuilder(server.uri("/marketplace/unlock"))
                .POST(HttpRequest.BodyPublishers.ofString(TestServer.encode(fields)))
                .header("Content-Type", "application/x-www-form-urlencoded"));
    }

    private static String state(HttpResponse<String> page) {
        Matcher m = STATE.matcher(page.body());
        assertTrue(m.find(), page.body());
        return m.group(1);
    }
}
