package org.formhaus.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.formhaus.storage.StoredFile;
import org.formhaus.storage.SubmissionFileStore;
import org.formhaus.testing.Multipart;
import org.formhaus.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The form engine over real HTTP on MariaDB: rendering of every field type, steps, conditions, theme, prefill and
 * context, onOffice options from the (simulated) account, uploads stored with the submission, embedding headers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FormEngineIT {

    static final String SEARCH = """
            { "key": "suche", "kind": "searchprofile", "language": "de", "title": "Suchprofil",
              "theme": {"accent": "#0a7f4f", "radius": "2px", "font": "'Open Sans', sans-serif"},
              "context": ["page", "utm"],
              "fields": [
                {"name": "s1", "type": "break", "label": "Was suchen Sie?"},
                {"name": "art", "type": "radio", "label": "Kaufen oder mieten", "options": [
                   {"value": "kauf", "label": "Kaufen"}, {"value": "miete", "label": "Mieten"}], "required": true, "prefill": true},
                {"name": "preis", "type": "range", "label": "Kaufpreis", "min": 0, "showIf": {"field": "art", "equals": "kauf"},
                 "required": true, "maps": "searchcriteria.kaufpreis", "unit": "€"},
                {"name": "flaeche", "type": "area", "label": "Wohnfläche", "min": 10},
                {"name": "ausstattung", "type": "checkboxes", "label": "Ausstattung", "options": ["Balkon", "Garten"]},
                {"name": "h", "type": "heading", "label": "Zeitraum"},
                {"name": "p", "type": "paragraph", "label": "Ab wann?"},
                {"name": "ab", "type": "date", "label": "Einzug ab", "minDate": "today"},
                {"name": "s2", "type": "break", "label": "Ihre Daten"},
                {"name": "anrede", "type": "select", "label": "Anrede", "optionsFrom": "onoffice", "maps": "address.Anrede"},
                {"name": "berater", "type": "userselect", "label": "Berater"},
                {"name": "vorname", "type": "text", "label": "Vorname", "required": true, "maps": "address.Vorname", "prefill": true},
                {"name": "email", "type": "email", "label": "E-Mail", "required": true, "maps": "address.Email"},
                {"name": "tel", "type": "phone", "label": "Telefon"},
                {"name": "budget", "type": "currency", "label": "Eigenkapital"},
                {"name": "zimmer", "type": "number", "label": "Zimmer", "step": 0.5},
                {"name": "quelle", "type": "hidden", "default": "website"},
                {"name": "notiz", "type": "textarea", "label": "Notiz", "help": "Was ist Ihnen wichtig?"},
                {"name": "expose", "type": "file", "label": "Unterlagen", "maxBytes": 2048, "accept": ["pdf", "txt"]},
                {"name": "dsgvo", "type": "consent", "label": "Ich stimme der Datenschutzerklärung zu.", "version": "v3", "required": true}
              ] }""";

    static final String INQUIRY = """
            { "key": "anfrage", "kind": "inquiry", "language": "en", "title": "Inquiry",
              "fields": [
                {"name": "estate", "type": "hidden", "maps": "estate.Id"},
                {"name": "email", "type": "email", "label": "Email", "required": true, "maps": "address.Email"},
                {"name": "hint", "type": "text", "label": "Hint"}
              ] }""";

    @RegisterExtension
    final TestServer server = TestServer.onMariaDb().perTestClass();

    @BeforeAll
    void start() throws Exception {
        server.adminJson("POST", "/admin/api/forms", SEARCH);
        server.adminJson("POST", "/admin/api/forms", INQUIRY);
    }

    @Test
    void thePageRendersEveryFieldTypeInStepsWithTheTheme() throws Exception {
        String page = server.get("/f/suche").body();
        for (String expected : List.of(
                "<style>:root{--fh-accent:#0a7f4f;--fh-radius:2px;--fh-font:'Open Sans', sans-serif;}</style>",
                "data-fh-step=\"1\"", "data-fh-step=\"2\"", "<h2 class=\"fh-step-title\" tabindex=\"-1\">Ihre Daten</h2>",
                "id=\"fh-progress\" hidden", "name=\"preis_from\"", "name=\"preis_to\"", "<span class=\"fh-unit\">m²</span>",
                "data-fh-show-if=\"art\" data-fh-show-values=\"[&quot;kauf&quot;]\"",
                "type=\"checkbox\" id=\"fh-ausstattung-0\" name=\"ausstattung\" value=\"Balkon\"",
                "<h2 class=\"fh-heading\" data-fh-name=\"h\">Zeitraum</h2>", "<p class=\"fh-paragraph\" data-fh-name=\"p\">Ab wann?</p>",
                "type=\"date\"", "min=\"" + java.time.LocalDate.now() + "\"", "type=\"tel\"", "inputmode=\"decimal\"",
                "<input type=\"hidden\" name=\"quelle\" value=\"website\">", "<textarea id=\"fh-notiz\"",
                "aria-describedby=\"fh-notiz-help\"", "type=\"file\"", "accept=\".pdf,.txt\"", "höchstens 0 MB",
                "enctype=\"multipart/form-data\"", "name=\"dsgvo\" value=\"yes\"", "Bitte wählen", "Weiter", "Zurück",
                "data-fh-rules=\"{&quot;type&quot;:&quot;email&quot;,&quot;required&quot;:true}\"")) {
            assertTrue(page.contains(expected), "page has " + expected);
        }
    }

    @Test
    void onOfficeOptionsAndUsersComeFromTheAccountAndAreLoadedOnceNotPerRequest() throws Exception {
        String page = server.get("/f/suche").body();
        assertTrue(page.contains("<option value=\"Frau\">Frau</option>"), "permitted values of address.Anrede");
        assertTrue(page.contains("<option value=\"mmakler\">Maria Makler</option>"), "the account's users");
        long before = metadataRequests();
        for (int i = 0; i < 5; i++) {
            server.get("/f/suche");
        }
        // Counted by kind: deliveries of other tests in this class may reach the simulator meanwhile.
        assertEquals(before, metadataRequests(), "no onOffice call per view");

        HttpResponse<String> bad = server.submitJson("suche", valid(Map.of("anrede", "Graf", "berater", "nobody")));
        assertEquals(422, bad.statusCode());
        JsonObject errors = JsonParser.parseString(bad.body()).getAsJsonObject().getAsJsonObject("errors");
        assertEquals("Bitte wählen Sie eine der Optionen.", errors.get("anrede").getAsString());
        assertTrue(errors.has("berater"));
    }

    /** Requests for field metadata or users: what serving a form page could cause. */
    private long metadataRequests() throws Exception {
        long count = 0;
        for (JsonElement request : server.simulator().requests()) {
            for (JsonElement action : request.getAsJsonObject().getAsJsonArray("actions")) {
                String type = action.getAsJsonObject().get("resourcetype").getAsString();
                if (type.equals("fields") || type.equals("users") || type.equals("searchCriteriaFields")) {
                    count++;
                }
            }
        }
        return count;
    }

    @Test
    void prefillOnlyWhereAllowedAndTheEstateOfTheEmbeddingPage() throws Exception {
        String page = server.get("/f/suche?vorname=Erika&email=evil@example.org&art=kauf&utm_source=news"
                + "&fh_page=https%3A%2F%2Fagentur.example%2Fsuche").body();
        assertTrue(page.contains("value=\"Erika\""));
        assertFalse(page.contains("evil@example.org"), "email does not allow prefill");
        assertTrue(page.contains("value=\"kauf\" checked"));
        assertTrue(page.contains("name=\"_ctx_utm_source\" value=\"news\""));
        assertTrue(page.contains("name=\"_ctx_page\" value=\"https://agentur.example/suche\""));
        String inquiry = server.get("/f/anfrage?fh_estate=4711&fh_page=x").body();
        assertTrue(inquiry.contains("<input type=\"hidden\" name=\"estate\" value=\"4711\">"), inquiry);
        assertTrue(inquiry.contains("name=\"_ctx_page\" value=\"x\""), "a form without \"context\" keeps page and utm");
    }

    @Test
    void aFreshPageComesFromTheRenderedCopyWithItsOwnTokenActionAndContext() throws Exception {
        String token = "name=\"_fh_token\" value=\"";
        String a = server.get("/f/anfrage").body();
        String b = server.get("/f/anfrage?fh_parent=http%3A%2F%2Fsite.example&fh_frame=f9&utm_medium=mail&fh_page=http%3A%2F%2Fsite.example%2F%3Fa%3D%22%3E").body();
        String tokenA = a.substring(a.indexOf(token) + token.length(), a.indexOf('"', a.indexOf(token) + token.length()));
        String tokenB = b.substring(b.indexOf(token) + token.length(), b.indexOf('"', b.indexOf(token) + token.length()));
        assertFalse(tokenA.equals(tokenB), "each page its own token");
        assertFalse(a.contains("@@fh-"), "no stand-in left over");
        assertTrue(a.contains("action=\"/f/anfrage\""));
        assertTrue(b.contains("action=\"/f/anfrage?fh_parent=http%3A%2F%2Fsite.example&amp;fh_frame=f9\""), b);
        assertTrue(b.contains("<input type=\"hidden\" name=\"_ctx_utm_medium\" value=\"mail\">"), b);
        assertTrue(b.contains("value=\"http://site.example/?a=&quot;&gt;\""), "context values are escaped");
    }

    static Map<String, List<String>> valid(Map<String, String> overrides) {
        Map<String, List<String>> fields = new java.util.HashMap<>(Map.of("art", List.of("miete"),
                "vorname", List.of("Erika"), "email", List.of("erika@example.org"), "dsgvo", List.of("yes"),
                "flaeche", List.of("85,5"), "anrede", List.of("Frau"), "berater", List.of("mmakler")));
        overrides.forEach((k, v) -> fields.put(k, List.of(v)));
        return fields;
    }

    @Test
    void aSubmissionStoresCleanedValuesConsentWithVersionAndContext() throws Exception {
        Map<String, List<String>> entry = valid(Map.of("art", "kauf", "preis_from", "200.000", "preis_to", "450.000",
                "_ctx_utm_source", "news", "_ctx_cookie", "x", "budget", "50.000", "zimmer", "3,5"));
        entry.put("ausstattung", List.of("Balkon", "Garten"));
        HttpResponse<String> reply = server.submitJson("suche", entry);
        assertEquals(202, reply.statusCode(), reply.body());
        String id = JsonParser.parseString(reply.body()).getAsJsonObject().get("id").getAsString();
        JsonObject data = server.adminJson("GET", "/admin/api/submissions/" + id, null).getAsJsonObject()
                .getAsJsonObject("data");
        JsonObject values = data.getAsJsonObject("values");
        assertEquals("[\"200000\",\"450000\"]", values.get("preis").toString(), "a range is a list [from, to]");
        assertEquals("[\"Balkon\",\"Garten\"]", values.get("ausstattung").toString());
        assertEquals("85.5", values.get("flaeche").getAsString());
        assertEquals("50000", values.get("budget").getAsString());
        assertEquals("3.5", values.get("zimmer").getAsString());
        assertEquals("website", values.get("quelle").getAsString());
        assertFalse(values.has("h"));
        JsonObject consent = data.getAsJsonArray("consents").get(0).getAsJsonObject();
        assertEquals("Ich stimme der Datenschutzerklärung zu.", consent.get("text").getAsString());
        assertEquals("v3", consent.get("version").getAsString());
        assertTrue(consent.has("acceptedAt"));
        assertEquals("{\"utm_source\":\"news\"}", data.get("context").toString(), "only what the definition keeps");
    }

    @Test
    void aConditionThatDoesNotHoldDropsTheFieldAndOneThatHoldsRequiresIt() throws Exception {
        HttpResponse<String> renting = server.submitJson("suche", valid(Map.of("preis_from", "1")));
        assertEquals(202, renting.statusCode(), renting.body());
        HttpResponse<String> buying = server.submitJson("suche", valid(Map.of("art", "kauf")));
        assertEquals(422, buying.statusCode());
        assertEquals("Bitte geben Sie mindestens einen der beiden Werte ein.", JsonParser.parseString(buying.body())
                .getAsJsonObject().getAsJsonObject("errors").get("preis").getAsString());
    }

    @Test
    void theBrowserGetsTheRightStepBackWithAnErrorSummaryAndValuesKept() throws Exception {
        HttpResponse<String> reply = server.send(HttpRequest.newBuilder(server.uri("/f/suche?fh_parent=https%3A%2F%2Fagentur.example&fh_frame=f1"))
                .POST(HttpRequest.BodyPublishers.ofString("art=kauf&preis_from=500&preis_to=100&vorname=Erika&email=e%40example.org"))
                .header("Content-Type", "application/x-www-form-urlencoded"));
        assertEquals(422, reply.statusCode());
        String page = reply.body();
        assertTrue(page.contains("value=\"500\"") && page.contains("value=\"100\""), "range values kept");
        assertTrue(page.contains("<a href=\"#fh-preis-from\">Kaufpreis: Der Von-Wert darf nicht größer sein als der Bis-Wert.</a>"), page);
        assertTrue(page.contains("<a href=\"#fh-dsgvo\">"));
        assertTrue(page.contains("action=\"/f/suche?fh_parent=https%3A%2F%2Fagentur.example&amp;fh_frame=f1\""),
                "the embed parameters survive the round trip");
    }

    @Test
    void anUploadIsStoredWithItsSubmissionForDeliveryToAttach() throws Exception {
        Multipart body = new Multipart();
        valid(Map.of()).forEach((name, values) -> values.forEach(v -> body.field(name, v)));
        body.file("expose", "Grundriss.txt", "text/plain", "Wohnzimmer 30 m²".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> reply = server.send(body.post(server.uri("/f/suche")).header("Accept", "application/json"));
        assertEquals(202, reply.statusCode(), reply.body());
        String id = JsonParser.parseString(reply.body()).getAsJsonObject().get("id").getAsString();

        SubmissionFileStore files = new SubmissionFileStore(server.app().database());
        List<StoredFile> stored = files.list(id);
        assertEquals(1, stored.size());
        assertEquals("expose", stored.get(0).field());
        assertEquals("Grundriss.txt", stored.get(0).fileName());
        assertArrayEquals("Wohnzimmer 30 m²".getBytes(StandardCharsets.UTF_8), files.content(stored.get(0).id()).orElseThrow());
        JsonObject data = server.adminJson("GET", "/admin/api/submissions/" + id, null).getAsJsonObject().getAsJsonObject("data");
        assertEquals("Grundriss.txt", data.getAsJsonObject("values").get("expose").getAsString());
        JsonArray listed = data.getAsJsonArray("files");
        assertEquals(1, listed.size());
    }

    @Test
    void uploadsOfTheWrongTypeOrSizeAreRefusedNamingTheField() throws Exception {
        Multipart wrongType = new Multipart();
        valid(Map.of()).forEach((name, values) -> values.forEach(v -> wrongType.field(name, v)));
        wrongType.file("expose", "virus.exe", "application/octet-stream", new byte[10]);
        HttpResponse<String> reply = server.send(wrongType.post(server.uri("/f/suche")).header("Accept", "application/json"));
        assertEquals(422, reply.statusCode());
        assertTrue(reply.body().contains("\"expose\":\"Dieser Dateityp ist nicht erlaubt (erlaubt: pdf, txt).\""), reply.body());
        Multipart tooBig = new Multipart();
        valid(Map.of()).forEach((name, values) -> values.forEach(v -> tooBig.field(name, v)));
        tooBig.file("expose", "big.pdf", "application/pdf", new byte[4096]);
        reply = server.send(tooBig.post(server.uri("/f/suche")).header("Accept", "application/json"));
        assertEquals(422, reply.statusCode());
        assertTrue(reply.body().contains("\"expose\":\"Die Datei ist zu groß"), reply.body());
    }

    @Test
    void englishFormsSpeakEnglish() throws Exception {
        HttpResponse<String> reply = server.submitJson("anfrage", Map.of("email", List.of("nope")));
        assertEquals("{\"errors\":{\"email\":\"Please enter a valid email address.\"}}", reply.body());
        assertTrue(server.get("/f/anfrage").body().contains(">Send</button>"));
    }

    @Test
    void allowedOriginsBecomeFrameAncestorsAndOthersGetNoResizeTarget() throws Exception {
        assertEquals("frame-ancestors *", server.get("/f/anfrage").headers().firstValue("Content-Security-Policy").orElseThrow());
        server.adminJson("PUT", "/admin/api/settings/embedding", "{\"allowedOrigins\": [\"https://agentur.example\"]}");
        try {
            HttpResponse<String> page = server.get("/f/anfrage?fh_parent=https%3A%2F%2Fevil.example&fh_frame=x1");
            assertEquals("frame-ancestors 'self' https://agentur.example",
                    page.headers().firstValue("Content-Security-Policy").orElseThrow());
            assertTrue(page.body().contains("action=\"/f/anfrage\""), "no parent announced for a foreign site");
            assertTrue(server.get("/f/anfrage?fh_parent=https%3A%2F%2Fagentur.example&fh_frame=x1").body()
                    .contains("action=\"/f/anfrage?fh_parent=https%3A%2F%2Fagentur.example&amp;fh_frame=x1\""));
        } finally {
            server.adminJson("PUT", "/admin/api/settings/embedding", "{\"allowedOrigins\": []}");
        }
    }
}
