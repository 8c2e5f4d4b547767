package org.formhaus.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.formhaus.testing.Await;
import org.formhaus.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The internal notice reaches the responsible agent: the inquired estate's agent, else the form's task user. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoticeToResponsibleAgentIT {

    static final String FORM = """
            { "key": "%s", "kind": "inquiry", "title": "Anfrage", "onoffice": {"task": {"user": "%s"}},
              "emails": {"notice": {"to": ["responsible"], "subject": "Neue Anfrage von ${values.email}"}},
              "fields": [
                {"name": "objekt", "type": "hidden", "label": "Objekt", "maps": "estate.Id"},
                {"name": "email", "type": "email", "label": "E-Mail", "required": true, "maps": "address.Email"} ] }""";

    @RegisterExtension
    final TestServer server = TestServer.onMariaDb().perTestClass();

    @Test
    void theNoticeGoesToTheInquiredEstatesAgent() throws Exception {
        server.adminJson("PUT", "/admin/api/forms/agent-estate", FORM.formatted("agent-estate", "estate"));
        deliver("agent-estate", "10", "estate.agent@example.org");
        assertEquals(List.of("maria.makler@agentur.example"), noticeReceivers("estate.agent@example.org"));
    }

    @Test
    void withoutAnAgentTheNoticeGoesToTheSenderMailboxSoTheLeadIsNotMissed() throws Exception {
        server.adminJson("PUT", "/admin/api/forms/agent-none", FORM.formatted("agent-none", "estate"));
        deliver("agent-none", "", "no.agent@example.org");
        String sender = server.adminJson("GET", "/admin/api/settings/onoffice", null).getAsJsonObject()
                .getAsJsonArray("senders").get(0).getAsString();
        assertEquals(List.of(sender), noticeReceivers("no.agent@example.org"));
    }

    void deliver(String form, String estate, String email) throws Exception {
        HttpResponse<String> reply = server.submitJson(form, Map.of("objekt", List.of(estate), "email", List.of(email)));
        assertEquals(202, reply.statusCode(), reply.body());
        String id = JsonParser.parseString(reply.body()).getAsJsonObject().get("id").getAsString();
        Await.until("delivery of " + id, Duration.ofSeconds(15), () -> {
            JsonObject s = server.adminJson("GET", "/admin/api/submissions/" + id, null).getAsJsonObject();
            assertTrue(!s.get("status").getAsString().equals("failed"), s.toString());
            return s.get("status").getAsString().equals("delivered") ? s : null;
        });
    }

    /** The receivers of the notice mail whose subject names the visitor's email. */
    List<String> noticeReceivers(String visitor) throws Exception {
        for (JsonElement mail : server.simulator().mails()) {
            if (mail.toString().contains("Neue Anfrage von " + visitor)) {
                List<String> receivers = new ArrayList<>();
                mail.getAsJsonObject().getAsJsonArray("to").forEach(r -> receivers.add(r.getAsString()));
                return receivers;
            }
        }
        throw new AssertionError("no notice for " + visitor + " in " + server.simulator().mails());
    }
}
