package org.formhaus.web;

import com.google.gson.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.formhaus.forms.FormDefinition;
import org.formhaus.forms.Messages;
import org.formhaus.http.Json;
import org.formhaus.http.SignedTokens;
import org.formhaus.protection.Protection;
import org.formhaus.protection.ProtectionGate;
import org.formhaus.protection.ProtectionGate.Refusal;
import org.formhaus.protection.ProtectionSecrets;
import org.formhaus.render.Templates;
import org.formhaus.storage.ClaimRefusedException;
import org.formhaus.storage.ProtectionStore;
import org.formhaus.storage.StoredForm;
import org.formhaus.storage.SubmissionClaim;

/**
 * A form's {@code protection} at the door of {@code /f/{key}}: {@link #admit} lets a visitor in or says why not
 * ({@link Refused}), on GET and POST alike; {@link #unlock} ({@code POST /f/{key}/unlock}) checks a password and
 * hands out an unlock token. The token and a one-time key travel with the visitor in the page itself (query
 * parameters {@code fh_unlock}, {@code fh_key}; hidden inputs {@code _fh_unlock}, {@code _fh_key}), not in a cookie:
 * a form in a third-party iframe gets no cookies in today's browsers. Wrong passwords are counted per form and client
 * over every instance; after {@value #MAX_FAILURES} within {@link #FAILURE_WINDOW} the client gets 429 until the
 * window has passed. Thread-safe; one per application.
 */
final class FormAccess {

    static final String UNLOCK_PARAM = "fh_unlock";
    static final String KEY_PARAM = "fh_key";
    static final String UNLOCK_INPUT = "_fh_unlock";
    static final String KEY_INPUT = "_fh_key";
    static final int MAX_FAILURES = 5;
    static final Duration FAILURE_WINDOW = Duration.ofMinutes(15);
    /** How long one correct password keeps the form open for the visitor. */
    static final Duration UNLOCK_VALIDITY = Duration.ofHours(12);

    /** What let a visitor in: the hidden inputs their page carries, and the one-time key's hash (null: none). */
    record Pass(Map<String, String> inputs, String keyHash) {
        static final Pass OPEN = new Pass(Map.of(), null);
    }

    /** A visitor turned away, with the status and the message they are shown. */
    static final class Refused extends Exception {
        final Refusal reason;
        final int status;

        Refused(Refusal reason, int status, String message) {
            super(message, null, false, false);
            this.reason = reason;
            this.status = status;
        }
    }

    private final ProtectionGate gate;
    private final ProtectionStore store;
    private final SignedTokens tokens;
    private final Templates templates;
    private final Clock clock;

    FormAccess(ProtectionStore store, SignedTokens tokens, Templates templates, Clock clock) {
        this.gate = new ProtectionGate(new ProtectionGate.Usage() {
            @Override
            public int used(String formKey) throws SQLException {
                return store.used(formKey);
            }

            @Override
            public boolean keyUsed(String formKey, String keyHash) throws SQLException {
                return store.keyUsed(formKey, keyHash);
            }
        });
        this.store = store;
        this.tokens = tokens;
        this.templates = templates;
        this.clock = clock;
    }

    /**
     * Lets the visitor in, or says why not.
     * @param unlock the unlock token they brought (query or hidden input; null: none)
     * @param key    the one-time key they brought (null: none)
     */
    Pass admit(String formKey, FormDefinition form, String address, String unlock, String key)
            throws Refused, SQLException {
        Protection p = Protection.of(form.source());
        if (p == Protection.NONE) {
            return Pass.OPEN;
        }
        boolean unlocked = p.passwordHash() != null && unlockToken(formKey, p).equals(tokens.open(unlock).orElse(""));
        Optional<Refusal> refusal = gate.check(formKey, p, new ProtectionGate.Visitor(address, unlocked, key),
                clock.instant());
        if (refusal.isPresent()) {
            throw refused(refusal.get(), form, p);
        }
        Map<String, String> inputs = new LinkedHashMap<>();
        if (unlocked) {
            inputs.put(UNLOCK_INPUT, unlock);
        }
        String keyHash = ProtectionGate.keyHash(p, key);
        if (keyHash != null) {
            inputs.put(KEY_INPUT, key);
        }
        return new Pass(inputs, keyHash);
    }

    /** What the submission of a visitor let in must take in its own transaction. */
    SubmissionClaim claim(String formKey, FormDefinition form, Pass pass) {
        Protection p = Protection.of(form.source());
        return new SubmissionClaim(formKey, p.maxSubmissions(), pass.keyHash());
    }

    /** A place or key lost in the submission's transaction, as the visitor is told. */
    Refused refused(ClaimRefusedException e, FormDefinition form) {
        Refusal reason = e.reason() == ClaimRefusedException.Reason.FULL ? Refusal.FULL : Refusal.KEY_USED;
        return refused(reason, form, Protection.of(form.source()));
    }

    /** The hidden inputs a refused submission's page carries again (checked again on its next POST). */
    static Map<String, String> carried(Map<String, List<String>> params) {
        Map<String, String> inputs = new LinkedHashMap<>();
        for (String name : List.of(UNLOCK_INPUT, KEY_INPUT)) {
            List<String> values = params.get(name);
            if (values != null && !values.isEmpty() && values.get(0).length() <= 4096) {
                inputs.put(name, values.get(0));
            }
        }
        return inputs;
    }

    /**
     * Shows a refusal: JSON {@code {"error", "errors": {"_form"}, "protection": reason}}; for a browser the password
     * prompt (200 on GET) or a page with the message.
     */
    void show(HttpServletRequest request, HttpServletResponse response, boolean json, StoredForm form,
              FormDefinition definition, Refused r, Map<String, List<String>> query) throws IOException {
        if (json) {
            JsonObject body = new JsonObject();
            body.addProperty("error", r.getMessage());
            JsonObject errors = new JsonObject();
            errors.addProperty("_form", r.getMessage());
            body.add("errors", errors);
            body.addProperty("protection", r.reason.jsonName());
            Json.send(response, r.status, body);
            return;
        }
        if (r.reason == Refusal.PASSWORD) {
            prompt(request, response, request.getMethod().equals("GET") ? 200 : r.status, form, definition, query, "");
            return;
        }
        Messages t = Messages.forLanguage(definition.language());
        response.setStatus(r.status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        templates.render("message.ftlh", Map.of("language", definition.language(), "title",
                t.get("protection.title"), "text", r.getMessage(), "base", request.getContextPath()),
                response.getWriter());
    }

    /**
     * {@code POST /f/{key}/unlock} with {@code password}: right → 303 back to the form with an unlock token (JSON:
     * 200 {@code {"unlock": token}}); wrong → 403 and the prompt again; too many wrong → 429 with Retry-After.
     */
    void unlock(HttpServletRequest request, HttpServletResponse response, boolean json, StoredForm form,
                FormDefinition definition, Map<String, List<String>> query, String password) throws IOException,
            SQLException {
        Protection p = Protection.of(definition.source());
        Messages t = Messages.forLanguage(definition.language());
        String address = request.getRemoteAddr();
        // Address, hours and places first: no password opens a form closed to this visitor.
        Optional<Refusal> closed = gate.check(form.key(), p, new ProtectionGate.Visitor(address, true, null),
                clock.instant()).filter(reason -> reason != Refusal.KEY_MISSING && reason != Refusal.KEY_USED);
        if (closed.isPresent()) {
            show(request, response, json, form, definition, refused(closed.get(), definition, p), query);
            return;
        }
        if (p.passwordHash() == null) {
            response.sendRedirect(request.getContextPath() + "/f/" + form.key() + query(query, null));
            return;
        }
        long now = clock.millis();
        String client = tokens.sign("unlock-client|" + form.key() + "|" + address);
        if (store.failures(form.key(), client, now - FAILURE_WINDOW.toMillis()) >= MAX_FAILURES) {
            response.setHeader("Retry-After", Long.toString(FAILURE_WINDOW.toSeconds()));
            String message = t.get("protection.password.tooMany", FAILURE_WINDOW.toMinutes());
            if (json) {
                show(request, response, true, form, definition, new Refused(Refusal.PASSWORD, 429, message), query);
            } else {
                prompt(request, response, 429, form, definition, query, message);
            }
            return;
        }
        if (!ProtectionSecrets.matches(password, p.passwordHash())) {
            store.failed(form.key(), client, now, FAILURE_WINDOW.toMillis());
            String message = t.get("protection.password.wrong");
            if (json) {
                show(request, response, true, form, definition, new Refused(Refusal.PASSWORD, 403, message), query);
            } else {
                prompt(request, response, 403, form, definition, query, message);
            }
            return;
        }
        String token = tokens.issue(unlockToken(form.key(), p), UNLOCK_VALIDITY);
        if (json) {
            JsonObject body = new JsonObject();
            body.addProperty("unlock", token);
            Json.send(response, 200, body);
            return;
        }
        response.setStatus(303);
        response.setHeader("Location", request.getContextPath() + "/f/" + form.key() + query(query, token));
    }

    private void prompt(HttpServletRequest request, HttpServletResponse response, int status, StoredForm form,
                        FormDefinition definition, Map<String, List<String>> query, String error) throws IOException {
        Messages t = Messages.forLanguage(definition.language());
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        Map<String, Object> model = new LinkedHashMap<>(t.withPrefix("protection.password."));
        model.put("language", definition.language());
        model.put("title", definition.title());
        model.put("error", error);
        model.put("base", request.getContextPath());
        model.put("action", request.getContextPath() + "/f/" + form.key() + "/unlock" + query(query, null));
        Map<String, Object> view = new LinkedHashMap<>();
        model.forEach((k, v) -> view.put(k.replace("protection.password.", "t_"), v));
        templates.render("unlock.ftlh", view, response.getWriter());
    }

    /** The page's query again (embedding, context, key), without an old unlock token and with {@code token}. */
    private static String query(Map<String, List<String>> query, String token) {
        StringBuilder q = new StringBuilder();
        query.forEach((name, values) -> {
            if (!name.equals(UNLOCK_PARAM) && !values.isEmpty()) {
                q.append(q.length() == 0 ? "?" : "&").append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                        .append('=').append(URLEncoder.encode(values.get(0), StandardCharsets.UTF_8));
            }
        });
        if (token != null) {
            q.append(q.length() == 0 ? "?" : "&").append(UNLOCK_PARAM).append('=').append(token);
        }
        return q.toString();
    }

    private static String unlockToken(String formKey, Protection p) {
        return "unlock|" + formKey + "|" + ProtectionSecrets.fingerprint(p.passwordHash());
    }

    private Refused refused(Refusal reason, FormDefinition form, Protection p) {
        Messages t = Messages.forLanguage(form.language());
        String closed = p.closedMessage(form.language());
        String message = switch (reason) {
            case ADDRESS -> t.get("protection.address");
            case NOT_YET_OPEN -> closed != null ? closed : t.get("protection.notYetOpen", DateTimeFormatter
                    .ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                    .withLocale(Locale.forLanguageTag(form.language())).format(p.opensAt()));
            case CLOSED -> closed != null ? closed : t.get("protection.closed");
            case FULL -> closed != null ? closed : t.get("protection.full");
            case PASSWORD -> t.get("protection.password.text");
            case KEY_MISSING -> t.get("protection.key.missing");
            case KEY_USED -> t.get("protection.key.used");
        };
        return new Refused(reason, 403, message);
    }
}
