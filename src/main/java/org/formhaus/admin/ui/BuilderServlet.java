package org.formhaus.admin.ui;

import org.formhaus.admin.Endpoint;
import org.formhaus.admin.AdminEndpoints;
import org.formhaus.storage.Role;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.formhaus.admin.AdminSession;
import org.formhaus.admin.ProblemCodes;
import org.formhaus.forms.DefinitionException;
import org.formhaus.forms.DefinitionParser;
import org.formhaus.http.HttpProblem;
import org.formhaus.http.Json;
import org.formhaus.render.Templates;
import org.formhaus.storage.FormDrafts;
import org.formhaus.storage.FormStore;
import org.formhaus.storage.StoredForm;
import org.formhaus.web.FormPreview;

/**
 * The form builder's pages under {@code /admin/build}: a new form ({@code new}), the builder of a form
 * ({@code {key}}), its live preview ({@code {key}/preview}: the draft rendered as visitors would get it) and its
 * published versions ({@code {key}/versions}, to compare and revert). The pages read through the stores; every change
 * goes through the admin JSON API ({@code /admin/api/forms/{key}/draft}, {@code publish}, ...) from builder.js.
 * Another account's form is 404, as everywhere in the admin UI. Thread-safe.
 */
public final class BuilderServlet extends PageServlet implements AdminEndpoints {

    /** Every URL this servlet answers and who may call it (checked by the access guard before it runs). */
    static final List<Endpoint> ENDPOINTS = List.of(
            Endpoint.of("GET", "/admin/build/new", Role.EDITOR),
            Endpoint.of("GET", "/admin/build/starter/{kind}", Role.EDITOR),
            Endpoint.of("GET", "/admin/build/{form}", Role.EDITOR),
            Endpoint.of("GET", "/admin/build/{form}/preview", Role.EDITOR),
            Endpoint.of("POST", "/admin/build/{form}/preview", Role.EDITOR),
            Endpoint.of("GET", "/admin/build/{form}/versions", Role.VIEWER));

    @Override
    public List<Endpoint> endpoints() {
        return ENDPOINTS;
    }


    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private final AdminSession sessions;
    private final FormStore forms;
    private final FormDrafts drafts;
    private final FormPreview preview;
    private final BuilderModel builderModel;
    private final DefinitionParser parser = new DefinitionParser();
    private String publicUrl = "";

    public BuilderServlet(Templates templates, AdminSession sessions, FormStore forms, FormDrafts drafts,
                          FormPreview preview) {
        super(templates);
        this.sessions = sessions;
        this.forms = forms;
        this.drafts = drafts;
        this.preview = preview;
        this.builderModel = new BuilderModel();
    }

    /** Where websites reach Formhaus ({@code public.url}; empty: the address a request came to), for the snippets. */
    public BuilderServlet withPublicUrl(String publicUrl) {
        this.publicUrl = publicUrl == null ? "" : publicUrl.replaceAll("/+$", "");
        return this;
    }

    private String embedBase(Page page) {
        if (!publicUrl.isEmpty()) {
            return publicUrl;
        }
        var r = page.request();
        String host = r.getHeader("Host") == null ? r.getServerName() + ":" + r.getServerPort() : r.getHeader("Host");
        return r.getScheme() + "://" + host + r.getContextPath();
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
        if (path.length == 1 && path[0].equals("new")) {
            model.put("kinds", StarterForms.kinds());
            render(page, 200, "admin/builder-new.ftlh", model);
        } else if (path.length == 2 && path[0].equals("starter")) {
            String json = StarterForms.of(path[1]).orElseThrow(() -> HttpProblem.notFound("Template '" + path[1] + "'"));
            page.response().setContentType("application/json;charset=UTF-8");
            page.response().setHeader("Cache-Control", "no-store");
            page.response().getWriter().write(json);
        } else if (path.length == 1) {
            JsonObject definition = definition(account, path[0]);
            model.putAll(builderModel.of(page.text(), path[0], definition,
                    forms.latest(account, path[0]).map(StoredForm::version).orElse(0),
                    drafts.find(account, path[0]).isPresent()));
            model.put("embedBase", embedBase(page));
            // the embedding panel edits the account's allowed sites where the settings API lets this user
            model.put("mayEditOrigins", signedIn.get().role() == Role.OWNER);
            render(page, 200, "admin/builder.ftlh", model);
        } else if (path.length == 2 && path[1].equals("preview")) {
            preview(page, account, path[0]);
        } else if (path.length == 2 && path[1].equals("versions")) {
            versions(page, account, path[0], model);
        } else {
            throw HttpProblem.notFound("Page");
        }
    }

    /** A submit inside the preview: nothing is sent; the page says so (the preview's form carries no CSRF token). */
    @Override
    protected void csrfRefused(Page page) throws java.io.IOException {
        String[] path = path(page);
        if (path.length == 2 && path[1].equals("preview")) {
            framed(page, "admin/builder-preview-sent.ftlh", Map.of());
            return;
        }
        super.csrfRefused(page);
    }

    @Override
    protected void post(Page page) throws Exception {
        csrfRefused(page);
    }

    /** The draft, else the latest published definition (archived included); 404 when the account has neither. */
    private JsonObject definition(long account, String key) throws Exception {
        Optional<FormDrafts.Draft> draft = drafts.find(account, key);
        if (draft.isPresent()) {
            return draft.get().definition();
        }
        return forms.latest(account, key).map(f -> f.definition().source().deepCopy())
                .orElseThrow(() -> HttpProblem.notFound("Form '" + key + "'"));
    }

    private void preview(Page page, long account, String key) throws Exception {
        JsonObject definition = definition(account, key);
        try {
            // formLang, not lang: ?lang= switches the admin UI's own language
            preview.render(page.response(), account, parser.parseStored(definition), page.request().getContextPath(),
                    page.request().getParameter("formLang"));
        } catch (DefinitionException e) {
            framed(page, "admin/builder-preview-paused.ftlh", Map.of("problems",
                    e.problems().stream().map(p -> ProblemCodes.text(p, page.text().messages())).toList()));
        }
    }

    /** A page shown inside the builder's preview frame: framable by the admin UI only, else as every admin page. */
    private void framed(Page page, String template, Map<String, Object> model) throws java.io.IOException {
        Map<String, Object> all = new HashMap<>(model);
        all.put("t", page.text().messages());
        all.put("lang", page.text().lang());
        all.put("ctx", page.request().getContextPath());
        String html = templates.render(template, all);
        page.response().setStatus(200);
        page.response().setContentType("text/html;charset=UTF-8");
        page.response().setHeader("Cache-Control", "no-store");
        page.response().setHeader("Content-Security-Policy", CSP.replace("frame-ancestors 'none'",
                "frame-ancestors 'self'"));
        page.response().getWriter().write(html);
    }

    private void versions(Page page, long account, String key, Map<String, Object> model) throws Exception {
        List<FormStore.PublishedVersion> history = forms.history(account, key);
        if (history.isEmpty()) {
            throw HttpProblem.notFound("Form '" + key + "'");
        }
        boolean live = forms.current(key).filter(f -> f.accountId() == account).isPresent();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (FormStore.PublishedVersion v : history) {
            rows.add(Map.of("version", v.version(), "published", TIME.format(Instant.ofEpochMilli(v.publishedMs())),
                    "by", Optional.ofNullable(v.publishedBy()).orElse(page.text().get("versions.unknownUser")),
                    "live", live && v.version() == history.get(0).version()));
        }
        StoredForm latest = forms.latest(account, key).orElseThrow();
        model.put("key", key);
        model.put("title", latest.definition().title());
        model.put("versions", rows);
        model.put("hasDraft", drafts.find(account, key).isPresent());
        Map<String, String> texts = new HashMap<>();
        for (String k : List.of("changes", "none", "draft", "live", "before", "after", "confirmRevert")) {
            texts.put(k, page.text().get("versions." + k));
        }
        for (String k : List.of("added", "removed", "changed", "moved")) {
            texts.put("change." + k, page.text().get("versions.change." + k));
        }
        model.put("diffTexts", Json.GSON.toJson(texts));
        render(page, 200, "admin/versions.ftlh", model);
    }

    private static String[] path(Page page) {
        String info = page.request().getPathInfo();
        return info == null || info.equals("/") ? new String[0] : info.substring(1).split("/");
    }

    static String pretty(JsonObject json) {
        return Json.pretty(JsonParser.parseString(json.toString()));
    }
}
