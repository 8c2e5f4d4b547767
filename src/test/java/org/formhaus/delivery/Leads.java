package org.formhaus.delivery;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.formhaus.testing.TestServer;

/**
 * The delivery tests' form (contact, with a confirmation to the visitor and a notice to the team), their submissions
 * and how they count what reached the simulator: addresses by email, confirmations by receiver, notices by reply-to.
 */
final class Leads {

    static final String TEAM = "team@agentur.example";
    static final String FORM = """
            { "key": "lead", "kind": "contact", "language": "de", "title": "Anfrage",
              "fields": [
                {"name": "vorname", "type": "text",  "label": "Vorname", "required": true, "maps": "address.Vorname"},
                {"name": "email",   "type": "email", "label": "E-Mail",  "required": true, "maps": "address.Email"},
                {"name": "text",    "type": "textarea", "label": "Nachricht"}
              ],
              "emails": {
                "confirmation": {"enabled": true, "subject": "Danke, ${values.vorname}"},
                "notice": {"enabled": true, "to": ["team@agentur.example"]}
              } }""";

    private Leads() {
    }

    static Map<String, List<String>> entry(String email) {
        return Map.of("vorname", List.of("Max"), "email", List.of(email), "text", List.of("Rückruf <bitte>"));
    }

    /** Submits and returns the submission id; fails unless accepted (202). */
    static String submit(TestServer server, String email) throws Exception {
        HttpResponse<String> reply = server.submitJson("lead", entry(email));
        if (reply.statusCode() != 202) {
            throw new AssertionError("submission of " + email + " → " + reply.statusCode() + " " + reply.body());
        }
        return JsonParser.parseString(reply.body()).getAsJsonObject().get("id").getAsString();
    }

    /** One number from the database, e.g. {@code SELECT COUNT(*) FROM submission WHERE status = 'delivered'}. */
    static long count(String dbUrl, String sql) throws java.sql.SQLException {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(dbUrl);
             java.sql.ResultSet row = c.createStatement().executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    /** Points the first account at {@code apiUri} with the test simulator's credentials and both its mailboxes. */
    static String onOfficeSettings(java.net.URI apiUri) {
        return "{\"url\": \"" + apiUri + "\", \"token\": \"" + TestServer.SIM_TOKEN + "\", \"secret\": \""
                + TestServer.SIM_SECRET + "\", \"senders\": [\"info@agentur.example\"]}";
    }

    /** Every email once as an address, a confirmation and a notice; at most once where a mail is unconfirmed. */
    static void assertExactlyOnce(JsonArray addresses, JsonArray mails, List<String> emails) {
        for (String email : emails) {
            org.junit.jupiter.api.Assertions.assertEquals(1, addresses(addresses, email), "addresses of " + email);
            org.junit.jupiter.api.Assertions.assertEquals(1, confirmations(mails, email), "confirmations to " + email);
            org.junit.jupiter.api.Assertions.assertEquals(1, notices(mails, email), "notices about " + email);
        }
    }

    /** Addresses the simulator holds with this email. */
    static long addresses(JsonArray records, String email) {
        long n = 0;
        for (JsonElement e : records) {
            if (e.toString().toLowerCase(java.util.Locale.ROOT).contains("\"" + email + "\"")) {
                n++;
            }
        }
        return n;
    }

    /** Confirmations the simulator sent to this visitor. */
    static long confirmations(JsonArray mails, String email) {
        long n = 0;
        for (JsonElement e : mails) {
            JsonObject m = e.getAsJsonObject();
            if (m.has("to") && m.getAsJsonArray("to").toString().contains("\"" + email + "\"")) {
                n++;
            }
        }
        return n;
    }

    /** Notices the simulator sent to the team about this visitor (reply-to is the visitor). */
    static long notices(JsonArray mails, String email) {
        long n = 0;
        for (JsonElement e : mails) {
            JsonObject m = e.getAsJsonObject();
            if (m.has("replyto") && m.get("replyto").getAsString().equals(email)
                    && m.getAsJsonArray("to").toString().contains(TEAM)) {
                n++;
            }
        }
        return n;
    }
}
