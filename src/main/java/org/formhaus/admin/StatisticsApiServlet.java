package org.formhaus.admin;

import org.formhaus.storage.Role;
import java.util.List;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.formhaus.http.HttpProblem;
import org.formhaus.http.Json;
import org.formhaus.http.JsonServlet;
import org.formhaus.http.KnownKeys;
import org.formhaus.statistics.FormStatistics;
import org.formhaus.statistics.StatisticsJson;
import org.formhaus.storage.FormStore;
import org.formhaus.storage.StoredForm;

/**
 * {@code GET /admin/api/statistics/{formKey}?days=7|30|90} (default 30): the form's statistics as JSON
 * ({@link StatisticsJson}); another account's form or an unknown one is 404. Thread-safe.
 */
public final class StatisticsApiServlet extends JsonServlet implements AdminEndpoints {

    /** Every URL this servlet answers and who may call it (checked by the access guard before it runs). */
    static final List<Endpoint> ENDPOINTS = List.of(
            Endpoint.of("GET", "/admin/api/statistics/{form}", Role.VIEWER));

    @Override
    public List<Endpoint> endpoints() {
        return ENDPOINTS;
    }


    private final FormStore forms;
    private final FormStatistics statistics;

    public StatisticsApiServlet(FormStore forms, FormStatistics statistics) {
        this.forms = forms;
        this.statistics = statistics;
    }

    @Override
    protected void get(HttpServletRequest request, HttpServletResponse response) throws Exception {
        long account = AdminAuthFilter.accountOf(request);
        String[] path = segments(request);
        if (path.length != 1) {
            throw HttpProblem.notFound("Statistics");
        }
        KnownKeys.checkParameters(request, "days");
        int days = days(request.getParameter("days"));
        StoredForm form = forms.current(path[0]).filter(f -> f.accountId() == account)
                .orElseThrow(() -> HttpProblem.notFound("Form '" + path[0] + "'"));
        Json.send(response, 200, StatisticsJson.of(statistics.report(form.key(),
                form.definition().steps().size(), days)));
    }

    /** The period asked for: 7, 30 or 90 days; 30 when not given. */
    public static int days(String value) {
        if (value == null || value.isEmpty()) {
            return 30;
        }
        try {
            int days = Integer.parseInt(value);
            if (FormStatistics.PERIODS.contains(days)) {
                return days;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw HttpProblem.badRequest("days: must be 7, 30 or 90");
    }
}
