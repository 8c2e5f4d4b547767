package org.formhaus.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.formhaus.storage.ConfirmationQuota;
import org.formhaus.storage.Database;
import org.formhaus.testing.Await;
import org.formhaus.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Confirmation e-mails are no spam relay, with default settings on MariaDB, read from the simulator's sent mails: they
 * repeat no free text the visitor typed unless the form opts the field in, and each address gets at most 3 a day,
 * counted in the database across instances.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConfirmationNoSpamRelayIT {

    static final String FORM = """
            { "key": "%s", "kind": "contact", "language": "de", "title": "Anfrage",
              "fields": [
                {"name": "vorname", "type": "text",  "label": "Vorname", "required": true, "maps": "address.Vorname"},
                {"name": "email",   "type": "email", "label": "E-Mail",  "required": true, "maps": "address.Email"},
                {"name": "text",    "type": "textarea", "label": "Nachricht"}
              ],
              "emails": {
                "confirmation": {"enabled": true, "subject": "Danke, ${values.vorname}" %s},
                "notice": {"enabled": true, "to": ["team@agentur.example"]}
              } }""";
    static final String SPAM = "Cheap pills at http://pills.example";

    @RegisterExtension
    final TestServer server = TestServer.onMariaDb().perTestClass();

    @Test
    void aConfirmationRepeatsNoFreeTextAndAnAddressGetsAtMostThreeADayWhileEveryNoticeGoes() throws Exception {
        server.adminJson("PUT", "/admin/api/forms/relay", FORM.formatted("relay", ""));
        for (int i = 0; i < 4; i++) {
            deliver("relay", "victim@example.org", SPAM);
        }
        List<JsonObject> toVictim = server.simulator().mailsTo("victim@example.org");
        assertEquals(3, toVictim.size(), toVictim.toString());
        for (JsonObject mail : toVictim) {
            assertFalse(mail.toString().contains("pills"), mail.toString());
            assertTrue(mail.get("subject").getAsString().startsWith("Danke,"), mail.toString());
        }
        List<JsonObject> notices = server.simulator().mailsTo("team@agentur.example");
        assertEquals(4, notices.stream().filter(m -> m.toString().contains("victim@example.org")).count(),
                "the agency hears of every lead: " + notices);
    }

    @Test
    void aFieldTheFormOptsInIsRepeated() throws Exception {
        server.adminJson("PUT", "/admin/api/forms/repeat", FORM.formatted("repeat", ", \"repeatFields\": [\"text\"]"));
        deliver("repeat", "opted.in@example.org", "Bitte um Rückruf am Montag");
        List<JsonObject> mails = server.simulator().mailsTo("opted.in@example.org");
        assertEquals(1, mails.size(), mails.toString());
        assertTrue(mails.get(0).toString().contains("Bitte um Rückruf am Montag"), mails.get(0).toString());
        assertFalse(mails.get(0).get("subject").getAsString().contains("Max"), "vorname is not opted in");
    }

    @Test
    void aFormNamingAnUnknownFieldToRepeatIsRefusedAtSave() throws Exception {
        HttpResponse<String> reply = server.admin("PUT", "/admin/api/forms/unknown-repeat",
                FORM.formatted("unknown-repeat", ", \"repeatFields\": [\"nachname\"]"));
        assertEquals(400, reply.statusCode(), reply.body());
        assertTrue(reply.body().contains("emails.confirmation.repeatFields[0]"), reply.body());
    }

    @Test
    void theQuotaIsCountedAcrossInstancesAndATriedAgainDeliveryCountsOnce() throws Exception {
        try (Database a = server.database().open(); Database b = server.database().open()) {
            ConfirmationQuota first = new ConfirmationQuota(a, 3);
            ConfirmationQuota second = new ConfirmationQuota(b, 3);
            long now = System.currentTimeMillis();
            assertTrue(first.admits("s1", "Shared@Example.org", now));
            assertTrue(second.admits("s2", "shared@example.org", now));
            assertTrue(first.admits("s2", "shared@example.org", now), "the same submission again: same answer");
            assertTrue(second.admits("s3", "shared@example.org", now));
            assertFalse(first.admits("s4", "shared@example.org", now));
            assertFalse(second.admits("s4", "shared@example.org", now));
            assertTrue(first.admits("s5", "other@example.org", now));
            assertTrue(first.admits("s6", "shared@example.org", now + 86_400_000L), "a new day");
        }
    }

    private void deliver(String form, String email, String text) throws Exception {
        HttpResponse<String> reply = server.submitJson(form, Map.of("vorname", List.of("Max " + text),
                "email", List.of(email), "text", List.of(text)));
        assertEquals(202, reply.statusCode(), reply.body());
        String id = JsonParser.parseString(reply.body()).getAsJsonObject().get("id").getAsString();
        Await.until("delivery of " + id, Duration.ofSeconds(20), () -> {
            JsonObject s = server.adminJson("GET", "/admin/api/submissions/" + id, null).getAsJsonObject();
            assertFalse(s.get("status").getAsString().equals("failed"), s.toString());
            return s.get("status").getAsString().equals("delivered") ? s : null;
        });
    }
}
