package org.formhaus.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.formhaus.testing.Await;
import org.formhaus.testing.TestForms;
import org.formhaus.testing.TestServer;
import org.junit.jupiter.api.Test;

/** A wrong onOffice secret: the visitor's submission is still accepted, and the admin sees onOffice's own error. */
class WrongOnOfficeSecretIT {

    @Test
    void aSubmissionEndsFailedWithOnOfficesErrorShownAndNoStackTrace() throws Exception {
        try (TestServer server = TestServer.onMariaDb().start()) {
            server.adminJson("PUT", "/admin/api/forms/kontakt", TestForms.CONTACT);
            server.adminJson("PUT", "/admin/api/settings/onoffice", "{\"secret\": \"this-is-not-the-secret\"}");

            HttpResponse<String> reply = server.submitJson("kontakt", ContactFormEndToEnd.entry("wrong.secret@example.org"));
            assertEquals(202, reply.statusCode(), "accepted whatever onOffice says");
            String id = JsonParser.parseString(reply.body()).getAsJsonObject().get("id").getAsString();

            JsonObject failed = Await.until("the submission to fail", Duration.ofSeconds(15), () -> {
                JsonObject s = server.adminJson("GET", "/admin/api/submissions/" + id, null).getAsJsonObject();
                return s.get("status").getAsString().equals("failed") ? s : null;
            });
            String error = failed.get("error").getAsString();
            assertTrue(error.contains("HMAC"), "onOffice's message is shown: " + error);
            assertFalse(error.contains("Exception") || error.contains("\tat "), "no stack trace: " + error);
            assertFalse(error.contains("this-is-not-the-secret"), "no secret: " + error);
            assertFalse(server.simulator().records("address").toString().contains("wrong.secret@example.org"),
                    "nothing reached onOffice");
        }
    }
}
