package org.formhaus.marketplace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.formhaus.onoffice.OnOfficeCredentials;
import org.formhaus.storage.MarketplaceStore;
import org.formhaus.testing.AdminBrowserSession;
import org.formhaus.testing.Await;
import org.formhaus.testing.TestForms;
import org.formhaus.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A user of a Marketplace customer opening Formhaus from inside onOffice (signed service call), over real HTTP on MariaDB,
 * and the claim that call leaves travelling as {@code extendedclaim} on every onOffice action of the account, against
 * the in-process simulator acting as the customer's marketplace API user.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MarketplaceOpenIT {

    static final String PROVIDER_SECRET = "providersecret";

    @RegisterExtension
    final TestServer server = TestServer.onMariaDb()
            .with("marketplace.provider.secret", PROVIDER_SECRET)
            .with("marketplace.timestamp.window.seconds", "300")
            .with("delivery.backoff.base.millis", "100")
            .with("delivery.backoff.max.millis", "200")
            .perTestClass();

    MarketplaceStore store;

    @BeforeAll
    void start() throws Exception {
        store = new MarketplaceStore(server.app().database());
        server.adminJson("POST", "/admin/api/forms", TestForms.nameAndEmail("first-account-form", "Anfrage"));
    }

    @AfterEach
    void plainApiUserAgain() throws Exception {
        server.simulator().marketplaceClaims();
    }

    @Test
    void theFirstOpenCreatesTheAccountsLoginAndLaterOpensSignInDirectly() throws Exception {
        long account = activate("6001", "Open Immobilien");
        AdminBrowserSession browser = new AdminBrowserSession(server);
        HttpResponse<String> page = browser.get(openUrl("6001", "17", "CLAIM-A"));
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("name=\"password\""), page.body());
        assertFalse(page.body().contains("CLAIM-A"), "the claim is never shown");
        assertEquals("no-referrer", page.headers().firstValue("Referrer-Policy").orElseThrow());
        assertEquals("CLAIM-A", store.claim("6001", "17").orElseThrow(), "the service call's claim is the latest");
        String csrf = AdminBrowserSession.csrfIn(page.body());

        HttpResponse<String> badEmail = browser.postForm("/marketplace/login", Map.of("email", List.of("nope"),
                "password", List.of("long-enough-1"), "csrf", List.of(csrf)));
        assertEquals(400, badEmail.statusCode());
        assertTrue(badEmail.body().contains("email:"), badEmail.body());
        assertEquals(403, browser.postForm("/marketplace/login", Map.of("email", List.of("chef@open.example"),
                "password", List.of("long-enough-1"), "csrf", List.of("forged"))).statusCode(), "CSRF protected");

        HttpResponse<String> created = browser.postForm("/marketplace/login", Map.of("email",
                List.of("chef@open.example"), "password", List.of("long-enough-1"), "csrf", List.of(csrf)));
        assertEquals(303, created.statusCode(), created.body());
        assertEquals("/admin", created.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> admin = browser.get("/admin");
        assertEquals(200, admin.statusCode());
        assertEquals("[]", browser.api("GET", "/admin/api/forms", null, null).body().replaceAll("\\s", ""),
                "the customer's account, which has no forms yet");
        assertEquals(404, browser.api("GET", "/admin/api/forms/first-account-form", null, null).statusCode(),
                "another account's form does not exist for this session");
        assertTrue(store.hasAdmins(account));

        // The new login works with its password too, and the next open from onOffice signs in at once.
        assertEquals(303, new AdminBrowserSession(server).signIn("chef@open.example", "long-enough-1").statusCode());
        AdminBrowserSession later = new AdminBrowserSession(server);
        String next = openUrl("6001", "17", "CLAIM-B");
        HttpResponse<String> direct = later.get(next);
        assertEquals(303, direct.statusCode(), direct.body());
        assertEquals(200, later.get("/admin").statusCode());
        assertEquals("CLAIM-B", store.claim("6001", "17").orElseThrow());
        assertEquals("CLAIM-B", server.app().accounts().find(account).orElseThrow().onOffice().claim());

        HttpResponse<String> replay = new AdminBrowserSession(server).get(next);
        assertEquals(403, replay.statusCode(), "a link opens Formhaus once");
        assertTrue(replay.body().contains("already used"), replay.body());
    }

    @Test
    void anotherUserOfACustomerWithALoginSignsInOnceWithThatAccountsLogin() throws Exception {
        activate("6002", "Zweit Immobilien");
        AdminBrowserSession first = new AdminBrowserSession(server);
        String csrf = AdminBrowserSession.csrfIn(first.get(openUrl("6002", "17", "C1")).body());
        assertEquals(303, first.postForm("/marketplace/login", Map.of("email", List.of("eins@zweit.example"),
                "password", List.of("password-eins"), "csrf", List.of(csrf))).statusCode());

        AdminBrowserSession colleague = new AdminBrowserSession(server);
        HttpResponse<String> page = colleague.get(openUrl("6002", "18", "C2"));
        assertEquals(200, page.statusCode(), page.body());
        String token = AdminBrowserSession.csrfIn(page.body());
        HttpResponse<String> otherAccount = colleague.postForm("/marketplace/login", Map.of("email",
                List.of("admin@formhaus.local"), "password", List.of("admin-password"), "csrf", List.of(token)));
        assertEquals(401, otherAccount.statusCode(), "a login of another account is refused");
        assertEquals(303, colleague.postForm("/marketplace/login", Map.of("email", List.of("eins@zweit.example"),
                "password", List.of("password-eins"), "csrf", List.of(token))).statusCode());
        assertEquals(303, new AdminBrowserSession(server).get(openUrl("6002", "18", "C3")).statusCode(),
                "linked from now on");
    }

    @Test
    void aBadSignatureOrAnUnknownCustomerShowsAnErrorPage() throws Exception {
        String forged = openUrl("6003", "17", "CLAIM").replace("userId=17", "userId=1");
        HttpResponse<String> page = server.get(forged);
        assertEquals(403, page.statusCode());
        assertTrue(page.body().contains("signature"), page.body());
        assertFalse(page.body().contains("password"));
        HttpResponse<String> unknown = server.get(openUrl("6999", "17", "CLAIM"));
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().contains("not activated"), unknown.body());
        assertTrue(store.claim("6999", "17").isEmpty());
    }

    @Test
    void aMarketplaceAccountsDeliveryCarriesTheLatestClaimOnEveryActionAndFailsClearlyWithoutAValidOne()
            throws Exception {
        activate("6004", "Claim Immobilien");
        AdminBrowserSession browser = new AdminBrowserSession(server);
        String csrf = AdminBrowserSession.csrfIn(browser.get(openUrl("6004", "17", "SERVICE-CLAIM")).body());
        assertEquals(303, browser.postForm("/marketplace/login", Map.of("email", List.of("vier@claim.example"),
                "password", List.of("password-vier"), "csrf", List.of(csrf))).statusCode());
        String sessionCsrf = AdminBrowserSession.csrfIn(browser.get("/admin").body());
        HttpResponse<String> saved = browser.api("POST", "/admin/api/forms", TestForms.nameAndEmail("claim-form", "Anfrage"),
                sessionCsrf);
        assertEquals(201, saved.statusCode(), saved.body());
        // onOffice accepts this customer's marketplace API user only with the claim of its latest service call.
        server.simulator().marketplaceClaims("SERVICE-CLAIM");
        int before = server.simulator().requests().size();

        String delivered = submit(browser, "claim-form", "erika@example.com");
        Await.until("delivery", Duration.ofSeconds(20),
                () -> "delivered".equals(status(browser, delivered).get("status").getAsString()) ? true : null);
        JsonArray requests = server.simulator().requests();
        int actions = 0;
        for (int i = before; i < requests.size(); i++) {
            for (JsonElement a : requests.get(i).getAsJsonObject().getAsJsonArray("actions")) {
                JsonObject parameters = a.getAsJsonObject().getAsJsonObject("parameters");
                assertEquals("SERVICE-CLAIM", parameters.get("extendedclaim").getAsString(), a.toString());
                actions++;
            }
        }
        assertTrue(actions >= 2, "address and agents log at least: " + actions);

        // The claim onOffice knows is not the one Formhaus has (e.g. a newer service call went elsewhere): 193.
        server.simulator().marketplaceClaims("NEWER-CLAIM");
        String refused = submit(browser, "claim-form", "otto@example.com");
        Await.until("failure", Duration.ofSeconds(20),
                () -> "failed".equals(status(browser, refused).get("status").getAsString()) ? true : null);
        String error = status(browser, refused).get("error").getAsString();
        assertTrue(error.contains("193") && error.contains("Marketplace claim")
                && error.contains("open Formhaus once from inside onOffice"), error);
        assertFalse(error.contains("SERVICE-CLAIM"), "no claim in the reason");
    }

    @Test
    void aPlainApiUsersAccountSendsNoClaim() throws Exception {
        int before = server.simulator().requests().size();
        HttpResponse<String> reply = server.submitJson("first-account-form", Map.of("vorname", List.of("Max"),
                "email", List.of("max@example.com")));
        assertEquals(202, reply.statusCode(), reply.body());
        String id = JsonParser.parseString(reply.body()).getAsJsonObject().get("id").getAsString();
        Await.until("delivery", Duration.ofSeconds(20), () -> "delivered".equals(server.adminJson("GET",
                "/admin/api/submissions/" + id, null).getAsJsonObject().get("status").getAsString()) ? true : null);
        JsonArray requests = server.simulator().requests();
        for (int i = before; i < requests.size(); i++) {
            assertFalse(requests.get(i).toString().contains("extendedclaim"), requests.get(i).toString());
        }
    }

    private long activate(String customerWebId, String name) throws Exception {
        String url = server.uri("/sandbox/onoffice/api/stable/api.php").toString();
        return store.activate(customerWebId, name, new OnOfficeCredentials(url, TestServer.SIM_TOKEN,
                TestServer.SIM_SECRET), "17", "UNLOCK-CLAIM");
    }

    private String submit(AdminBrowserSession browser, String form, String email) throws Exception {
        HttpResponse<String> reply = server.submitJson(form, Map.of("vorname", List.of("Erika"),
                "email", List.of(email)));
        assertEquals(202, reply.statusCode(), reply.body());
        return JsonParser.parseString(reply.body()).getAsJsonObject().get("id").getAsString();
    }

    private static JsonObject status(AdminBrowserSession browser, String id) {
        try {
            return JsonParser.parseString(browser.api("GET", "/admin/api/submissions/" + id, null, null).body())
                    .getAsJsonObject();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The service call onOffice would open for user {@code userId} of the customer, signed with the secret. */
    private String openUrl(String customerWebId, String userId, String claim) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put("apiClaim", List.of(claim));
        fields.put("apiToken", List.of(TestServer.SIM_TOKEN));
        fields.put("customerName", List.of("Kunde " + customerWebId));
        fields.put("customerWebId", List.of(customerWebId));
        fields.put("timestamp", List.of(Long.toString(System.currentTimeMillis() / 1000)));
        fields.put("userId", List.of(userId));
        String query = TestServer.encode(fields);
        String base = server.uri("/marketplace/open").toString();
        return "/marketplace/open?" + query + "&signature=" + ActivationSignature.expected(base, query,
                PROVIDER_SECRET);
    }
}
