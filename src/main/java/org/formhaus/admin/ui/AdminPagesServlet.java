package org.formhaus.admin.ui;

import org.formhaus.admin.Endpoint;
import org.formhaus.admin.AdminEndpoints;
import org.formhaus.storage.Role;
import com.google.gson.JsonParser;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.formhaus.admin.AccountConnection;
import org.formhaus.admin.AdminSession;
import org.formhaus.admin.FormList;
import org.formhaus.storage.FormDrafts;
import org.formhaus.connection.ConnectionReport;
import org.formhaus.connection.TestEmailResult;
import org.formhaus.render.Templates;
import org.formhaus.storage.Account;
import org.formhaus.storage.AccountStore;
import org.formhaus.storage.AdminUserStore;
import org.formhaus.storage.FormStore;
import org.formhaus.storage.StoredForm;
import org.formhaus.storage.Submission;
import org.formhaus.storage.SubmissionCounts;
import org.formhaus.storage.SubmissionStatus;
import org.formhaus.storage.SubmissionStore;
import org.formhaus.storage.WebhookStore;
import org.formhaus.http.Html;
import org.formhaus.http.HttpProblem;
import org.formhaus.http.Json;

/**
 * The signed-in admin's pages under {@code /admin}: dashboard, form editor, submissions of a form, settings (with the
 * connection check and the test e-mail from each sender mailbox), API tokens and the onOffice setup guide. Without a session every page redirects to
 * {@code /admin/login}. Pages read through the stores; changes go through the admin JSON API from the page's script.
 */
public final class AdminPagesServlet extends PageServlet implements AdminEndpoints {

    /** Every URL this servlet answers and who may call it (checked by the access guard before it runs). */
    static final List<Endpoint> ENDPOINTS = List.of(
            Endpoint.of("GET", "/admin", Role.VIEWER),
            Endpoint.of("GET", "/admin/forms/new", Role.EDITOR),
            Endpoint.of("GET", "/admin/forms/{form}/edit", Role.EDITOR),
            Endpoint.of("GET", "/admin/forms/{form}/submissions", Role.VIEWER),
            Endpoint.of("GET", "/admin/settings", Role.OWNER),
            Endpoint.of("POST", "/admin/settings/check", Role.OWNER),
            Endpoint.of("POST", "/admin/settings/test-email", Role.OWNER),
            Endpoint.of("GET", "/admin/tokens", Role.VIEWER),
            Endpoint.of("GET", "/admin/guide", Role.VIEWER));

    @Override
    public List<Endpoint> endpoints() {
        return ENDPOINTS;
    }


    private static final int SUBMISSIONS_SHOWN = 200;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private final WebhookStore webhooks;
    private final AdminSession sessions;
    private final AdminUserStore users;
    private final AccountStore accounts;
    private final FormStore forms;
    private final SubmissionStore submissions;
    private final SubmissionCounts counts;
    private final AccountConnection connection;
    private final String publicUrl;
    private FormDrafts drafts;

    public AdminPagesServlet(Templates templates, AdminSession sessions, AdminUserStore users, AccountStore accounts,
                             FormStore forms, SubmissionStore submissions, SubmissionCounts counts,
                             AccountConnection connection, String publicUrl, WebhookStore webhooks) {
        super(templates);
        this.webhooks = webhooks;
        this.sessions = sessions;
        this.users = users;
        this.accounts = accounts;
        this.forms = forms;
        this.submissions = submissions;
        this.counts = counts;
        this.connection = connection;
        this.publicUrl = publicUrl;
    }

    /** The form list shows drafts (never published, or awaiting publishing) beside live and archived forms. */
    public AdminPagesServlet withDrafts(FormDrafts drafts) {
        this.drafts = drafts;
        return this;
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
            dashboard(page, account, model);
        } else if (path[0].equals("forms") && path.length == 2 && path[1].equals("new")) {
            editor(page, null, model);
        } else if (path[0].equals("forms") && path.length == 3 && path[2].equals("edit")) {
            editor(page, owned(account, path[1]), model);
        } else if (path[0].equals("forms") && path.length == 3 && path[2].equals("submissions")) {
            submissions(page, owned(account, path[1]), model);
        } else if (path.length == 1 && path[0].equals("settings")) {
            settings(page, account, null, model);
        } else if (path.length == 1 && path[0].equals("tokens")) {
            model.put("tokens", (signedIn.get().role() == Role.OWNER ? users.tokens(account)
                    : users.tokens(account, signedIn.get().user().id())).stream().map(t -> Map.of("id", t.id(), "label", t.label(),
                    "user", t.userEmail(), "created", TIME.format(Instant.ofEpochMilli(t.createdMs())))).toList());
            render(page, 200, "admin/tokens.ftlh", model);
        } else if (path.length == 1 && path[0].equals("guide")) {
            render(page, 200, "admin/guide.ftlh", model);
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
        String[] path = path(page);
        if (path.length != 2 || !path[0].equals("settings")
                || !(path[1].equals("check") || path[1].equals("test-email"))) {
            throw HttpProblem.notFound("Page");
        }
        Map<String, Object> model = new HashMap<>();
        model.put("user", signedIn.get().user().email());
        if (path[1].equals("test-email")) {
            testEmails(page, signedIn.get().accountId(), model);
            return;
        }
        ConnectionReport report;
        try {
            report = connection.check(signedIn.get().accountId());
        } catch (HttpProblem notConfigured) {
            model.put("checkError", page.text().get("settings.check.notConfigured"));
            settings(page, signedIn.get().accountId(), null, model);
            return;
        }
        settings(page, signedIn.get().accountId(), report, model);
    }

    /** Sends a test e-mail from each saved sender mailbox to itself and shows, per mailbox, sent or why not. */
    private void testEmails(Page page, long accountId, Map<String, Object> model) throws Exception {
        Account account = accounts.find(accountId).orElseThrow(() -> HttpProblem.notFound("Account"));
        if (account.senders().isEmpty()) {
            model.put("testEmailError", page.text().get("settings.testEmail.noSenders"));
        } else {
            List<TestEmailResult> results = new ArrayList<>();
            try {
                for (String mailbox : account.senders()) {
                    results.add(connection.sendTestEmail(accountId, mailbox));
                }
                model.put("testEmails", results);
            } catch (HttpProblem notConfigured) {
                model.put("testEmailError", page.text().get("settings.check.notConfigured"));
            }
        }
        settings(page, accountId, null, model);
    }

    /** The form list: search ({@code q}) and status filter ({@code status}), each form with its actions. */
    private void dashboard(Page page, long account, Map<String, Object> model) throws Exception {
        String base = base(page);
        String query = Optional.ofNullable(page.request().getParameter("q")).orElse("");
        String status = Optional.ofNullable(page.request().getParameter("status")).orElse("");
        Map<String, Map<SubmissionStatus, Long>> byForm = counts.byForm(account);
        List<FormList.Entry> all = FormList.of(account, forms, drafts);
        List<Map<String, Object>> list = new ArrayList<>();
        for (FormList.Entry form : all) {
            if (!form.matches(query) || !(status.isEmpty() || status.equals(form.status().jsonName())
                    || status.equals("pending") && form.draftPending())) {
                continue;
            }
            Map<String, Object> row = new HashMap<>();
            row.put("key", form.key());
            row.put("title", form.title());
            row.put("kind", form.kind().isEmpty() ? "custom" : form.kind());
            row.put("status", form.status().jsonName());
            row.put("pending", form.draftPending());
            row.put("version", form.liveVersion());
            row.put("url", base + "/f/" + form.key());
            row.put("snippet", "<script src=\"" + base + "/embed.js\" data-form=\"" + form.key() + "\" async></script>");
            row.put("iframe", "<iframe src=\"" + base + "/f/" + form.key() + "\" title=\""
                    + Html.escape(form.title()) + "\" style=\"width:100%;min-height:600px;border:0\""
                    + " loading=\"lazy\"></iframe>");
            Map<String, Long> statusCounts = new LinkedHashMap<>();
            for (SubmissionStatus s : SubmissionStatus.values()) {
                statusCounts.put(s.jsonName(), byForm.getOrDefault(form.key(), Map.of()).getOrDefault(s, 0L));
            }
            row.put("counts", statusCounts);
            list.add(row);
        }
        model.put("forms", list);
        model.put("total", all.size());
        model.put("q", query);
        model.put("statusFilter", status);
        model.put("kinds", StarterForms.kinds());
        render(page, 200, "admin/dashboard.ftlh", model);
    }

    private void editor(Page page, StoredForm form, Map<String, Object> model) throws Exception {
        model.put("kinds", StarterForms.kinds());
        if (form == null) {
            String kind = Optional.ofNullable(page.request().getParameter("template")).orElse("contact");
            String json = StarterForms.of(kind).orElseThrow(() -> HttpProblem.notFound("Template '" + kind + "'"));
            model.put("template", kind);
            model.put("json", pretty(json));
            model.put("method", "POST");
            model.put("apiUrl", page.path("/admin/api/forms"));
        } else {
            model.put("key", form.key());
            model.put("version", form.version());
            model.put("json", pretty(form.definition().source().toString()));
            model.put("method", "PUT");
            model.put("apiUrl", page.path("/admin/api/forms/" + form.key()));
        }
        render(page, 200, "admin/form-editor.ftlh", model);
    }

    private void submissions(Page page, StoredForm form, Map<String, Object> model) throws Exception {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Submission s : submissions.list(form.accountId(), form.key(), SUBMISSIONS_SHOWN)) {
            Map<String, Object> row = new HashMap<>();
            row.put("id", s.id());
            row.put("status", s.status().jsonName());
            row.put("created", TIME.format(Instant.ofEpochMilli(s.createdMs())));
            row.put("updated", TIME.format(Instant.ofEpochMilli(s.updatedMs())));
            List<String> records = new ArrayList<>();
            s.records().entrySet().forEach(e -> records.add(e.getKey() + " " + (e.getValue().isJsonPrimitive()
                    ? e.getValue().getAsString() : e.getValue().toString())));
            row.put("records", records);
            row.put("error", Optional.ofNullable(s.lastError()).orElse(""));
            row.put("retryable", s.status() == SubmissionStatus.FAILED);
            list.add(row);
        }
        model.put("key", form.key());
        model.put("title", Optional.ofNullable(form.definition().title()).orElse(form.key()));
        model.put("submissions", list);
        model.put("limit", SUBMISSIONS_SHOWN);
        render(page, 200, "admin/submissions.ftlh", model);
    }

    private void settings(Page page, long accountId, ConnectionReport report, Map<String, Object> model)
            throws Exception {
        Account account = accounts.find(accountId).orElseThrow(() -> HttpProblem.notFound("Account"));
        model.put("url", account.onOffice().url());
        model.put("token", account.onOffice().token());
        // Write-only: the page learns whether a secret is stored, never the secret.
        model.put("secretSet", !account.onOffice().secret().isEmpty());
        model.put("senders", String.join(", ", account.senders()));
        model.put("origins", String.join("\n", account.allowedOrigins()));
        List<Map<String, String>> endpoints = new java.util.ArrayList<>();
        for (WebhookStore.Endpoint endpoint : webhooks.endpoints(accountId)) {
            endpoints.add(Map.of("url", endpoint.url(), "secret", endpoint.secret()));
        }
        model.put("webhooks", endpoints);
        model.put("webhookUrls", String.join("\n", endpoints.stream().map(e -> e.get("url")).toList()));
        if (report != null) {
            model.put("report", report);
        }
        render(page, 200, "admin/settings.ftlh", model);
    }

    /** The account's form with that key; 404 for an unknown key and for another account's form alike. */
    private StoredForm owned(long account, String key) throws Exception {
        return forms.current(key).filter(f -> f.accountId() == account)
                .orElseThrow(() -> HttpProblem.notFound("Form '" + key + "'"));
    }

    /** Where websites reach Formhaus: {@code public.url}, else the address this request came to. */
    private String base(Page page) {
        if (!publicUrl.isEmpty()) {
            return publicUrl.replaceAll("/+$", "");
        }
        var r = page.request();
        String host = r.getHeader("Host") == null ? r.getServerName() + ":" + r.getServerPort() : r.getHeader("Host");
        return r.getScheme() + "://" + host + r.getContextPath();
    }

    private static String[] path(Page page) {
        String info = page.request().getPathInfo();
        return info == null || info.equals("/") ? new String[0] : info.substring(1).split("/");
    }

    private static String pretty(String json) {
        return Json.pretty(JsonParser.parseString(json));
    }
}
