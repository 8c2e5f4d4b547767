package org.formhaus.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.formhaus.testing.TestServer;
import org.junit.jupiter.api.Test;

/** The admin API refuses a form whose mail template would fail, naming the place, before any visitor submits. */
class MailTemplatesOnSaveIT {

    @Test
    void aFormWithATemplateThatDoesNotParseIsRefusedWith400NamingThePlace() throws Exception {
        try (TestServer server = TestServer.onH2().start()) {
            String form = """
                    { "key": "kontakt", "kind": "contact", "language": "de", "title": "Kontakt",
                      "fields": [{"name": "email", "type": "email", "label": "E-Mail", "required": true,
                                  "maps": "address.Email"}],
                      "emails": {"confirmation": {"body": "<p>${values.email</p>"}} }""";
            HttpResponse<String> reply = server.admin("POST", "/admin/api/forms", form);
            assertEquals(400, reply.statusCode(), reply.body());
            assertTrue(reply.body().contains("emails.confirmation.body: does not parse"), reply.body());

            HttpResponse<String> fixed = server.admin("POST", "/admin/api/forms",
                    form.replace("${values.email</p>", "${values.email}</p>"));
            assertEquals(201, fixed.statusCode(), fixed.body());
        }
    }
}
