package org.formhaus.mail;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.formhaus.forms.Field;
import org.formhaus.forms.FormDefinition;

/**
 * What a mail template sees: {@code values.<field name>} (every field of the form, "" when not filled in, lists
 * joined by ", "), {@code fields} (label and value of each filled-in field, for listing them all), {@code form}
 * ({@code key}, {@code title}, {@code language}), {@code submission} ({@code id}, {@code created}), and for the
 * macros ({@link MailMacros}) {@code page.url}, {@code referrer}, {@code utm.<name>} and {@code record.<Field>}. Only
 * strings and maps of strings, so a template cannot reach into objects.
 */
final class MailModel {

    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm", Locale.GERMANY)
            .withZone(ZoneId.of("Europe/Berlin"));

    private MailModel() {
    }

    /**
     * The confirmation's model: the values of free-text fields ({@link #freeText}) are left out unless
     * {@code repeatFields} names them, as the confirmation goes to whatever address the visitor typed.
     */
    static Map<String, Object> forConfirmation(FormDefinition form, Map<String, Object> values,
                                               java.util.Collection<String> repeatFields, String submissionId,
                                               long createdMs) {
        return forConfirmation(form, values, repeatFields, submissionId, createdMs,
                org.formhaus.forms.Macros.NO_RECORD);
    }

    static Map<String, Object> forConfirmation(FormDefinition form, Map<String, Object> values,
                                               java.util.Collection<String> repeatFields, String submissionId,
                                               long createdMs, Map<String, String> record) {
        Map<String, Object> repeated = new LinkedHashMap<>();
        for (Field field : form.fields()) {
            if (values.containsKey(field.name()) && (!freeText(field) || repeatFields.contains(field.name()))) {
                repeated.put(field.name(), values.get(field.name()));
            }
        }
        // No page context either: anyone can put any text into a page's address or its utm_* parameters.
        return of(form, repeated, submissionId, createdMs, Map.of(), record);
    }

    /** Fields whose value the visitor may type freely (a file's name too), as opposed to chosen, dates and numbers. */
    static boolean freeText(Field field) {
        return switch (field.type()) {
            case TEXT, TEXTAREA, EMAIL, PHONE, HIDDEN, FILE -> true;
            default -> false;
        };
    }

    static Map<String, Object> of(FormDefinition form, Map<String, Object> values, String submissionId, long createdMs) {
        return of(form, values, submissionId, createdMs, Map.of(), org.formhaus.forms.Macros.NO_RECORD);
    }

    /**
     * With the page context's macros ({@code page.url}, {@code referrer}, {@code utm.<name>}; {@code context} is its
     * flat form {@code page}, {@code referrer}, {@code utm_*}) and the loaded record's ({@code record.<Field>}).
     */
    static Map<String, Object> of(FormDefinition form, Map<String, Object> values, String submissionId, long createdMs,
                                  Map<String, String> context, Map<String, String> record) {
        Map<String, Object> model = new LinkedHashMap<>(base(form, values, submissionId, createdMs));
        Map<String, String> utm = new LinkedHashMap<>();
        context.forEach((key, value) -> {
            if (key.startsWith("utm_")) {
                utm.put(key.substring(4), value);
            }
        });
        model.put("page", Map.of("url", context.getOrDefault("page", "")));
        model.put("referrer", context.getOrDefault("referrer", ""));
        model.put("utm", utm);
        model.put("record", Map.copyOf(record));
        return model;
    }

    private static Map<String, Object> base(FormDefinition form, Map<String, Object> values, String submissionId,
                                            long createdMs) {
        Map<String, String> byName = new LinkedHashMap<>();
        List<Map<String, String>> filled = new ArrayList<>();
        for (Field field : form.fields()) {
            if (!field.type().carriesValue()) {
                continue;
            }
            String value = display(values.get(field.name()));
            byName.put(field.name(), value);
            if (!value.isEmpty()) {
                filled.add(Map.of("name", field.name(), "label", field.label() == null ? field.name() : field.label(),
                        "value", value));
            }
        }
        return Map.of("values", byName, "fields", filled, "differences", List.of(),
                "form", Map.of("key", form.key(), "title", form.title() == null ? "" : form.title(),
                        "language", form.language() == null ? "" : form.language()),
                "submission", Map.of("id", submissionId, "created", CREATED.format(Instant.ofEpochMilli(createdMs))));
    }

    /**
     * The model with what differs from the existing contact the visitor was matched with (issue #12):
     * {@code differences} = [{label, entered, onOffice, updated ("true"/"false"), line}], for mails to the agency only
     * (never the visitor's confirmation: the values come from the CRM).
     */
    static Map<String, Object> withDifferences(Map<String, Object> model,
                                               List<org.formhaus.mapping.ContactDifference> differences,
                                               String language) {
        if (differences.isEmpty()) {
            return model;
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (org.formhaus.mapping.ContactDifference d : differences) {
            rows.add(Map.of("label", d.label(), "entered", d.entered(), "onOffice", d.onOffice(),
                    "updated", String.valueOf(d.updated()), "line", d.line(language)));
        }
        Map<String, Object> out = new LinkedHashMap<>(model);
        out.put("differences", rows);
        return out;
    }

    /** A model with every field empty: what a template must render with when the admin saves it. */
    static Map<String, Object> sample(FormDefinition form) {
        return withEditLinks(of(form, Map.of(), "00000000-0000-0000-0000-000000000000", 0, Map.of(), Map.of()),
                EditLinkValues.sample());
    }

    /** The model plus {@code editLinks}: {@code ${editLinks["<edit form key>"]}} is a link to edit the record (#12). */
    static Map<String, Object> withEditLinks(Map<String, Object> model, Map<String, String> links) {
        Map<String, Object> out = new LinkedHashMap<>(model);
        out.put("editLinks", links);
        return out;
    }

    /** A submission value ({@code AcceptedSubmission#values}): a String, or a List of String joined by ", ". */
    private static String display(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof List<?> list) {
            List<String> parts = new ArrayList<>();
            list.forEach(v -> parts.add(display(v)));
            return String.join(", ", parts);
        }
        return value.toString();
    }
}
