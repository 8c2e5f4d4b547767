package org.formhaus.admin;

import org.formhaus.storage.Role;
import java.util.List;
import com.google.gson.JsonObject;
import org.formhaus.connection.TestEmailResult;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.formhaus.http.HttpProblem;
import org.formhaus.http.Json;
import org.formhaus.http.KnownKeys;
import org.formhaus.http.JsonServlet;

/**
 * {@code POST /admin/api/connection/check}: probes the account's onOffice API user right by right and answers the
 * {@link org.formhaus.connection.ConnectionReport} as JSON. {@code POST /admin/api/connection/test-email}
 * {@code {"mailbox": ...}} sends a test email from a configured sender mailbox to itself.
 */
public final class ConnectionApiServlet extends JsonServlet implements AdminEndpoints {

    /** Every URL this servlet answers and who may call it (checked by the access guard before it runs). */
    static final List<Endpoint> ENDPOINTS = List.of(
            Endpoint.of("POST", "/admin/api/connection/check", Role.OWNER),
            Endpoint.of("POST", "/admin/api/connection/test-email", Role.OWNER));

    @Override
    public List<Endpoint> endpoints() {
        return ENDPOINTS;
    }


    /** What a test-email request may hold. */
    static final KnownKeys TEST_EMAIL = KnownKeys.of("mailbox");

    private final AccountConnection connection;

    public ConnectionApiServlet(AccountConnection connection) {
        this.connection = connection;
    }

    @Override
    protected void post(HttpServletRequest request, HttpServletResponse response) throws Exception {
        long account = AdminAuthFilter.accountOf(request);
        String[] path = segments(request);
        String action = path.length == 1 ? path[0] : "";
        switch (action) {
            case "check" -> {
                Json.noBody(request);
                Json.send(response, 200, connection.check(account));
            }
            case "test-email" -> {
                JsonObject body = Json.objectBody(request, TEST_EMAIL);
                String mailbox = body.has("mailbox") && body.get("mailbox").isJsonPrimitive()
                        ? body.get("mailbox").getAsString().strip() : "";
                TestEmailResult result = connection.sendTestEmail(account, mailbox);
                Json.send(response, result.sent() ? 200 : 502, result);
            }
            default -> throw HttpProblem.notFound("Endpoint");
        }
    }
}
