package org.formhaus.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.formhaus.forms.Field;
import org.formhaus.forms.FormDefinition;
import org.formhaus.forms.Messages;
import org.formhaus.render.Templates;

/**
 * Renders a form as its page ({@code form.ftlh}): steps, fields with values and errors, the error summary, the theme
 * as CSS custom properties, and the built-in texts and rules form.js uses. Thread-safe; one per application.
 */
final class FormPage {

    /** Everything one rendering depends on. {@code parent}/{@code frame}: the embedding page, or null. */
    record Request(FormDefinition form, Map<String, Object> values, Map<String, String> errors, String token,
                   Map<String, String> context, String action, String base) {
    }

    private final Templates templates;
    private final Map<String, Map<String, Object>> texts = new java.util.concurrent.ConcurrentHashMap<>();

    FormPage(Templates templates) {
        this.templates = templates;
    }

    void render(HttpServletResponse response, int status, Request r) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        templates.render("form.ftlh", model(r), response.getWriter());
    }

    private Map<String, Object> model(Request r) {
        FormDefinition form = r.form();
        Messages t = Messages.forLanguage(form.language());
        Map<String, Object> model = new HashMap<>(texts(t));
        model.put("form", Map.of("key", form.key(), "title", form.title(), "language", form.language()));
        model.put("themeCss", themeCss(form.theme()));
        LocalDate today = LocalDate.now();
        List<Map<String, Object>> steps = new ArrayList<>();
        List<Map<String, String>> summary = new ArrayList<>();
        int index = 0;
        for (FormDefinition.Step step : form.steps()) {
            index++;
            List<Map<String, Object>> fields = new ArrayList<>();
            for (Field f : step.fields()) {
                String error = r.errors().get(f.name());
                Map<String, Object> view = FieldView.of(f, r.values().get(f.name()), error, t, today);
                fields.add(view);
                if (error != null) {
                    summary.add(Map.of("focusId", view.get("focusId").toString(), "label", f.label(), "message", error));
                }
            }
            steps.add(Map.of("index", index, "title", step.title() == null ? t.get("form.stepTitle", index) : step.title(),
                    "titled", step.title() != null, "fields", fields));
        }
        model.put("steps", steps);
        model.put("multiStep", steps.size() > 1);
        model.put("summary", summary);
        model.put("summaryText", t.get("form.errorSummary", summary.size()));
        model.put("formError", r.errors().getOrDefault("_form", ""));
        model.put("token", r.token());
        model.put("context", r.context());
        model.put("action", r.action());
        model.put("base", r.base());
        model.put("multipart", form.fields().stream().anyMatch(f -> f.type() == org.formhaus.forms.FieldType.FILE));
        return model;
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
