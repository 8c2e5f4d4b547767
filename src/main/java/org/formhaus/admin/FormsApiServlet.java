package org.formhaus.admin;

import org.formhaus.storage.Role;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.formhaus.audit.SecurityEventKind;
import org.formhaus.forms.DefinitionException;
import org.formhaus.forms.DefinitionParser;
import org.formhaus.forms.FormDefinition;
import org.formhaus.storage.FormDrafts;
import org.formhaus.storage.FormKeyTakenException;
import org.formhaus.storage.FormStore;
import org.formhaus.storage.SpamCounts;
import org.formhaus.storage.StoredForm;
import org.formhaus.http.HttpProblem;
import org.formhaus.http.Json;
import org.formhaus.http.KnownKeys;
import org.formhaus.http.JsonServlet;
import org.formhaus.protection.Protection;
import org.formhaus.protection.ProtectionSecrets;

/**
 * {@code /admin/api/forms[/{key}]}: list, create, read, replace and delete form definitions of the caller's account.
 * An invalid definition, or one with a key Formhaus does not know, is refused with 400 naming each problem's place.
 */
public final class FormsApiServlet extends JsonServlet implements AdminEndpoints {

    /** Every URL this servlet answers and who may call it (checked by the access guard before it runs). */
    static final List<Endpoint> ENDPOINTS = List.of(
            Endpoint.of("GET", "/admin/api/forms", Role.VIEWER),
            Endpoint.of("POST", "/admin/api/forms", Role.EDITOR),
            Endpoint.of("GET", "/admin/api/forms/{form}", Role.VIEWER),
            Endpoint.of("PUT", "/admin/api/forms/{form}", Role.EDITOR),
            Endpoint.of("DELETE", "/admin/api/forms/{form}", Role.EDITOR),
            // Drafts and publishing (FormPublishing)
            Endpoint.of("GET", "/admin/api/forms/{form}/draft", Role.VIEWER),
            Endpoint.of("PUT", "/admin/api/forms/{form}/draft", Role.EDITOR),
            Endpoint.of("DELETE", "/admin/api/forms/{form}/draft", Role.EDITOR),
            Endpoint.of("POST", "/admin/api/forms/{form}/publish", Role.EDITOR),
            Endpoint.of("GET", "/admin/api/forms/{form}/versions", Role.VIEWER),
            Endpoint.of("GET", "/admin/api/forms/{form}/versions/{version}", Role.VIEWER),
            Endpoint.of("GET", "/admin/api/forms/{form}/diff", Role.VIEWER),
            Endpoint.of("POST", "/admin/api/forms/{form}/revert", Role.EDITOR),
            Endpoint.of("POST", "/admin/api/forms/{form}/duplicate", Role.EDITOR),
            Endpoint.of("POST", "/admin/api/forms/{form}/archive", Role.EDITOR),
            Endpoint.of("POST", "/admin/api/forms/{form}/restore", Role.EDITOR),
            // Protection: one-time keys for a form (OneTimeKeyBatch)
            Endpoint.of("POST", "/admin/api/forms/{form}/one-time-keys", Role.EDITOR));

    @Override
    public List<Endpoint> endpoints() {
        return ENDPOINTS;
    }


    /**
     * What a form's GET adds beside the definition and its version (the spam counts, the list's status), and a save's
     * warnings.
     */
    static final List<String> VIEW_ONLY = List.of("spamCount", "spam", "warnings", "status");

    private final FormStore forms;
    private final DefinitionParser parser = new DefinitionParser();
    private final FormSaveCheck saveCheck;
    private final SpamCounts spam;
    private final RightsWarnings rightsWarnings;
    private final FormPublishing publishing;
    private final FormDrafts drafts;

    /** What a saved form needs from onOffice that the API user lacks, one sentence each (none: empty). */
    @FunctionalInterface
    public interface RightsWarnings {
        RightsWarnings NONE = (account, definition) -> List.of();

        List<String> of(long accountId, FormDefinition definition) throws Exception;
    }

    public FormsApiServlet(FormStore forms, FormSaveCheck saveCheck) {
        this(forms, saveCheck, null, RightsWarnings.NONE);
    }

    /**
     * With {@code spam}: a single form's view also carries {@code spamCount} and {@code spam} (by reason). With
     * {@code rightsWarnings}: a save's reply carries {@code warnings} when the form needs a right the API user lacks.
     */
    public FormsApiServlet(FormStore forms, FormSaveCheck saveCheck, SpamCounts spam, RightsWarnings rightsWarnings) {
        this(forms, saveCheck, spam, rightsWarnings, null);
    }

    /** With {@code drafts}: also the drafts-and-publishing routes ({@link FormPublishing}) under each form's key. */
    public FormsApiServlet(FormStore forms, FormSaveCheck saveCheck, SpamCounts spam, RightsWarnings rightsWarnings,
                           FormDrafts drafts) {
        this.forms = forms;
        this.saveCheck = saveCheck;
        this.spam = spam;
        this.rightsWarnings = rightsWarnings == null ? RightsWarnings.NONE : rightsWarnings;
        this.drafts = drafts;
        this.publishing = drafts == null ? null
                : new FormPublishing(forms, drafts, new FormPublishing.DraftCheck(saveCheck), this.rightsWarnings);
    }

    /** {@code /admin/api/forms/{key}/{draft|publish|versions|diff|revert|duplicate|archive|restore}}: true when handled. */
    private boolean routedToPublishing(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String[] path = segments(request);
        if (path.length < 2) {
            return false;
        }
        if (publishing == null || path.length > 3) {
            throw HttpProblem.notFound("Route");
        }
        publishing.handle(request.getMethod().equals("HEAD") ? "GET" : request.getMethod(), path, request, response);
        return true;
    }

    @Override
    protected void get(HttpServletRequest request, HttpServletResponse response) throws Exception {
        if (routedToPublishing(request, response)) {
            return;
        }
        long account = AdminAuthFilter.accountOf(request);
        String[] path = segments(request);
        if (path.length == 0 && drafts != null && "true".equals(request.getParameter("all"))) {
            KnownKeys.checkParameters(request, "all", "q");
            JsonArray list = new JsonArray();
            FormList.of(account, forms, drafts).stream().filter(e -> e.matches(request.getParameter("q")))
                    .forEach(e -> list.add(e.toJson()));
            Json.send(response, 200, list);
            return;
        }
        if (path.length == 0) {
            JsonArray list = new JsonArray();
            for (StoredForm form : forms.list(account)) {
                list.add(view(form));
            }
            Json.send(response, 200, list);
            return;
        }
        StoredForm form = owned(account, path[0]);
        JsonObject view = view(form);
        if (spam != null) {
            java.util.Map<String, Long> byReason = spam.of(form.key());
            view.addProperty("spamCount", byReason.values().stream().mapToLong(Long::longValue).sum());
            view.add("spam", Json.GSON.toJsonTree(byReason));
        }
        Json.send(response, 200, view);
    }

    @Override
    protected void post(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String[] path = segments(request);
        if (path.length == 2 && path[1].equals(OneTimeKeyBatch.PATH)) {
            long account = AdminAuthFilter.accountOf(request);
            generateKeys(request, response, account, owned(account, path[0]));
            return;
        }
        if (routedToPublishing(request, response)) {
            return;
        }
        long account = AdminAuthFilter.accountOf(request);
        if (path.length != 0) {
            throw new HttpProblem(405, "POST goes to /admin/api/forms; use PUT to replace a form");
        }
        FormDefinition definition = parse(Json.objectBody(request, KnownKeys.CHECKED_BY_ITS_PARSER), null);
        if (forms.current(definition.key()).isPresent()) {
            throw new HttpProblem(409, "A form with key '" + definition.key() + "' exists already; PUT replaces it");
        }
        Json.send(response, 201, warned(account, definition, view(published(request, save(request, account, definition)))));
    }

    @Override
    protected void put(HttpServletRequest request, HttpServletResponse response) throws Exception {
        if (routedToPublishing(request, response)) {
            return;
        }
        long account = AdminAuthFilter.accountOf(request);
        String[] path = segments(request);
        if (path.length != 1) {
            throw new HttpProblem(405, "PUT needs a form key: /admin/api/forms/{key}");
        }
        JsonObject body = Json.objectBody(request, KnownKeys.CHECKED_BY_ITS_PARSER);
        if (!body.has("key")) {
            body.addProperty("key", path[0]);
        } else if (body.get("key").isJsonPrimitive() && !path[0].equals(body.get("key").getAsString())) {
            throw HttpProblem.badRequest("key: '" + body.get("key").getAsString() + "' does not match the URL's '"
                    + path[0] + "'");
        }
        // Another account's form is not there for this caller (a 409 "key taken" would confirm that it exists).
        if (forms.current(path[0]).filter(f -> f.accountId() != account).isPresent()) {
            throw HttpProblem.notFound("Form '" + path[0] + "'");
        }
        FormDefinition definition = parse(body, forms.current(path[0]).orElse(null));
        Json.send(response, 200, warned(account, definition, view(published(request, save(request, account, definition)))));
    }

    @Override
    protected void delete(HttpServletRequest request, HttpServletResponse response) throws Exception {
        if (routedToPublishing(request, response)) {
            return;
        }
        long account = AdminAuthFilter.accountOf(request);
        String[] path = segments(request);
        Json.noBody(request);
        if (path.length != 1 || !forms.delete(account, path[0])) {
            throw HttpProblem.notFound("Form");
        }
        AdminAuthFilter.callerOf(request).record(SecurityEventKind.FORM_DELETED, "form " + path[0]);
        response.setStatus(204);
    }

    private StoredForm owned(long account, String key) throws Exception {
        return forms.current(key).filter(f -> f.accountId() == account)
                .orElseThrow(() -> HttpProblem.notFound("Form '" + key + "'"));
    }

    /**
     * Parses a definition being saved; unknown keys are refused. What GET adds to a form is no part of the definition
     * and may come back from a GET-edit-PUT round trip: the spam counts are dropped; {@code version} must still be the
     * stored one ({@code current}'s; none on a create), else 409, so that an edit of an older version does not
     * silently overwrite a newer one.
     */
    private FormDefinition parse(JsonObject body, StoredForm current) {
        JsonObject definition = body.deepCopy();
        JsonElement version = definition.remove("version");
        if (version != null && !version.isJsonNull()) {
            checkVersion(version, current);
        }
        VIEW_ONLY.forEach(definition::remove);
        try {
            FormDefinition parsed = parser.parse(definition);
            // A clear password or one-time key is never stored: its hash replaces it. A section with problems is left
            // as it is, for the save check to name them.
            boolean sealed = Protection.problems(definition).isEmpty() && ProtectionSecrets.seal(definition);
            return sealed ? parser.parse(definition) : parsed;
        } catch (DefinitionException e) {
            throw new DefinitionProblem(e.problems());
        }
    }

    private static void checkVersion(JsonElement version, StoredForm current) {
        if (!version.isJsonPrimitive() || !version.getAsJsonPrimitive().isNumber()) {
            throw HttpProblem.badRequest("version: must be the number GET answered");
        }
        if (current == null || version.getAsLong() != current.version()) {
            throw new HttpProblem(409, "version: the form is at version " + (current == null ? "none" : current.version())
                    + ", not " + version.getAsString() + "; read it again and apply your change to that");
        }
    }

    private StoredForm save(HttpServletRequest request, long account, FormDefinition definition) throws Exception {
        List<DefinitionException.Problem> problems = saveCheck.problems(account, definition);
        if (!problems.isEmpty()) {
            throw new DefinitionProblem(problems);
        }
        try {
            return forms.publish(account, definition, AdminAuthFilter.callerOf(request).userId());
        } catch (FormKeyTakenException e) {
            throw new HttpProblem(409, e.getMessage());
        }
    }

    /**
     * {@code POST /admin/api/forms/{key}/one-time-keys} {@code {"count": N}}: adds N new one-time keys to the form's
     * {@code protection.oneTimeKeys} (saved as a new version) and answers 201 {@code {"keys": [...], "version"}}: the
     * only time the keys are shown in clear.
     */
    private void generateKeys(HttpServletRequest request, HttpServletResponse response, long account, StoredForm form)
            throws Exception {
        int count = OneTimeKeyBatch.count(Json.objectBody(request, OneTimeKeyBatch.BODY));
        JsonObject source = form.definition().source().deepCopy();
        List<String> keys = OneTimeKeyBatch.addTo(source, count);
        source.addProperty("key", form.key());
        StoredForm saved = published(request, save(request, account, parse(source, null)));
        JsonObject body = new JsonObject();
        body.add("keys", Json.GSON.toJsonTree(keys));
        body.addProperty("version", saved.version());
        Json.send(response, 201, body);
    }

    /** Saving a form publishes it (visitors get the new version at once): a security event. */
    private static StoredForm published(HttpServletRequest request, StoredForm form) {
        AdminAuthFilter.callerOf(request).record(SecurityEventKind.FORM_PUBLISHED,
                "form " + form.key() + " version " + form.version());
        return form;
    }

    /** Adds {@code warnings} (rights the saved form needs that the API user lacks) when there are any. */
    private JsonObject warned(long account, FormDefinition saved, JsonObject view) throws Exception {
        List<String> warnings = rightsWarnings.of(account, saved);
        if (!warnings.isEmpty()) {
            view.add("warnings", Json.GSON.toJsonTree(warnings));
        }
        return view;
    }

    static JsonObject view(StoredForm form) {
        JsonObject json = form.definition().source().deepCopy();
        json.addProperty("key", form.key());
        json.addProperty("version", form.version());
        return json;
    }

    /** 400 whose message lists every problem with its place. */
    private static final class DefinitionProblem extends HttpProblem {
        DefinitionProblem(List<DefinitionException.Problem> problems) {
            super(400, "Invalid form definition: " + String.join("; ",
                    problems.stream().map(DefinitionException.Problem::toString).toList()));
        }
    }
}
