package org.formhaus.admin.ui;

import org.formhaus.admin.Endpoint;
import org.formhaus.admin.AdminEndpoints;
import org.formhaus.storage.Role;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.formhaus.admin.AdminSession;
import org.formhaus.admin.FailedRetries;
import org.formhaus.admin.SubmissionExport;
import org.formhaus.admin.SubmissionQuery;
import org.formhaus.export.CsvSeparator;
import org.formhaus.export.LabelledValues;
import org.formhaus.forms.Field;
import org.formhaus.forms.FormDefinition;
import org.formhaus.forms.Values;
import org.formhaus.http.Attachment;
import org.formhaus.http.HttpProblem;
import org.formhaus.http.KnownKeys;
import org.formhaus.privacy.PersonFields;
import org.formhaus.privacy.TermHashes;
import org.formhaus.render.Templates;
import org.formhaus.storage.DeliveryAttempt;
import org.formhaus.storage.DeliveryJobStore;
import org.formhaus.storage.FormStore;
import org.formhaus.storage.StoredFile;
import org.formhaus.storage.StoredForm;
import org.formhaus.storage.Submission;
import org.formhaus.storage.SubmissionCursor;
import org.formhaus.storage.SubmissionFileStore;
import org.formhaus.storage.SubmissionSearch;
import org.formhaus.storage.SubmissionStatus;
import org.formhaus.storage.SubmissionStore;
import org.formhaus.submission.Consent;

/**
 * The account's submissions under {@code /admin/submissions}: the list over all forms or one (search by name or
 * e-mail, filters by form, status and dates, keyset pages of {@value #PAGE}), its CSV export
 * ({@code export.csv?separator=comma|semicolon}), one submission's page ({@code /{id}}: every value with its label,
 * files, consents, page context, onOffice records, e-mails, attempts), a file's download ({@code /{id}/files/{n}}),
 * and the POSTs retry ({@code /{id}/retry}) and retry all failed of a form ({@code /retry-failed}). Another account's
 * submission or file is a 404 like an unknown one.
 */
public final class SubmissionPagesServlet extends PageServlet implements AdminEndpoints {

    /** Every URL this servlet answers and who may call it (checked by the access guard before it runs). */
    static final List<Endpoint> ENDPOINTS = List.of(
            Endpoint.of("GET", "/admin/submissions", Role.VIEWER),
            Endpoint.of("GET", "/admin/submissions/export.csv", Role.VIEWER),
            Endpoint.of("GET", "/admin/submissions/{submission}", Role.VIEWER),
            Endpoint.of("GET", "/admin/submissions/{submission}/files/{file}", Role.VIEWER),
            Endpoint.of("POST", "/admin/submissions/retry-failed", Role.EDITOR),
            Endpoint.of("POST", "/admin/submissions/{submission}/retry", Role.EDITOR),
            Endpoint.of("POST", "/admin/submissions/{submission}/revoke-links", Role.EDITOR));

    @Override
    public List<Endpoint> endpoints() {
        return ENDPOINTS;
    }


    static final int PAGE = 50;
    private static final int SUMMARY_CHARS = 120;
    private static final ZoneId ZONE = ZoneId.systemDefault();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZONE);

    private final AdminSession sessions;
    private final FormStore forms;
    private final SubmissionStore submissions;
    private final SubmissionSearch search;
    private final SubmissionFileStore files;
    private final DeliveryJobStore jobs;
    private final FailedRetries failedRetries;
    private final SubmissionExport export;
    private final TermHashes hashes;
    private final java.time.Duration giveUpAfter;
    private final Runnable onRetry;
    /** Edit links (#12): listed on a submission's page and revoked from it; null without edit links. */
    private final org.formhaus.editing.EditLinks editLinks;

    /** What the pages work with; one per application. */
    public record Parts(FormStore forms, SubmissionStore submissions, SubmissionSearch search,
                        SubmissionFileStore files, DeliveryJobStore jobs, FailedRetries failedRetries,
                        SubmissionExport export, TermHashes hashes, java.time.Duration giveUpAfter,
                        Runnable onRetry) {
    }

    public SubmissionPagesServlet(Templates templates, AdminSession sessions, Parts parts) {
        this(templates, sessions, parts, null);
    }

    /** @param editLinks the edit links a submission's page lists and revokes (#12); null: none */
    public SubmissionPagesServlet(Templates templates, AdminSession sessions, Parts parts,
                                  org.formhaus.editing.EditLinks editLinks) {
        super(templates);
        this.editLinks = editLinks;
        this.sessions = sessions;
        this.forms = parts.forms();
        this.submissions = parts.submissions();
        this.search = parts.search();
        this.files = parts.files();
        this.jobs = parts.jobs();
        this.failedRetries = parts.failedRetries();
        this.export = parts.export();
        this.hashes = parts.hashes();
        this.giveUpAfter = parts.giveUpAfter();
        this.onRetry = parts.onRetry();
    }

    @Override
    protected void get(Page page) throws Exception {
        Optional<AdminSession.SignedIn> signedIn = sessions.current(page.request());
        if (signedIn.isEmpty()) {
            toLogin(page);
            return;
        }
        long account = signedIn.get().accountId();
        String[] path = path(page);
        Map<String, Object> model = new HashMap<>();
        model.put("user", signedIn.get().user().email());
        if (path.length == 0) {
            list(page, account, model);
        } else if (path.length == 1 && path[0].equals("export.csv")) {
            exportCsv(page, account);
        } else if (path.length == 1) {
            detail(page, owned(account, path[0]), model);
        } else if (path.length == 3 && path[1].equals("files")) {
            download(page, owned(account, path[0]), path[2]);
        } else {
            throw HttpProblem.notFound("Page");
        }
    }

    @Override
    protected void post(Page page) throws Exception {
        Optional<AdminSession.SignedIn> signedIn = sessions.current(page.request());
        if (signedIn.isEmpty()) {
            toLogin(page);
            return;
        }
        long account = signedIn.get().accountId();
        String[] path = path(page);
        if (path.length == 1 && path[0].equals("retry-failed")) {
            String form = Optional.ofNullable(page.request().getParameter("form")).orElse("");
            int retried = failedRetries.retryAll(account, form);
            if (retried < 0) {
                throw HttpProblem.notFound("Form '" + form + "'");
            }
            redirect(page, "/admin/submissions?form=" + url(form) + "&retried=" + retried);
        } else if (path.length == 2 && path[1].equals("retry")) {
            Submission s = owned(account, path[0]);
            long now = System.currentTimeMillis();
            boolean retried = !s.erased() && jobs.retry(s.id(), now, now + giveUpAfter.toMillis());
            if (retried) {
                onRetry.run();
            }
            redirect(page, "/admin/submissions/" + s.id() + "?retried=" + retried);
        } else if (path.length == 2 && path[1].equals("revoke-links") && editLinks != null) {
            Submission s = owned(account, path[0]);
            int revoked = editLinks.revokeSubmission(s);
            redirect(page, "/admin/submissions/" + s.id() + "?revoked=" + revoked);
        } else {
            throw HttpProblem.notFound("Page");
        }
    }

    private void list(Page page, long account, Map<String, Object> model) throws Exception {
        List<String> known = new ArrayList<>(SubmissionQuery.PARAMETERS);
        known.addAll(List.of("after", "retried", "lang"));
        KnownKeys.checkParameters(page.request(), known.toArray(String[]::new));
        SubmissionQuery query = SubmissionQuery.of(page.request());
        Map<String, String> titles = new LinkedHashMap<>();
        for (StoredForm form : forms.list(account)) {
            titles.put(form.key(), Optional.ofNullable(form.definition().title()).orElse(form.key()));
        }
        if (query.form() != null && !titles.containsKey(query.form())) {
            throw HttpProblem.notFound("Form '" + query.form() + "'");
        }
        SubmissionCursor after = SubmissionCursor.parse(page.request().getParameter("after")).orElse(null);
        SubmissionSearch.Page found = search.page(query.filter(account, hashes, ZONE), after, PAGE);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Submission s : found.rows()) {
            Map<String, Object> row = new HashMap<>();
            row.put("id", s.id());
            row.put("created", TIME.format(Instant.ofEpochMilli(s.createdMs())));
            row.put("form", s.formKey());
            row.put("formTitle", titles.getOrDefault(s.formKey(), s.formKey()));
            row.put("status", s.status().jsonName());
            row.put("erased", s.erased());
            row.put("summary", summary(s));
            rows.add(row);
        }
        model.put("rows", rows);
        model.put("forms", titles);
        model.put("q", query);
        model.put("params", query.asParameters());
        model.put("statuses", java.util.Arrays.stream(SubmissionStatus.values()).map(SubmissionStatus::jsonName)
                .toList());
        found.next().ifPresent(next -> model.put("next", next.toString()));
        model.put("paged", after != null);
        String retried = page.request().getParameter("retried");
        if (retried != null && retried.matches("\\d{1,9}")) {
            model.put("retried", retried);
        }
        model.put("separator", CsvSeparator.forLanguage(page.text().lang()).name().toLowerCase(java.util.Locale.ROOT));
        render(page, 200, "admin/submission-list.ftlh", model);
    }

    /** Who sent it (name and e-mail fields) and the first other values, shortened. */
    private String summary(Submission s) throws Exception {
        if (s.data() == null) {
            return "";
        }
        FormDefinition definition = forms.version(s.formKey(), s.formVersion()).map(StoredForm::definition)
                .orElse(null);
        List<String> who = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        if (definition != null) {
            for (Field field : definition.fields()) {
                String value = String.join(", ", Values.list(s.data().values().get(field.name())));
                if (value.isEmpty() || !field.type().carriesValue()
                        || field.type() == org.formhaus.forms.FieldType.CONSENT) {
                    continue;
                }
                (PersonFields.isName(field) || PersonFields.isEmail(field) ? who : rest).add(value);
            }
        }
        List<String> all = new ArrayList<>(who);
        all.addAll(rest);
        String text = String.join(" · ", all);
        return text.length() <= SUMMARY_CHARS ? text : text.substring(0, SUMMARY_CHARS - 1) + "…";
    }

    private void detail(Page page, Submission s, Map<String, Object> model) throws Exception {
        FormDefinition definition = forms.version(s.formKey(), s.formVersion()).map(StoredForm::definition)
                .orElse(null);
        model.put("id", s.id());
        model.put("form", s.formKey());
        model.put("formTitle", definition == null ? s.formKey() : definition.title());
        model.put("formVersion", s.formVersion());
        model.put("status", s.status().jsonName());
        model.put("created", SECONDS.format(Instant.ofEpochMilli(s.createdMs())));
        model.put("updated", SECONDS.format(Instant.ofEpochMilli(s.updatedMs())));
        model.put("error", Optional.ofNullable(s.lastError()).orElse(""));
        model.put("erased", s.erased());
        model.put("retryable", s.status() == SubmissionStatus.FAILED && !s.erased());
        model.put("values", LabelledValues.of(definition, s.data()));
        List<Map<String, Object>> fileRows = new ArrayList<>();
        List<StoredFile> stored = files.list(s.id());
        for (int i = 0; i < stored.size(); i++) {
            StoredFile f = stored.get(i);
            fileRows.add(Map.of("n", i + 1, "name", f.fileName(), "type", f.contentType(), "size", f.size(),
                    "field", f.field()));
        }
        model.put("files", fileRows);
        List<Map<String, Object>> consents = new ArrayList<>();
        Map<String, String> context = new LinkedHashMap<>();
        if (s.data() != null) {
            for (Consent c : s.data().consents()) {
                consents.add(Map.of("field", c.field(), "text", c.text(), "version",
                        Optional.ofNullable(c.version()).orElse(""), "formVersion", c.formVersion(), "acceptedAt",
                        SECONDS.format(c.acceptedAt())));
            }
            context.putAll(s.data().context().asMap());
            model.put("language", Optional.ofNullable(s.data().language()).orElse(""));
        }
        model.put("consents", consents);
        model.put("context", context);
        Map<String, String> records = new LinkedHashMap<>();
        Map<String, String> mails = new LinkedHashMap<>();
        s.records().entrySet().forEach(e -> {
            String value = e.getValue().isJsonPrimitive() ? e.getValue().getAsString() : e.getValue().toString();
            (e.getKey().startsWith("mail.") ? mails : records).put(e.getKey(), value);
        });
        model.put("records", records);
        model.put("mails", mails);
        List<Map<String, Object>> attempts = new ArrayList<>();
        for (DeliveryAttempt a : submissions.attempts(s.id())) {
            attempts.add(Map.of("started", SECONDS.format(Instant.ofEpochMilli(a.startedMs())), "outcome",
                    a.outcome(), "message", Optional.ofNullable(a.message()).orElse(""), "millis",
                    a.finishedMs() - a.startedMs()));
        }
        model.put("attempts", attempts);
        model.put("editLinks", editLinkRows(s));
        String revoked = page.request().getParameter("revoked");
        if (revoked != null && revoked.matches("\\d{1,9}")) {
            model.put("revoked", revoked);
        }
        String retried = page.request().getParameter("retried");
        if (retried != null) {
            model.put("retried", retried.equals("true"));
        }
        render(page, 200, "admin/submission.ftlh", model);
    }

    /** The edit links this submission's e-mails carried and those to the records it created or edited. */
    private List<Map<String, Object>> editLinkRows(Submission s) throws java.sql.SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        if (editLinks == null) {
            return rows;
        }
        for (org.formhaus.storage.EditLink link : editLinks.ofSubmission(s)) {
            rows.add(Map.of("form", link.formKey(), "module", link.module(), "state", editLinks.state(link),
                    "created", SECONDS.format(Instant.ofEpochMilli(link.createdMs())),
                    "expires", SECONDS.format(Instant.ofEpochMilli(link.expiresMs()))));
        }
        return rows;
    }

    private void download(Page page, Submission s, String number) throws Exception {
        List<StoredFile> stored = files.list(s.id());
        int n;
        try {
            n = Integer.parseInt(number);
        } catch (NumberFormatException e) {
            throw HttpProblem.notFound("File");
        }
        if (n < 1 || n > stored.size()) {
            throw HttpProblem.notFound("File");
        }
        StoredFile file = stored.get(n - 1);
        byte[] bytes = files.content(file.id()).orElseThrow(() -> HttpProblem.notFound("File"));
        // Served as bytes to save, never as something the browser runs in Formhaus's origin.
        Attachment.headers(page.response(), "application/octet-stream", file.fileName());
        page.response().setContentLength(bytes.length);
        try (OutputStream out = page.response().getOutputStream()) {
            out.write(bytes);
        }
    }

    private void exportCsv(Page page, long account) throws Exception {
        List<String> known = new ArrayList<>(SubmissionQuery.PARAMETERS);
        known.addAll(List.of("separator", "lang"));
        KnownKeys.checkParameters(page.request(), known.toArray(String[]::new));
        SubmissionQuery query = SubmissionQuery.of(page.request());
        if (query.form() != null && !FailedRetries.owns(forms, account, query.form())) {
            throw HttpProblem.notFound("Form '" + query.form() + "'");
        }
        String name = page.request().getParameter("separator");
        CsvSeparator separator = name == null ? CsvSeparator.forLanguage(page.text().lang())
                : CsvSeparator.named(name).orElseThrow(() -> HttpProblem.badRequest(
                        "separator must be comma or semicolon"));
        UiText text = page.text();
        export.send(page.response(), query.filter(account, hashes, ZONE), separator,
                new org.formhaus.export.SubmissionCsv.Header(text.get("list.col.id"), text.get("list.col.received"),
                        text.get("list.col.form"), text.get("list.col.status")),
                status -> text.get("status." + status.jsonName()));
    }

    /** The account's submission with that id; 404 for an unknown id and another account's alike. */
    private Submission owned(long account, String id) throws Exception {
        return submissions.find(id).filter(s -> s.accountId() == account)
                .orElseThrow(() -> HttpProblem.notFound("Submission '" + id + "'"));
    }

    private static String[] path(Page page) {
        String info = page.request().getPathInfo();
        return info == null || info.equals("/") ? new String[0] : info.substring(1).split("/");
    }

    private static String url(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
