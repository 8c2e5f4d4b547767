package org.formhaus.workspace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.formhaus.testing.AdminBrowserSession;
import org.formhaus.testing.Await;
import org.formhaus.testing.Multipart;
import org.formhaus.testing.StoredRows;
import org.formhaus.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The agency's workspace over real HTTP on MariaDB: the submissions list (search by keyed terms, filters, keyset
 * pages), a submission's page and its files, the CSV export (page and API), privacy mode, data-subject requests, and
 * another account seeing none of it. Defaults as users get them, except a provisioning key to create a second
 * account.
 */
class SubmissionsWorkspaceIT {

    static final String ADMIN = "admin@formhaus.local";
    static final String PROVISIONING_KEY = "provisioning-key-for-workspace";

    @RegisterExtension
    static final TestServer server = TestServer.onMariaDb().with("provisioning.api.key", PROVISIONING_KEY)
            .perTestClass();

    static String form(String key, String extra) {
        return """
                { "key": "%s", "kind": "contact", "language": "de", "title": "Formular %s",
                  "fields": [
                    {"name": "vorname", "type": "text",  "label": "Vorname", "required": true, "maps": "address.Vorname"},
                    {"name": "email",   "type": "email", "label": "E-Mail",  "required": true, "maps": "address.Email"},
                    {"name": "text",    "type": "textarea", "label": "Nachricht", "maps": "agentslog.Bemerkung"}
                  ]%s }""".formatted(key, key, extra);
    }

    static String submit(String formKey, String name, String email, String text) throws Exception {
        HttpResponse<String> reply = server.submitJson(formKey, Map.of("vorname", List.of(name), "email",
                List.of(email), "text", List.of(text)));
        assertEquals(202, reply.statusCode(), reply.body());
        return JsonParser.parseString(reply.body()).getAsJsonObject().get("id").getAsString();
    }

    static JsonObject submission(String id) throws Exception {
        return server.adminJson("GET", "/admin/api/submissions/" + id, null).getAsJsonObject();
    }

    static void awaitDelivered(String id) throws Exception {
        Await.until("delivery of " + id, Duration.ofSeconds(20),
                () -> submission(id).get("status").getAsString().equals("delivered") ? true : null);
    }

    static AdminBrowserSession admin() throws Exception {
        AdminBrowserSession browser = new AdminBrowserSession(server);
        assertEquals(303, browser.signIn(ADMIN, TestServer.ADMIN_PASSWORD).statusCode());
        return browser;
    }

    static int rows(String html) {
        Matcher m = Pattern.compile("<tr id=\"row-").matcher(html);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void theApiCsvHasABomTheChosenSeparatorAColumnPerLabelUmlautsAndNoFormulas() throws Exception {
        server.adminJson("POST", "/admin/api/forms", form("csv-api", ""));
        submit("csv-api", "Jörg", "joerg@example.org", "=HYPERLINK(\"http://evil.example\",\"klick\")");
        submit("csv-api", "Ævar", "aevar@example.org", "+49 30 1234; -5 @home");

        HttpResponse<byte[]> reply = server.sendBytes(HttpRequest.newBuilder(server.uri(
                "/admin/api/submissions.csv?form=csv-api&separator=semicolon"))
                .header("Authorization", "Bearer " + TestServer.ADMIN_TOKEN));
        assertEquals(200, reply.statusCode());
        assertTrue(reply.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(reply.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment; filename=\""));
        byte[] body = reply.body();
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, java.util.Arrays.copyOf(body, 3));
        String csv = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        String[] lines = csv.split("\r\n");
        assertEquals("id;received;form;status;Vorname;E-Mail;Nachricht", lines[0]);
        assertEquals(3, lines.length, csv);
        assertTrue(lines[1].contains(";Ævar;aevar@example.org;\"'+49 30 1234; -5 @home\""), lines[1]);
        assertTrue(lines[2].contains(";Jörg;joerg@example.org;\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"klick\"\")\""),
                lines[2]);

        String comma = new String(server.sendBytes(HttpRequest.newBuilder(server.uri(
                "/admin/api/submissions.csv?form=csv-api")).header("Authorization", "Bearer "
                + TestServer.ADMIN_TOKEN)).body(), StandardCharsets.UTF_8);
        assertTrue(comma.startsWith("\uFEFFid,received,form,status,Vorname,E-Mail,Nachricht\r\n"), comma);

        assertEquals(401, server.get("/admin/api/submissions.csv?form=csv-api").statusCode());
        HttpResponse<String> unknown = server.admin("GET", "/admin/api/submissions.csv?form=csv-api&sep=;", null);
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.body().contains("sep"), unknown.body());
        assertEquals(400, server.admin("GET", "/admin/api/submissions.csv?separator=tab", null).statusCode());
        assertEquals(404, server.admin("GET", "/admin/api/submissions.csv?form=no-such-form", null).statusCode());
    }

    @Test
    void theListFindsByNameOrAddressFiltersAndPagesByKeyset() throws Exception {
        server.adminJson("POST", "/admin/api/forms", form("paged", ""));
        for (int i = 0; i < 54; i++) {
            submit("paged", "Lead" + i, "lead" + i + "@paged.example.org", "Frage " + i);
        }
        String anna = submit("paged", "Anna Müller", "Anna.Mueller@Paged.Example.org", "Bitte um Rückruf");
        AdminBrowserSession browser = admin();

        String first = browser.get("/admin/submissions?form=paged").body();
        assertEquals(50, rows(first));
        assertTrue(first.contains("Anna Müller · Anna.Mueller@Paged.Example.org · Bitte um Rückruf"), "the newest first");
        Matcher next = Pattern.compile("id=\"next-page\" href=\"([^\"]+)\"").matcher(first);
        assertTrue(next.find());
        String second = browser.get(next.group(1).replace("&amp;", "&")).body();
        assertEquals(5, rows(second));
        assertFalse(second.contains("id=\"next-page\""));

        for (String q : List.of("anna.mueller@paged.example.org", "MÜLLER", "anna müller")) {
            String found = browser.get("/admin/submissions?q=" + java.net.URLEncoder.encode(q, StandardCharsets.UTF_8))
                    .body();
            assertEquals(1, rows(found), q);
            assertTrue(found.contains("row-" + anna), q);
        }
        assertEquals(0, rows(browser.get("/admin/submissions?q=mueller").body()), "whole words, no guessing");
        assertEquals(0, rows(browser.get("/admin/submissions?form=paged&status=failed").body()));
        String yesterday = LocalDate.now().minusDays(1).toString();
        assertEquals(0, rows(browser.get("/admin/submissions?form=paged&to=" + yesterday).body()));
        assertEquals(50, rows(browser.get("/admin/submissions?form=paged&from=" + yesterday).body()));
        assertEquals(400, browser.get("/admin/submissions?status=lost").statusCode());
        assertEquals(400, browser.get("/admin/submissions?from=gestern").statusCode());
        assertEquals(400, browser.get("/admin/submissions?sort=name").statusCode());
    }

    @Test
    void aSubmissionsPageShowsEveryValueWithItsLabelAndItsFileDownloadsSafely() throws Exception {
        server.adminJson("POST", "/admin/api/forms", """
                { "key": "unterlagen", "kind": "contact", "language": "de", "title": "Unterlagen",
                  "fields": [
                    {"name": "email",  "type": "email", "label": "E-Mail", "required": true, "maps": "address.Email"},
                    {"name": "art",    "type": "select", "label": "Objektart", "options": [
                       {"value": "wohnung", "label": "Eigentumswohnung"}, {"value": "haus", "label": "Haus"}]},
                    {"name": "expose", "type": "file",  "label": "Exposé", "accept": ["pdf"], "maps": "address.file"},
                    {"name": "dsgvo",  "type": "consent", "label": "Ich stimme der Datenschutzerklärung zu.", "required": true}
                  ] }""");
        byte[] pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
                .getBytes(StandardCharsets.US_ASCII);
        Multipart body = new Multipart();
        body.field("email", "datei@example.org");
        body.field("art", "wohnung");
        body.field("dsgvo", "on");
        body.file("expose", "Exposé Grundriss.pdf", "application/pdf", pdf);
        HttpResponse<String> sent = server.send(body.post(server.uri("/f/unterlagen?utm_source=newsletter"))
                .header("Accept", "application/json"));
        assertEquals(202, sent.statusCode(), sent.body());
        String id = JsonParser.parseString(sent.body()).getAsJsonObject().get("id").getAsString();
        awaitDelivered(id);

        AdminBrowserSession browser = admin();
        String page = browser.get("/admin/submissions/" + id + "?lang=de").body();
        assertTrue(page.contains("<th scope=\"row\">Objektart</th><td class=\"value\">Eigentumswohnung</td>"), page);
        assertTrue(page.contains("Exposé Grundriss.pdf"));
        assertTrue(page.contains("Ich stimme der Datenschutzerklärung zu."), "the consent text as shown");
        assertTrue(page.contains("<th scope=\"row\">address</th>"), "the onOffice address id");
        assertTrue(page.contains("delivered"), "the attempt with its outcome");

        HttpResponse<byte[]> file = browser.sendBytes(HttpRequest.newBuilder(server.uri("/admin/submissions/" + id
                + "/files/1")));
        assertEquals(200, file.statusCode());
        assertArrayEquals(pdf, file.body());
        assertEquals("attachment; filename=\"Expos__Grundriss.pdf\"; filename*=UTF-8''Expos%C3%A9%20Grundriss.pdf",
                file.headers().firstValue("Content-Disposition").orElse(""));
        assertEquals("application/octet-stream", file.headers().firstValue("Content-Type").orElse(""));
        assertEquals("nosniff", file.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertEquals(404, browser.get("/admin/submissions/" + id + "/files/2").statusCode());
        assertEquals(404, browser.get("/admin/submissions/" + id + "/files/x").statusCode());
    }

    @Test
    void anotherAccountGets404ForSubmissionsFilesExportsAndRetriesAndFindsNoneOfThem() throws Exception {
        server.adminJson("POST", "/admin/api/forms", form("fremd", ""));
        String id = submit("fremd", "Fremd", "fremd.person@example.org", "geheim");
        awaitDelivered(id);
        HttpResponse<String> created = server.send(HttpRequest.newBuilder(server.uri("/api/users"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"method\": \"createUser\", \"params\": {\"email\": "
                        + "\"other@agentur.example\", \"password\": \"other-password-1\", \"displayName\": \"O\", "
                        + "\"instance\": \"other-agency\"}}"))
                .header("x-api-key", PROVISIONING_KEY).header("Content-Type", "application/json"));
        assertEquals(200, created.statusCode(), created.body());
        AdminBrowserSession other = new AdminBrowserSession(server);
        assertEquals(303, other.signIn("other@agentur.example", "other-password-1").statusCode());

        assertEquals(404, other.get("/admin/submissions/" + id).statusCode());
        assertEquals(404, other.get("/admin/submissions/" + id + "/files/1").statusCode());
        assertEquals(404, other.get("/admin/submissions?form=fremd").statusCode());
        assertEquals(404, other.get("/admin/submissions/export.csv?form=fremd").statusCode());
        assertFalse(other.get("/admin/submissions").body().contains(id));
        assertFalse(new String(other.sendBytes(HttpRequest.newBuilder(server.uri("/admin/submissions/export.csv")))
                .body(), StandardCharsets.UTF_8).contains("fremd.person"));
        assertEquals(404, other.postForm("/admin/submissions/" + id + "/retry", Map.of("csrf",
                List.of(other.csrf()))).statusCode());
        assertEquals(404, other.postForm("/admin/submissions/retry-failed", Map.of("csrf", List.of(other.csrf()),
                "form", List.of("fremd"))).statusCode());
        assertEquals(404, other.api("GET", "/admin/api/submissions.csv?form=fremd", null).statusCode());
        assertEquals(404, other.api("POST", "/admin/api/submissions/retry-failed?form=fremd", null).statusCode());
        JsonObject found = JsonParser.parseString(other.api("POST", "/admin/api/data-subject-requests",
                "{\"email\": \"fremd.person@example.org\", \"action\": \"find\"}").body()).getAsJsonObject();
        assertEquals(0, found.getAsJsonArray("submissions").size());
        assertTrue(other.postForm("/admin/privacy", Map.of("csrf", List.of(other.csrf()), "email",
                List.of("fremd.person@example.org"), "action", List.of("erase"))).statusCode() == 200);
        assertFalse(submission(id).get("data").toString().contains("erased"), "the other account erased nothing");
    }

    @Test
    void privacyModeErasesASubmissionOnceDeliveredAndTheCountsStay() throws Exception {
        server.adminJson("POST", "/admin/api/forms", form("diskret", ", \"privacy\": {\"eraseAfterDelivery\": true}"));
        String id = submit("diskret", "Diskret", "diskret@example.org", "nur einmal");
        Await.until("erasure after delivery", Duration.ofSeconds(20),
                () -> submission(id).get("data").toString().equals("{\"erased\":true}") ? true : null);
        JsonObject erased = submission(id);
        assertEquals("delivered", erased.get("status").getAsString());
        assertTrue(erased.getAsJsonObject("records").has("address"), "the onOffice id stays");
        String dashboard = admin().get("/admin").body();
        assertTrue(dashboard.contains("Formular diskret"));
        assertEquals(0, JsonParser.parseString(server.admin("POST", "/admin/api/data-subject-requests",
                "{\"email\": \"diskret@example.org\", \"action\": \"find\"}").body()).getAsJsonObject()
                .getAsJsonArray("submissions").size(), "its search terms went with it");

        HttpResponse<String> unknown = server.admin("POST", "/admin/api/forms",
                form("diskret-2", ", \"privacy\": {\"keepForever\": true}"));
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.body().contains("privacy.keepForever: unknown key 'keepForever'"), unknown.body());
        HttpResponse<String> tooLong = server.admin("POST", "/admin/api/forms",
                form("diskret-3", ", \"privacy\": {\"retentionDays\": 0}"));
        assertEquals(400, tooLong.statusCode());
        assertTrue(tooLong.body().contains("privacy.retentionDays"), tooLong.body());
    }

    @Test
    void aDataSubjectRequestFindsExportsAndErasesAnAddressOverAllFormsAndLogsOnlyATag() throws Exception {
        server.adminJson("POST", "/admin/api/forms", form("dsr-a", ""));
        server.adminJson("POST", "/admin/api/forms", form("dsr-b", ""));
        String a = submit("dsr-a", "Petra", "Petra.Betroffen@example.org", "erste Anfrage");
        String b = submit("dsr-b", "Petra", "petra.betroffen@EXAMPLE.org", "zweite Anfrage");
        String other = submit("dsr-b", "Paul", "paul.unbeteiligt@example.org", "bleibt");
        awaitDelivered(a);
        awaitDelivered(b);
        awaitDelivered(other);

        JsonObject found = dsr("find", " petra.betroffen@example.org ");
        assertEquals(2, found.getAsJsonArray("submissions").size(), found.toString());
        JsonObject export = dsr("export", "petra.betroffen@example.org");
        JsonArray exported = export.getAsJsonArray("submissions");
        assertEquals(2, exported.size());
        assertEquals("zweite Anfrage", exported.get(0).getAsJsonObject().getAsJsonObject("values")
                .get("Nachricht").getAsString());
        JsonObject erased = dsr("erase", "petra.betroffen@example.org");
        assertEquals(2, erased.get("erased").getAsInt(), erased.toString());
        assertEquals(0, dsr("find", "petra.betroffen@example.org").getAsJsonArray("submissions").size());
        assertTrue(submission(other).get("data").toString().contains("paul.unbeteiligt"), "others stay");

        JsonArray log = server.adminJson("GET", "/admin/api/data-subject-requests", null).getAsJsonArray();
        assertTrue(log.size() >= 4);
        JsonObject latest = log.get(0).getAsJsonObject();
        assertEquals("find", latest.get("action").getAsString());
        assertEquals(8, latest.get("addressTag").getAsString().length());
        String rows = StoredRows.everything(server.app().database().dataSource()).toLowerCase();
        assertFalse(rows.contains("petra.betroffen"), "the address is stored nowhere any more, not even in the log");
        assertEquals(400, server.admin("POST", "/admin/api/data-subject-requests",
                "{\"email\": \"petra\", \"action\": \"find\"}").statusCode());
        assertEquals(400, server.admin("POST", "/admin/api/data-subject-requests",
                "{\"email\": \"petra@example.org\", \"action\": \"forget\"}").statusCode());
    }

    @Test
    void submissionsOfAnEarlierVersionGetTheirSearchTermsOnceAndAreFound() throws Exception {
        server.adminJson("POST", "/admin/api/forms", form("alt", ""));
        String id = submit("alt", "Olga Alt", "olga.alt@example.org", "von vorher");
        try (java.sql.Connection c = server.app().database().dataSource().getConnection();
             java.sql.Statement sql = c.createStatement()) {
            // as an earlier version stored it: no terms, and no record of a finished backfill
            sql.executeUpdate("DELETE FROM submission_term WHERE submission_id = '" + id + "'");
            sql.executeUpdate("DELETE FROM instance_setting WHERE setting_name = 'search.terms.backfilled'");
        }
        assertEquals(0, dsr("find", "olga.alt@example.org").getAsJsonArray("submissions").size());
        assertEquals(3, server.app().backfillSearchTerms(), "the address and two words of the name");
        assertEquals(1, dsr("find", "olga.alt@example.org").getAsJsonArray("submissions").size());
        assertEquals(1, rows(admin().get("/admin/submissions?q=olga").body()));
        assertEquals(0, server.app().backfillSearchTerms(), "once per database");
    }

    @Test
    void thePrivacyPageFindsExportsAndErasesAnAddressInGermanAndEnglish() throws Exception {
        server.adminJson("POST", "/admin/api/forms", form("seite", ""));
        String id = submit("seite", "Sara Seite", "sara.seite@example.org", "bitte löschen");
        awaitDelivered(id);
        AdminBrowserSession browser = admin();
        String german = browser.get("/admin/privacy?lang=de").body();
        assertTrue(german.contains("Betroffenenanfragen"), german);
        String found = browser.postForm("/admin/privacy", Map.of("csrf", List.of(browser.csrf()), "email",
                List.of("Sara.Seite@example.org"), "action", List.of("find"))).body();
        assertTrue(found.contains("1 Eingänge gefunden.") && found.contains("/admin/submissions/" + id), found);

        HttpResponse<String> export = browser.postForm("/admin/privacy", Map.of("csrf", List.of(browser.csrf()),
                "email", List.of("sara.seite@example.org"), "action", List.of("export")));
        assertEquals(200, export.statusCode());
        assertTrue(export.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment;"));
        JsonObject json = JsonParser.parseString(export.body()).getAsJsonObject();
        assertEquals("bitte löschen", json.getAsJsonArray("submissions").get(0).getAsJsonObject()
                .getAsJsonObject("values").get("Nachricht").getAsString());

        String english = browser.get("/admin/privacy?lang=en").body();
        assertTrue(english.contains("Data-subject requests"));
        String erased = browser.postForm("/admin/privacy", Map.of("csrf", List.of(browser.csrf()), "email",
                List.of("sara.seite@example.org"), "action", List.of("erase"))).body();
        assertTrue(erased.contains("1 submissions and 0 files erased."), erased);
        assertTrue(submission(id).get("data").toString().contains("erased"));
        assertTrue(erased.contains("<td>erase</td>") && !erased.contains("sara.seite"),
                "the log shows the request, never the address");
        String bad = browser.postForm("/admin/privacy", Map.of("csrf", List.of(browser.csrf()), "email",
                List.of("sara"), "action", List.of("find"))).body();
        assertTrue(bad.contains("Please enter an e-mail address."));
        assertEquals(403, browser.postForm("/admin/privacy", Map.of("email", List.of("sara.seite@example.org"),
                "action", List.of("erase"))).statusCode(), "no CSRF token, no erasure");
    }

    static JsonObject dsr(String action, String email) throws Exception {
        return server.adminJson("POST", "/admin/api/data-subject-requests", "{\"email\": \"" + email
                + "\", \"action\": \"" + action + "\"}").getAsJsonObject();
    }
}
