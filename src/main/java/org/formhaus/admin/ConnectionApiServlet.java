package org.formhaus.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.formhaus.web.HttpProblem;
import org.formhaus.web.Json;
import org.formhaus.web.JsonServlet;

/**
 * {@code POST /admin/api/connection/check}: probes the account's onOffice API user right by right and answers the
 * {@link org.formhaus.connection.ConnectionReport} as JSON.
 */
public final class ConnectionApiServlet extends JsonServlet {

    private final AccountConnection connection;

    public ConnectionApiServlet(AccountConnection connection) {
        this.connection = connection;
    }

    @Override
    protected void post(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String[] path = segments(request);
        if (path.length != 1 || !path[0].equals("check")) {
            throw HttpProblem.notFound("Endpoint");
        }
        Json.send(response, 200, connection.check(AdminAuthFilter.accountOf(request)));
    }
}
