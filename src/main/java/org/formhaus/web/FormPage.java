package org.formhaus.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.formhaus.forms.Field;
import org.formhaus.forms.FormDefinition;
import org.formhaus.forms.Macros;
import org.formhaus.forms.TextMacros;
import org.formhaus.forms.Messages;
import org.formhaus.http.Html;
import org.formhaus.http.Json;
import org.formhaus.mapping.SlotWindow;
import org.formhaus.render.Templates;
import org.formhaus.viewings.SlotOffer;

/**
 * Renders a form as its page ({@code form.ftlh}): steps, fields with values and errors, the error summary, the theme
 * as CSS custom properties, and the built-in texts and rules form.js uses. Thread-safe; one per application.
 */
final class FormPage {

    /**
     * Everything one rendering depends on. {@code prefilled}: some value came from the request (prefill, a refused
     * submission), so the page cannot come from the cache.
     */
    record Request(FormDefinition form, Map<String, Object> values, Map<String, String> errors, String token,
                   Map<String, String> context, String action, String base, boolean prefilled,
                   Map<String, String> access, SlotOffer slots, Map<String, String> record) {

        /**
         * {@code access}: the hidden inputs that let the visitor in ({@link FormAccess}: unlock token, one-time key),
         * by input name; rendered beside the context inputs. {@code slots}: the viewing slots offered in the field
         * mapped to the appointment's start (null: the form offers none); such a page is never cached.
         * {@code record}: the loaded onOffice record's values by field name, for {@code {{record.X}}} macros
         * ({@link Macros#NO_RECORD} when the form loaded none).
         */
        Request {
            access = access == null ? Map.of() : Map.copyOf(access);
            prefilled = prefilled || slots != null;
            record = record == null ? Macros.NO_RECORD : Map.copyOf(record);
        }

        Request(FormDefinition form, Map<String, Object> values, Map<String, String> errors, String token,
                Map<String, String> context, String action, String base, boolean prefilled,
                Map<String, String> access) {
            this(form, values, errors, token, context, action, base, prefilled, access, null, Macros.NO_RECORD);
        }

        Request(FormDefinition form, Map<String, Object> values, Map<String, String> errors, String token,
                Map<String, String> context, String action, String base, boolean prefilled,
                Map<String, String> access, SlotOffer slots) {
            this(form, values, errors, token, context, action, base, prefilled, access, slots, Macros.NO_RECORD);
        }

        Request(FormDefinition form, Map<String, Object> values, Map<String, String> errors, String token,
                Map<String, String> context, String action, String base, boolean prefilled) {
            this(form, values, errors, token, context, action, base, prefilled, Map.of(), null);
        }
    }

    /**
     * Beside "_form" in a refusal's errors: the submission could not be stored for now (503) and form.js should send
     * it again by itself after this many seconds. Never a field name (those start with a letter).
     */
    static final String RETRY_AFTER = "_retryAfter";
    /** Beside the errors: a proof-of-work challenge (JSON) form.js solves, then sends the form again by itself. */
    static final String PROOF_OF_WORK = "_proofOfWork";

    // Stand-ins rendered into the cached page, replaced per request; HTML escaping leaves them as they are.
    private static final String TOKEN = "@@fh-token@@";
    private static final String ACTION = "@@fh-action@@";
    private static final String CONTEXT = "@@fh-context@@";

    private final Templates templates;
    private final Map<String, Map<String, Object>> texts = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, CachedPage> cache = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A form page rendered once, split around the parts that differ per request (token, action, context inputs).
     * Valid for one definition object (a new version or newly resolved options make a new one) on one day (date
     * limits say "today"), under one context path.
     */
    private record CachedPage(FormDefinition definition, LocalDate day, String base, List<Object> parts) {
    }

    FormPage(Templates templates) {
        this.templates = templates;
    }

    void render(HttpServletResponse response, int status, Request r) throws IOException {
        byte[] html = html(r, LocalDate.now());
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(html.length);
        response.getOutputStream().write(html);
    }

    /** The page as sent, UTF-8, for a request on {@code today} (date limits say "today"). */
    byte[] html(Request r, LocalDate today) throws IOException {
        if (r.prefilled() || !r.errors().isEmpty() || TextMacros.present(r.form())) {
            // Macros make each page its own: filled from this request's values and page context.
            return templates.render("form.ftlh", model(r, today)).getBytes(StandardCharsets.UTF_8);
        }
        // The common case, a fresh form (also embedded): served from the rendered page, filled in per request.
        CachedPage page = cached(r, today);
        List<byte[]> chunks = new ArrayList<>(page.parts().size());
        int length = 0;
        for (Object part : page.parts()) {
            byte[] bytes = part instanceof byte[] b ? b : dynamic((String) part, r).getBytes(StandardCharsets.UTF_8);
            chunks.add(bytes);
            length += bytes.length;
        }
        byte[] html = new byte[length];
        int at = 0;
        for (byte[] chunk : chunks) {
            System.arraycopy(chunk, 0, html, at, chunk.length);
            at += chunk.length;
        }
        return html;
    }

    private CachedPage cached(Request r, LocalDate today) throws IOException {
        String cacheKey = r.form().key() + ":" + r.form().language(); // one page per language of the form
        CachedPage page = cache.get(cacheKey);
        if (page != null && page.definition() == r.form() && page.day().equals(today) && page.base().equals(r.base())) {
            return page;
        }
        Request template = new Request(r.form(), r.values(), Map.of(), TOKEN, Map.of(CONTEXT, ""), ACTION, r.base(), false);
        String html = templates.render("form.ftlh", model(template, today));
        // The context stand-in renders as a hidden input; the whole input is what gets replaced.
        html = html.replace("<input type=\"hidden\" name=\"_ctx_" + CONTEXT + "\" value=\"\">", CONTEXT);
        List<Object> parts = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(TOKEN + "|" + ACTION + "|" + CONTEXT).matcher(html);
        int at = 0;
        while (m.find()) {
            parts.add(html.substring(at, m.start()).getBytes(StandardCharsets.UTF_8));
            parts.add(m.group());
            at = m.end();
        }
        parts.add(html.substring(at).getBytes(StandardCharsets.UTF_8));
        page = new CachedPage(r.form(), today, r.base(), List.copyOf(parts));
        cache.put(cacheKey, page);
        return page;
    }

    private static String dynamic(String marker, Request r) {
        return switch (marker) {
            case TOKEN -> r.token();
            case ACTION -> Html.escape(r.action());
            default -> {
                StringBuilder inputs = new StringBuilder();
                r.context().forEach((name, value) -> inputs.append("<input type=\"hidden\" name=\"_ctx_")
                        .append(Html.escape(name)).append("\" value=\"").append(Html.escape(value)).append("\">"));
                r.access().forEach((name, value) -> inputs.append("<input type=\"hidden\" name=\"")
                        .append(Html.escape(name)).append("\" value=\"").append(Html.escape(value)).append("\">"));
                yield inputs.toString();
            }
        };
    }

    private Map<String, Object> model(Request r, LocalDate today) {
        FormDefinition raw = r.form();
        // Texts with macros filled in as plain text from what the page starts with; the template escapes them.
        FormDefinition form = TextMacros.texts(raw, Macros.values(r.values(), r.context(), r.record()));
        Messages t = Messages.forLanguage(form.language());
        Map<String, Object> model = new HashMap<>(texts(t));
        model.put("form", Map.of("key", form.key(), "title", form.title(), "language", form.language()));
        model.put("themeCss", themeCss(form.theme()));
        model.put("logicJson", form.logic().isEmpty() ? "" : Json.GSON.toJson(form.logic().toJson()));
        model.put("languageSwitch", languageSwitch(form));
        List<Map<String, Object>> steps = new ArrayList<>();
        List<Map<String, String>> summary = new ArrayList<>();
        int index = 0;
        for (FormDefinition.Step step : form.steps()) {
            index++;
            List<Map<String, Object>> fields = new ArrayList<>();
            for (Field f : step.fields()) {
                String error = r.errors().get(f.name());
                Map<String, Object> view = FieldView.of(f, r.values().get(f.name()), error, t, today);
                raw.field(f.name()).ifPresent(own -> view.put("texts", liveTexts(own)));
                if (r.slots() != null && SlotWindow.START.equals(f.maps())) {
                    SlotChoice.apply(view, f, r.slots(), t);
                }
                fields.add(view);
                if (error != null) {
                    summary.add(Map.of("focusId", view.get("focusId").toString(), "label", f.label(), "message", error));
                }
            }
            steps.add(Map.of("index", index, "title", step.title() == null ? t.get("form.stepTitle", index) : step.title(),
                    "titled", step.title() != null, "fields", fields));
        }
        model.put("steps", steps);
        model.put("macrosJson", TextMacros.present(raw) ? Json.GSON.toJson(fixedMacros(raw, r)) : "");
        model.put("multiStep", steps.size() > 1);
        model.put("summary", summary);
        model.put("summaryText", t.get("form.errorSummary", summary.size()));
        model.put("formError", r.errors().getOrDefault("_form", ""));
        model.put("retryAfter", r.errors().getOrDefault(RETRY_AFTER, ""));
        model.put("proofOfWork", r.errors().getOrDefault(PROOF_OF_WORK, ""));
        model.put("alwaysProofOfWork", FormProtection.alwaysProofOfWork(form));
        model.put("token", r.token());
        model.put("context", r.context());
        Map<String, String> hidden = new java.util.LinkedHashMap<>(r.access());
        if (r.slots() != null && r.slots().token() != null) {
            hidden.put(SlotChoice.TOKEN_INPUT, r.slots().token()); // whose calendar the offered slots are from
        }
        model.put("access", hidden);
        model.put("action", r.action());
        model.put("base", r.base());
        model.put("multipart", form.fields().stream().anyMatch(f -> f.type() == org.formhaus.forms.FieldType.FILE));
        return model;
    }

    /**
     * A field's label and help as written, when they name a field the visitor is filling: form.js fills them again
     * as the visitor types (as text, never as markup). Empty when neither does.
     */
    private static String liveTexts(Field own) {
        Map<String, String> texts = new java.util.LinkedHashMap<>();
        if (TextMacros.live(own.label())) texts.put("label", own.label());
        if (TextMacros.live(own.help())) texts.put("help", own.help());
        return texts.isEmpty() ? "" : Json.GSON.toJson(texts);
    }

    /** The values of the page context's and the record's macros the form's texts name, for form.js. */
    private static Map<String, String> fixedMacros(FormDefinition form, Request r) {
        java.util.function.Function<String, String> valueOf = Macros.values(Map.of(), r.context(), r.record());
        Map<String, String> fixed = new java.util.TreeMap<>();
        for (Field f : form.fields()) {
            for (String text : java.util.Arrays.asList(f.label(), f.help())) {
                Macros.names(text).stream().filter(Macros::fixed).forEach(n -> fixed.put(n, valueOf.apply(n)));
            }
        }
        form.logic().rules().forEach(rule -> rule.then().forEach(a -> Macros.names(a.text()).stream()
                .filter(Macros::fixed).forEach(n -> fixed.put(n, valueOf.apply(n)))));
        return fixed;
    }

    /** The built-in texts of a language: for the template ({@code t}) and for form.js ({@code messagesJson}). */
    private Map<String, Object> texts(Messages t) {
        return texts.computeIfAbsent(t.language(), language -> {
            Map<String, String> all = new HashMap<>(t.withPrefix("form."));
            Map<String, String> forScript = new HashMap<>(t.withPrefix("error."));
            forScript.put("form.progress", all.get("form.progress"));
            return Map.of("t", Map.copyOf(all), "messagesJson", Json.GSON.toJson(forScript));
        });
    }

    /** The visitor's language switch: each language of the form in its own name; empty for a form in one language. */
    private static List<Map<String, Object>> languageSwitch(FormDefinition form) {
        List<Map<String, Object>> links = new ArrayList<>();
        if (form.languages().size() > 1) {
            for (String code : form.languages()) {
                links.add(Map.of("code", code, "name", Messages.forLanguage(code).get("form.languageName"),
                        "current", code.equals(form.language())));
            }
        }
        return links;
    }

    /** Theme values were checked by the parser against strict patterns; safe inside a style element. */
    static String themeCss(Map<String, String> theme) {
        if (theme.isEmpty()) {
            return "";
        }
        StringBuilder css = new StringBuilder(":root{");
        theme.forEach((key, value) -> css.append("--fh-").append(key.replaceAll("([A-Z])", "-$1").toLowerCase())
                .append(':').append(value).append(';'));
        return css.append('}').toString();
    }
}
