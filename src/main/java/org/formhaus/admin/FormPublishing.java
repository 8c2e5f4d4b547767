package org.formhaus.admin;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.formhaus.audit.SecurityEventKind;
import org.formhaus.forms.DefinitionDiff;
import org.formhaus.forms.DefinitionException;
import org.formhaus.forms.DefinitionParser;
import org.formhaus.forms.FormDefinition;
import org.formhaus.http.HttpProblem;
import org.formhaus.http.Json;
import org.formhaus.http.KnownKeys;
import org.formhaus.protection.Protection;
import org.formhaus.protection.ProtectionSecrets;
import org.formhaus.storage.FormDrafts;
import org.formhaus.storage.FormKeyTakenException;
import org.formhaus.storage.FormStore;
import org.formhaus.storage.StoredForm;

/**
 * The drafts-and-publishing routes under {@code /admin/api/forms/{key}/...}: the draft (read, save, discard), publish,
 * the published versions (list, read, compare, revert), duplicate, archive and restore. A draft is saved however
 * incomplete it is, and answered with the problems the server's definition check finds in it; only publishing refuses
 * a definition that has problems. Every route answers 404 for a key of another account. Thread-safe.
 */
final class FormPublishing {

    static final KnownKeys REVERT = KnownKeys.of("version");
    static final KnownKeys DUPLICATE = KnownKeys.of("key", "title");

    private final FormStore forms;
    private final FormDrafts drafts;
    private final DraftCheck check;
    private final FormsApiServlet.RightsWarnings rightsWarnings;
    private final DraftNotes notes = new DraftNotes();

    FormPublishing(FormStore forms, FormDrafts drafts, DraftCheck check, FormsApiServlet.RightsWarnings rightsWarnings) {
        this.forms = forms;
        this.drafts = drafts;
        this.check = check;
        this.rightsWarnings = rightsWarnings;
    }

    /** Answers {@code method} on {@code path} ({@code [key, action, ...]}). */
    void handle(String method, String[] path, HttpServletRequest request, HttpServletResponse response)
            throws Exception {
        Caller caller = AdminAuthFilter.callerOf(request);
        long account = caller.accountId();
        String key = path[0];
        String route = method + " " + path[1] + (path.length > 2 ? "/*" : "");
        // Another account's form is unknown here, whatever the body says (only a draft may start a new form).
        if (!route.equals("PUT draft") && drafts.find(account, key).isEmpty() && forms.latest(account, key).isEmpty()) {
            throw HttpProblem.notFound("Form '" + key + "'");
        }
        switch (route) {
            case "GET draft" -> Json.send(response, 200, draftView(account, key));
            case "PUT draft" -> {
                KnownKeys.checkParameters(request, "new");
                if ("true".equals(request.getParameter("new")) && exists(account, key)) {
                    throw new HttpProblem(409, "key: a form '" + key + "' exists already");
                }
                Json.send(response, 200, saveDraft(caller, key, Json.objectBody(request,
                        KnownKeys.CHECKED_BY_ITS_PARSER)));
            }
            case "DELETE draft" -> {
                Json.noBody(request);
                if (!drafts.discard(account, key)) {
                    throw HttpProblem.notFound("Draft of form '" + key + "'");
                }
                response.setStatus(204);
            }
            case "POST publish" -> {
                Json.noBody(request);
                Json.send(response, 200, publish(caller, key));
            }
            case "GET versions" -> Json.send(response, 200, versions(account, key));
            case "GET versions/*" -> Json.send(response, 200, FormsApiServlet.view(version(account, key, path[2])));
            case "GET diff" -> Json.send(response, 200, diff(account, key, request));
            case "POST revert" -> Json.send(response, 200, revert(caller, key,
                    Json.objectBody(request, REVERT)));
            case "POST duplicate" -> Json.send(response, 201, duplicate(caller, key,
                    Json.objectBody(request, DUPLICATE)));
            case "POST archive" -> {
                Json.noBody(request);
                if (!forms.delete(account, key)) {
                    throw HttpProblem.notFound("Live form '" + key + "'");
                }
                caller.record(SecurityEventKind.FORM_DELETED, "form " + key + " archived");
                response.setStatus(204);
            }
            case "POST restore" -> {
                Json.noBody(request);
                if (!forms.restore(account, key)) {
                    throw HttpProblem.notFound("Archived form '" + key + "'");
                }
                caller.record(SecurityEventKind.FORM_PUBLISHED, "form " + key + " restored");
                response.setStatus(204);
            }
            default -> throw HttpProblem.notFound("Route " + method + " /admin/api/forms/{key}/" + path[1]);
        }
    }

    /** The draft, or (none saved) the latest published definition; with its problems and whether it awaits publishing. */
    private JsonObject draftView(long account, String key) throws Exception {
        Optional<FormDrafts.Draft> draft = drafts.find(account, key);
        Optional<StoredForm> latest = forms.latest(account, key);
        if (draft.isEmpty() && latest.isEmpty()) {
            throw HttpProblem.notFound("Form '" + key + "'");
        }
        JsonObject definition = draft.map(FormDrafts.Draft::definition)
                .orElseGet(() -> FormsApiServlet.view(latest.get()));
        definition.remove("version");
        return draftReply(account, definition, draft.map(FormDrafts.Draft::baseVersion).orElse(
                latest.map(StoredForm::version).orElse(0)), latest.map(StoredForm::version).orElse(0),
                draft.isPresent());
    }

    private JsonObject saveDraft(Caller caller, String key, JsonObject body) throws Exception {
        checkKey(key);
        if (!body.has("key")) {
            body.addProperty("key", key);
        } else if (!body.get("key").isJsonPrimitive() || !key.equals(body.get("key").getAsString())) {
            throw HttpProblem.badRequest("key: must be '" + key + "', the form's key in the URL");
        }
        int live = forms.latest(caller.accountId(), key).map(StoredForm::version).orElse(0);
        int base = drafts.find(caller.accountId(), key).map(FormDrafts.Draft::baseVersion).orElse(live);
        // a draft never holds a form's password or one-time keys in clear either, unless one is itself wrong
        ProtectionSecrets.sealWhereValid(body, Protection.problems(body));
        try {
            drafts.save(caller.accountId(), key, body, base, caller.userId());
        } catch (FormKeyTakenException e) {
            throw HttpProblem.notFound("Form '" + key + "'"); // another account's key is not there for this caller
        }
        return draftReply(caller.accountId(), body, base, live, true);
    }

    private JsonObject draftReply(long account, JsonObject definition, int base, int live, boolean pending)
            throws Exception {
        JsonObject reply = new JsonObject();
        reply.add("definition", definition);
        reply.addProperty("pending", pending);
        reply.addProperty("baseVersion", base);
        reply.addProperty("liveVersion", live);
        JsonArray problems = new JsonArray();
        for (DefinitionException.Problem p : check.problems(account, definition)) {
            problems.add(ProblemCodes.json(p));
        }
        reply.add("problems", problems);
        notes.addTo(reply, definition);
        return reply;
    }

    private JsonObject publish(Caller caller, String key) throws Exception {
        FormDrafts.Draft draft = drafts.find(caller.accountId(), key)
                .orElseThrow(() -> HttpProblem.notFound("Draft of form '" + key + "'"));
        StoredForm published = publish(caller, check.definition(caller.accountId(), draft.definition()));
        drafts.discard(caller.accountId(), key);
        return warned(caller.accountId(), published);
    }

    private StoredForm publish(Caller caller, FormDefinition definition) throws Exception {
        StoredForm published;
        try {
            published = forms.publish(caller.accountId(), definition, caller.userId());
        } catch (FormKeyTakenException e) {
            throw HttpProblem.notFound("Form '" + definition.key() + "'");
        }
        caller.record(SecurityEventKind.FORM_PUBLISHED, "form " + published.key() + " version " + published.version());
        return published;
    }

    private JsonObject warned(long account, StoredForm published) throws Exception {
        JsonObject view = FormsApiServlet.view(published);
        List<String> warnings = rightsWarnings.of(account, published.definition());
        if (!warnings.isEmpty()) {
            view.add("warnings", Json.GSON.toJsonTree(warnings));
        }
        return view;
    }

    private JsonArray versions(long account, String key) throws Exception {
        Optional<StoredForm> latest = forms.latest(account, key);
        List<FormStore.PublishedVersion> history = forms.history(account, key);
        if (history.isEmpty()) {
            throw HttpProblem.notFound("Form '" + key + "'");
        }
        boolean live = forms.current(key).filter(f -> f.accountId() == account).isPresent();
        JsonArray list = new JsonArray();
        for (FormStore.PublishedVersion v : history) {
            JsonObject item = new JsonObject();
            item.addProperty("version", v.version());
            item.addProperty("published", Instant.ofEpochMilli(v.publishedMs()).toString());
            item.addProperty("publishedBy", v.publishedBy());
            item.addProperty("live", live && latest.map(StoredForm::version).orElse(0) == v.version());
            list.add(item);
        }
        return list;
    }

    private StoredForm version(long account, String key, String number) throws Exception {
        int version;
        try {
            version = Integer.parseInt(number);
        } catch (NumberFormatException e) {
            throw HttpProblem.badRequest("version: '" + number + "' is not a version number");
        }
        return forms.version(account, key, version).orElseThrow(() -> HttpProblem.notFound("Version " + version + " of form '" + key + "'"));
    }

    /** {@code ?from=N&to=M}; {@code to} may be {@code draft}; without them: the live version against the draft. */
    private JsonObject diff(long account, String key, HttpServletRequest request) throws Exception {
        KnownKeys.checkParameters(request, "from", "to");
        JsonObject from = side(account, key, Optional.ofNullable(request.getParameter("from")).orElse("live"));
        JsonObject to = side(account, key, Optional.ofNullable(request.getParameter("to")).orElse("draft"));
        JsonArray changes = new JsonArray();
        for (DefinitionDiff.Change c : DefinitionDiff.between(from, to)) {
            JsonObject change = new JsonObject();
            change.addProperty("path", c.path());
            change.addProperty("change", c.kind().name().toLowerCase(java.util.Locale.ROOT));
            change.add("before", c.before());
            change.add("after", c.after());
            changes.add(change);
        }
        JsonObject reply = new JsonObject();
        reply.addProperty("from", Optional.ofNullable(request.getParameter("from")).orElse("live"));
        reply.addProperty("to", Optional.ofNullable(request.getParameter("to")).orElse("draft"));
        reply.add("changes", changes);
        return reply;
    }

    private JsonObject side(long account, String key, String which) throws Exception {
        if (which.equals("draft")) {
            return drafts.find(account, key).map(FormDrafts.Draft::definition)
                    .orElseThrow(() -> HttpProblem.notFound("Draft of form '" + key + "'"));
        }
        StoredForm form = which.equals("live")
                ? forms.latest(account, key).orElseThrow(() -> HttpProblem.notFound("Form '" + key + "'"))
                : version(account, key, which);
        return form.definition().source();
    }

    /** Publishes an earlier version again, as the next version (history is never rewritten). */
    private JsonObject revert(Caller caller, String key, JsonObject body) throws Exception {
        JsonElement number = body.get("version");
        if (number == null || !number.isJsonPrimitive() || !number.getAsJsonPrimitive().isNumber()) {
            throw HttpProblem.badRequest("version: must be the number of the version to publish again");
        }
        StoredForm old = version(caller.accountId(), key, number.getAsString());
        return warned(caller.accountId(), publish(caller, check.definition(caller.accountId(),
                old.definition().source())));
    }

    /** A copy of the form (its draft if it has one) as the draft of a new key; nothing is published. */
    private JsonObject duplicate(Caller caller, String key, JsonObject body) throws Exception {
        String newKey = body.has("key") && body.get("key").isJsonPrimitive() ? body.get("key").getAsString() : null;
        if (newKey == null) {
            throw HttpProblem.badRequest("key: the new form's key is required");
        }
        checkKey(newKey);
        JsonObject copy = drafts.find(caller.accountId(), key).map(FormDrafts.Draft::definition)
                .or(() -> latestSource(caller.accountId(), key))
                .orElseThrow(() -> HttpProblem.notFound("Form '" + key + "'"));
        if (exists(caller.accountId(), newKey)) {
            throw new HttpProblem(409, "key: a form '" + newKey + "' exists already");
        }
        copy.addProperty("key", newKey);
        if (body.has("title") && body.get("title").isJsonPrimitive()) {
            copy.addProperty("title", body.get("title").getAsString());
        }
        try {
            drafts.save(caller.accountId(), newKey, copy, 0, caller.userId());
        } catch (FormKeyTakenException e) {
            throw new HttpProblem(409, "key: a form '" + newKey + "' exists already");
        }
        return draftReply(caller.accountId(), copy, 0, 0, true);
    }

    private Optional<JsonObject> latestSource(long account, String key) {
        try {
            return forms.latest(account, key).map(f -> f.definition().source().deepCopy());
        } catch (java.sql.SQLException e) {
            throw new org.formhaus.storage.StorageException("Cannot read form " + key, e);
        }
    }

    /** Whether the key is taken: by a form of any account (live, archived or a draft). */
    private boolean exists(long account, String key) throws Exception {
        return forms.current(key).isPresent() || forms.latest(account, key).isPresent()
                || drafts.find(account, key).isPresent() || forms.version(key, 1).isPresent();
    }

    private static void checkKey(String key) {
        if (!key.matches("[a-z0-9][a-z0-9_-]{0,99}")) {
            throw HttpProblem.badRequest("key: must be 1-100 characters of a-z, 0-9, '-' or '_'");
        }
    }

    /**
     * The server's whole definition check: the parser's (unknown keys refused) and the save-time checks against the
     * account (its onOffice fields, mail templates, protection, thank-you URL).
     */
    static final class DraftCheck {

        private final DefinitionParser parser = new DefinitionParser();
        private final FormSaveCheck saveCheck;

        DraftCheck(FormSaveCheck saveCheck) {
            this.saveCheck = saveCheck;
        }

        List<DefinitionException.Problem> problems(long account, JsonObject definition) throws Exception {
            try {
                return saveCheck.problems(account, parser.parse(definition.deepCopy()));
            } catch (DefinitionException e) {
                return e.problems();
            }
        }

        /** The definition, parsed and checked; else 400 with {@code problems} (each with its place). */
        FormDefinition definition(long account, JsonObject json) throws Exception {
            List<DefinitionException.Problem> problems;
            try {
                FormDefinition definition = parser.parse(json.deepCopy());
                problems = saveCheck.problems(account, definition);
                JsonObject sealed = json.deepCopy();
                if (problems.isEmpty()) {
                    // What is published keeps only the hashes of the password and one-time keys.
                    return ProtectionSecrets.seal(sealed) ? parser.parse(sealed) : definition;
                }
            } catch (DefinitionException e) {
                problems = e.problems();
            }
            JsonObject body = new JsonObject();
            body.addProperty("error", "Invalid form definition: " + String.join("; ",
                    problems.stream().map(DefinitionException.Problem::toString).toList()));
            JsonArray list = new JsonArray();
            problems.forEach(p -> list.add(ProblemCodes.json(p)));
            body.add("problems", list);
            throw new HttpProblem(400, body.get("error").getAsString(), body);
        }
    }
}
