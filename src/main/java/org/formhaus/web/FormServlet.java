package org.formhaus.web;

import com.google.gson.JsonObject;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.formhaus.forms.Field;
import org.formhaus.forms.FieldType;
import org.formhaus.forms.FormDefinition;
import org.formhaus.forms.FormValidator;
import org.formhaus.forms.Messages;
import org.formhaus.forms.ValidationResult;
import org.formhaus.render.Templates;
import org.formhaus.storage.Account;
import org.formhaus.storage.AccountStore;
import org.formhaus.storage.StoredForm;
import org.formhaus.storage.Submission;
import org.formhaus.storage.SubmissionStatus;

/**
 * {@code /f/{key}}: serves a form as a page and accepts its submissions. A submission is validated, stored together
 * with its delivery job, and only then answered; onOffice is never waited for here.
 */
public final class FormServlet extends HttpServlet {

    private static final System.Logger LOG = System.getLogger(FormServlet.class.getName());
    static final String TOKEN = "_fh_token";
    static final String HONEYPOT = "_fh_website";

    private final FormIntake intake;
    private final AccountStore accounts;
    private final Templates templates;
    private final FormToken tokens;
    private final RateLimiter limiter;
    private final long minFillMs;
    private final FormValidator validator = new FormValidator();
    private final AtomicLong spamCount = new AtomicLong();

    public FormServlet(FormIntake intake, AccountStore accounts, Templates templates, String instanceKey,
                       int perMinute, int minFillSeconds) {
        this.intake = intake;
        this.accounts = accounts;
        this.templates = templates;
        this.tokens = new FormToken(instanceKey);
        this.limiter = new RateLimiter(perMinute);
        this.minFillMs = minFillSeconds * 1000L;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] path = path(request);
        Optional<StoredForm> form = path.length == 0 ? Optional.empty() : find(path[0], response);
        if (form.isEmpty()) {
            notFound(request, response);
            return;
        }
        FormDefinition definition = form.get().definition();
        frameHeaders(form.get(), response);
        if (path.length == 2 && path[1].equals("thanks")) {
            Messages t = Messages.forLanguage(definition.language());
            message(request, response, 200, definition.language(), t.get("form.thanks.title"), t.get("form.thanks.text"));
            return;
        }
        Map<String, Object> values = new HashMap<>();
        for (Field field : definition.fields()) {
            String param = request.getParameter(field.name());
            if (param != null && (field.prefill() || field.type() == FieldType.HIDDEN)) {
                values.put(field.name(), field.type() == FieldType.CHECKBOXES ? List.of(param.split(",")) : param);
            } else if (field.defaultValue() != null) {
                values.put(field.name(), field.defaultValue());
            }
        }
        page(request, response, 200, form.get(), values, Map.of(), context(request));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding("UTF-8");
        String[] path = path(request);
        Optional<StoredForm> found = path.length == 1 ? find(path[0], response) : Optional.empty();
        if (found.isEmpty()) {
            if (Json.wantsJson(request)) {
                Json.error(response, 404, "Form not found");
            } else {
                notFound(request, response);
            }
            return;
        }
        StoredForm form = found.get();
        frameHeaders(form, response);
        boolean json = Json.wantsJson(request);
        long now = System.currentTimeMillis();

        long retryAfter = limiter.acquire(request.getRemoteAddr() + "|" + form.key(), now);
        if (retryAfter > 0) {
            response.setHeader("Retry-After", Long.toString(retryAfter));
            reject(request, response, json, form, 429, "_form", "Too many submissions, please try again in "
                    + retryAfter + " seconds");
            return;
        }
        Map<String, List<String>> input = input(request);
        if (!first(input, HONEYPOT).isEmpty()) {
            // A bot filled the invisible field: answer as if all went well, store and deliver nothing.
            spamCount.incrementAndGet();
            LOG.log(Level.INFO, "Spam dropped on form " + form.key() + " (honeypot)");
            succeed(request, response, json, form, "spam-" + UUID.randomUUID());
            return;
        }
        long servedAt = tokens.servedAt(form.key(), first(input, TOKEN));
        if (minFillMs > 0 && servedAt < 0) {
            spamCount.incrementAndGet();
            reject(request, response, json, form, 400, TOKEN,
                    "The form token is missing or invalid: load the form and send it from there");
            return;
        }
        if (minFillMs > 0 && now - servedAt < minFillMs) {
            spamCount.incrementAndGet();
            reject(request, response, json, form, 422, "_form", "Sent too quickly; please check your entries and send again");
            return;
        }
        ValidationResult result = validator.validate(form.definition(), input);
        if (!result.valid()) {
            if (json) {
                JsonObject body = new JsonObject();
                body.add("errors", Json.GSON.toJsonTree(result.errors().asMap()));
                Json.send(response, 422, body);
            } else {
                page(request, response, 422, form, result.values(), result.errors().asMap(), contextOf(input));
            }
            return;
        }
        try {
            Submission accepted = intake.accept(form, result.values(), contextOf(input), now);
            succeed(request, response, json, form, accepted.id());
        } catch (SQLException e) {
            LOG.log(Level.ERROR, "Cannot store a submission of " + form.key(), e);
            reject(request, response, json, form, 503, "_form",
                    "Your entry could not be saved just now. Please send it again in a moment.");
        }
    }

    private void succeed(HttpServletRequest request, HttpServletResponse response, boolean json, StoredForm form,
                         String id) throws IOException {
        if (json) {
            JsonObject body = new JsonObject();
            body.addProperty("id", id);
            body.addProperty("status", SubmissionStatus.RECEIVED.jsonName());
            Json.send(response, 202, body);
            return;
        }
        String thanks = form.definition().thankYouUrl();
        response.setStatus(303);
        response.setHeader("Location", thanks != null && !thanks.isBlank() ? thanks
                : request.getContextPath() + "/f/" + form.key() + "/thanks" + frameQuery(request));
    }

    private void reject(HttpServletRequest request, HttpServletResponse response, boolean json, StoredForm form,
                        int status, String field, String message) throws IOException {
        if (json) {
            JsonObject body = new JsonObject();
            JsonObject errors = new JsonObject();
            errors.addProperty(field, message);
            body.add("errors", errors);
            body.addProperty("error", message);
            Json.send(response, status, body);
        } else {
            Map<String, List<String>> input = input(request);
            Map<String, Object> values = new HashMap<>();
            input.forEach((k, v) -> values.put(k, v.size() == 1 ? v.get(0) : v));
            page(request, response, status, form, values, Map.of(field, message), contextOf(input));
        }
    }

    private void page(HttpServletRequest request, HttpServletResponse response, int status, StoredForm form,
                      Map<String, Object> values, Map<String, String> errors, Map<String, String> context)
            throws IOException {
        FormDefinition definition = form.definition();
        Messages t = Messages.forLanguage(definition.language());
        Map<String, Object> model = new HashMap<>();
        model.put("form", Map.of("key", definition.key(), "title", definition.title(), "language", definition.language()));
        model.put("fields", FieldView.of(definition, values, errors));
        model.put("hasErrors", !errors.isEmpty());
        model.put("formError", errors.getOrDefault("_form", ""));
        model.put("token", tokens.issue(definition.key(), System.currentTimeMillis()));
        model.put("context", context);
        model.put("action", request.getContextPath() + "/f/" + definition.key() + frameQuery(request));
        model.put("base", request.getContextPath());
        model.put("t", translations(t));
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        templates.render("form.ftlh", model, response.getWriter());
    }

    private void message(HttpServletRequest request, HttpServletResponse response, int status, String language,
                         String title, String text) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        templates.render("message.ftlh", Map.of("language", language, "title", title, "text", text,
                "base", request.getContextPath()), response.getWriter());
    }

    private void notFound(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String language = "en".equals(request.getLocale().getLanguage()) ? "en" : "de";
        String text = Messages.forLanguage(language).get("form.notFound");
        message(request, response, 404, language, "404", text);
    }

    /** The embed parameters survive a round trip (submit, re-render, thank-you) so resizing keeps working. */
    private static String frameQuery(HttpServletRequest request) {
        String parent = request.getParameter("fh_parent");
        String frame = request.getParameter("fh_frame");
        if (parent == null || frame == null) {
            return "";
        }
        return "?fh_parent=" + java.net.URLEncoder.encode(parent, java.nio.charset.StandardCharsets.UTF_8)
                + "&fh_frame=" + java.net.URLEncoder.encode(frame, java.nio.charset.StandardCharsets.UTF_8);
    }

    private void frameHeaders(StoredForm form, HttpServletResponse response) {
        List<String> origins = accounts.cachedAllowedOrigins(form.accountId());
        response.setHeader("Content-Security-Policy", "frame-ancestors "
                + (origins.isEmpty() ? "*" : "'self' " + String.join(" ", origins)));
    }

    private Optional<StoredForm> find(String key, HttpServletResponse response) throws IOException {
        try {
            return intake.forms().current(key);
        } catch (SQLException e) {
            LOG.log(Level.ERROR, "Cannot load form " + key, e);
            response.sendError(503);
            throw new IOException("storage unavailable", e);
        }
    }

    private static String[] path(HttpServletRequest request) {
        String info = request.getPathInfo();
        return info == null || info.length() <= 1 ? new String[0] : info.substring(1).split("/");
    }

    private static Map<String, List<String>> input(HttpServletRequest request) {
        Map<String, List<String>> input = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> input.put(name, List.of(values)));
        return input;
    }

    private static String first(Map<String, List<String>> input, String name) {
        List<String> values = input.get(name);
        return values == null || values.isEmpty() || values.get(0) == null ? "" : values.get(0);
    }

    /** Page URL and UTM parameters, when the embed script passed them. */
    private static Map<String, String> context(HttpServletRequest request) {
        Map<String, String> context = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if ((name.equals("fh_page") || name.startsWith("utm_")) && values.length > 0) {
                context.put(name, values[0].length() > 500 ? values[0].substring(0, 500) : values[0]);
            }
        });
        return context;
    }

    private static Map<String, String> contextOf(Map<String, List<String>> input) {
        Map<String, String> context = new LinkedHashMap<>();
        input.forEach((name, values) -> {
            if ((name.startsWith("_ctx_")) && !values.isEmpty()) {
                String v = values.get(0);
                context.put(name.substring(5), v.length() > 500 ? v.substring(0, 500) : v);
            }
        });
        return context;
    }

    private static Map<String, String> translations(Messages t) {
        Map<String, String> out = new HashMap<>();
        for (String key : List.of("form.submit", "form.required", "form.errors")) {
            out.put(key, t.get(key));
        }
        return out;
    }

    /** Spam submissions dropped since start (honeypot, missing token, too fast). */
    public long spamCount() {
        return spamCount.get();
    }

    static List<String> list(Object value) {
        if (value instanceof List<?> l) {
            List<String> out = new ArrayList<>();
            l.forEach(v -> out.add(String.valueOf(v)));
            return out;
        }
        return value == null || value.toString().isEmpty() ? List.of() : List.of(value.toString());
    }
}
