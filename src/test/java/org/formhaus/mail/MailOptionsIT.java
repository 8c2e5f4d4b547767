package org.formhaus.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.formhaus.testing.Await;
import org.formhaus.testing.Multipart;
import org.formhaus.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each e-mail option of a form's {@code emails} section as the simulator receives it: an onOffice template, CC, BCC,
 * reply-to the visitor, the visitor's upload, the estate's PDF exposé and fixed estate documents as attachments, a
 * third mail, and onOffice's address-completion mail; and the definition refused (400 naming the place) with a
 * fourth mail, an unknown key or a wrong completion mode. Default settings.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailOptionsIT {

    static final byte[] PLAN = "Grundriss: Wohnzimmer 30 m2".getBytes(StandardCharsets.UTF_8);
    static final String FORM = """
            { "key": "anfrage-mails", "kind": "inquiry", "title": "Anfrage",
              "emails": {
                "confirmation": {"templateid": 7, "bcc": ["archiv@agentur.example"],
                                 "attach": {"expose": "Standard"}},
                "notice": {"to": ["team@agentur.example"], "cc": ["chef@agentur.example"],
                           "subject": "Neue Anfrage von ${values.email}", "attach": {"documents": [501, "502"], "uploads": true}},
                "more": [{"to": ["vertrieb@agentur.example", "visitor"], "subject": "Exposé für ${values.email}",
                          "replyToVisitor": false}],
                "addressCompletion": "modus2" },
              "fields": [
                {"name": "objekt", "type": "hidden", "label": "Objekt", "maps": "estate.Id"},
                {"name": "email", "type": "email", "label": "E-Mail", "required": true, "maps": "address.Email"},
                {"name": "unterlagen", "type": "file", "label": "Unterlagen", "accept": ["txt"]} ] }""";

    @RegisterExtension
    final TestServer server = TestServer.onMariaDb().perTestClass();

    @BeforeAll
    void start() throws Exception {
        server.adminJson("PUT", "/admin/api/forms/anfrage-mails", FORM);
    }

    @Test
    void everyOptionReachesOnOfficeWithItsAttachmentsAndEachMailIsRecordedSent() throws Exception {
        String visitor = "optionen@example.org";
        Multipart body = new Multipart();
        body.field("objekt", "10");
        body.field("email", visitor);
        body.file("unterlagen", "grundriss.txt", "text/plain", PLAN);
        HttpResponse<String> reply = server.send(body.post(server.uri("/f/anfrage-mails"))
                .header("Accept", "application/json"));
        assertEquals(202, reply.statusCode(), reply.body());
        String id = JsonParser.parseString(reply.body()).getAsJsonObject().get("id").getAsString();
        JsonObject submission = Await.until("delivery of " + id, Duration.ofSeconds(20), () -> {
            JsonObject s = server.adminJson("GET", "/admin/api/submissions/" + id, null).getAsJsonObject();
            assertFalse(s.get("status").getAsString().equals("failed"), s.toString());
            return s.get("status").getAsString().equals("delivered") ? s : null;
        });
        JsonObject records = submission.getAsJsonObject("records");
        for (String mail : List.of("mail.confirmation", "mail.notice", "mail.more1", "mail.addressCompletion")) {
            assertEquals("sent", records.get(mail).getAsString(), mail + " in " + records);
        }
        String sender = server.adminJson("GET", "/admin/api/settings/onoffice", null).getAsJsonObject()
                .getAsJsonArray("senders").get(0).getAsString();

        JsonObject confirmation = only(m -> m.has("templateid") && to(m).equals(List.of(visitor)));
        assertEquals(7, confirmation.get("templateid").getAsInt());
        assertEquals(List.of("archiv@agentur.example"), list(confirmation.getAsJsonArray("bcc")));
        assertFalse(confirmation.has("replyto"), "the visitor's own confirmation needs no reply-to the visitor");
        assertEquals(List.of("10"), list(confirmation.getAsJsonArray("estateids")));
        assertEquals(List.of("urn:onoffice-de-ns:smart:2.5:pdf:expose:lang:Standard"),
                list(confirmation.getAsJsonArray("pdfexposeidentifiers")));
        assertFalse(confirmation.has("attachments"), "the visitor's uploads never go to the address they typed");

        JsonObject notice = only(m -> m.toString().contains("Neue Anfrage von " + visitor));
        assertEquals(List.of("team@agentur.example"), to(notice));
        assertEquals(List.of("chef@agentur.example"), list(notice.getAsJsonArray("cc")));
        assertEquals(visitor, notice.get("replyto").getAsString());
        assertEquals(List.of("501", "502"), list(notice.getAsJsonArray("onlineattachmentids")));
        JsonObject upload = notice.getAsJsonArray("attachments").get(0).getAsJsonObject();
        assertEquals("grundriss.txt", upload.get("name").getAsString());
        assertEquals(PLAN.length, upload.get("size").getAsInt());

        JsonObject more = only(m -> to(m).contains("vertrieb@agentur.example"));
        assertEquals(List.of("vertrieb@agentur.example", visitor), to(more));
        assertEquals("Exposé für", more.get("subject").getAsString(),
                "a mail to the visitor repeats no free text they typed (no spam relay)");
        assertFalse(more.has("replyto"));
        assertEquals(sender, more.get("from").getAsString());

        JsonObject completion = only(m -> m.has("kind") && m.get("kind").getAsString().equals("addressCompletion")
                && to(m).equals(List.of(visitor)));
        assertEquals(records.get("address").getAsString(), completion.get("addressId").getAsString());
        assertEquals("modus2", completion.get("mode").getAsString());
        assertEquals(sender, completion.get("from").getAsString());
    }

    @Test
    void aFourthMailAnUnknownKeyOrAWrongCompletionModeIsRefusedNamingItsPlace() throws Exception {
        String four = FORM.replace("\"anfrage-mails\"", "\"vier-mails\"").replace("\"replyToVisitor\": false}]",
                "\"replyToVisitor\": false}, {\"to\": [\"team@agentur.example\"]}]");
        assertRefused(four, "emails.more[1]");
        assertRefused(FORM.replace("\"anfrage-mails\"", "\"falsch-mails\"").replace("\"replyToVisitor\": false}",
                "\"replyToVisitor\": false, \"attachments\": true}"), "emails.more[0].attachments: unknown key");
        assertRefused(FORM.replace("\"anfrage-mails\"", "\"modus-mails\"").replace("\"modus2\"", "\"modus3\""),
                "emails.addressCompletion");
        assertRefused(FORM.replace("\"anfrage-mails\"", "\"relay-mails\"").replace("{\"expose\": \"Standard\"}",
                "{\"expose\": \"Standard\", \"uploads\": true}"), "emails.confirmation.attach.uploads");
        assertRefused(FORM.replace("\"anfrage-mails\"", "\"vorlage-mails\"").replace("\"templateid\": 7",
                "\"templateid\": \"sieben\""), "emails.confirmation.templateid");
    }

    void assertRefused(String definition, String place) throws Exception {
        HttpResponse<String> reply = server.admin("POST", "/admin/api/forms", definition);
        assertEquals(400, reply.statusCode(), reply.body());
        String error = JsonParser.parseString(reply.body()).getAsJsonObject().get("error").getAsString();
        assertTrue(error.contains(place), error);
    }

    interface MailTest {
        boolean test(JsonObject mail);
    }

    JsonObject only(MailTest which) throws Exception {
        List<JsonObject> found = new ArrayList<>();
        for (JsonElement m : server.simulator().mails()) {
            if (which.test(m.getAsJsonObject())) {
                found.add(m.getAsJsonObject());
            }
        }
        assertEquals(1, found.size(), "mails: " + server.simulator().mails());
        return found.get(0);
    }

    static List<String> to(JsonObject mail) {
        return list(mail.getAsJsonArray("to"));
    }

    static List<String> list(JsonArray a) {
        List<String> out = new ArrayList<>();
        if (a != null) {
            a.forEach(e -> out.add(e.getAsString()));
        }
        return out;
    }
}
