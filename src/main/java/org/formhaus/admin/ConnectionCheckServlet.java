package org.formhaus.admin;

import com.google.gson.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.formhaus.connection.ConnectionCheck;
import org.formhaus.connection.ConnectionReport;
import org.formhaus.connection.TestEmailResult;
import org.formhaus.delivery.ClientFactory;
import org.formhaus.forms.FormDefinition;
import org.formhaus.storage.Account;
import org.formhaus.storage.AccountStore;
import org.formhaus.storage.FormStore;
import org.formhaus.storage.StoredForm;
import org.formhaus.web.HttpProblem;
import org.formhaus.web.Json;
import org.formhaus.web.JsonServlet;

/**
 * {@code POST /admin/api/connection/check}: probes the account's onOffice API user right by right, for what the
 * account's forms need. {@code POST /admin/api/connection/test-email} {@code {"mailbox": ...}} sends a test email from
 * a configured sender mailbox to itself.
 */
public final class ConnectionCheckServlet extends JsonServlet {

    private final AccountStore accounts;
    private final FormStore forms;
    private final ClientFactory clients;

    public ConnectionCheckServlet(AccountStore accounts, FormStore forms, ClientFactory clients) {
        this.accounts = accounts;
        this.forms = forms;
        this.clients = clients;
    }

    @Override
    protected void post(HttpServletRequest request, HttpServletResponse response) throws Exception {
        Account account = accounts.find(AdminAuthFilter.accountOf(request))
                .orElseThrow(() -> HttpProblem.notFound("Account"));
        if (!account.onOffice().complete()) {
            throw new HttpProblem(409, "Enter the onOffice API user's token and secret first "
                    + "(PUT /admin/api/settings/onoffice)");
        }
        ConnectionCheck check = new ConnectionCheck(clients.clientFor(account.onOffice()));
        String[] path = segments(request);
        String action = path.length == 1 ? path[0] : "";
        switch (action) {
            case "check" -> {
                List<FormDefinition> definitions = forms.list(account.id()).stream().map(StoredForm::definition).toList();
                ConnectionReport report = check.run(account.senders(),
                        FormFeatures.of(definitions, !account.senders().isEmpty()));
                Json.send(response, 200, report);
            }
            case "test-email" -> {
                JsonObject body = Json.objectBody(request);
                String mailbox = body.has("mailbox") && body.get("mailbox").isJsonPrimitive()
                        ? body.get("mailbox").getAsString().strip() : "";
                if (!account.senders().contains(mailbox)) {
                    throw HttpProblem.badRequest("mailbox: '" + mailbox + "' is not one of the configured senders "
                            + account.senders());
                }
                TestEmailResult result = check.sendTestEmail(mailbox);
                Json.send(response, result.sent() ? 200 : 502, result);
            }
            default -> throw HttpProblem.notFound("Endpoint");
        }
    }
}
