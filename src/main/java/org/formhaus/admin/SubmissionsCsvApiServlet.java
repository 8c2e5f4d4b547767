package org.formhaus.admin;

import org.formhaus.storage.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import org.formhaus.export.CsvSeparator;
import org.formhaus.export.SubmissionCsv;
import org.formhaus.http.HttpProblem;
import org.formhaus.http.JsonServlet;
import org.formhaus.http.KnownKeys;
import org.formhaus.privacy.TermHashes;
import org.formhaus.storage.FormStore;

/**
 * {@code GET /admin/api/submissions.csv?form=KEY}: the account's submissions as CSV (see {@link SubmissionExport}),
 * for scripts with an API token. Optional: {@code status}, {@code from}, {@code to}, {@code q} as on the admin page,
 * and {@code separator=comma|semicolon} (default comma). Without {@code form}, every form of the account; another
 * account's form key → 404.
 */
public final class SubmissionsCsvApiServlet extends JsonServlet implements AdminEndpoints {

    /** Every URL this servlet answers and who may call it (checked by the access guard before it runs). */
    static final List<Endpoint> ENDPOINTS = List.of(
            Endpoint.of("GET", "/admin/api/submissions.csv", Role.VIEWER));

    @Override
    public List<Endpoint> endpoints() {
        return ENDPOINTS;
    }


    private static final SubmissionCsv.Header HEADER = new SubmissionCsv.Header("id", "received", "form", "status");

    private final SubmissionExport export;
    private final FormStore forms;
    private final TermHashes hashes;

    public SubmissionsCsvApiServlet(SubmissionExport export, FormStore forms, TermHashes hashes) {
        this.export = export;
        this.forms = forms;
        this.hashes = hashes;
    }

    @Override
    protected void get(HttpServletRequest request, HttpServletResponse response) throws Exception {
        long account = AdminAuthFilter.accountOf(request);
        List<String> known = new ArrayList<>(SubmissionQuery.PARAMETERS);
        known.add("separator");
        KnownKeys.checkParameters(request, known.toArray(String[]::new));
        String separatorName = request.getParameter("separator");
        CsvSeparator separator = separatorName == null ? CsvSeparator.COMMA : CsvSeparator.named(separatorName)
                .orElseThrow(() -> HttpProblem.badRequest("separator must be comma or semicolon"));
        SubmissionQuery query = SubmissionQuery.of(request);
        if (query.form() != null && !FailedRetries.owns(forms, account, query.form())) {
            throw HttpProblem.notFound("Form '" + query.form() + "'");
        }
        export.send(response, query.filter(account, hashes, export.zone()), separator, HEADER,
                status -> status.jsonName());
    }
}
