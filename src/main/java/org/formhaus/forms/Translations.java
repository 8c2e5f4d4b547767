package org.formhaus.forms;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A definition's texts in further languages ({@code translations}), by language: the title and, per field, its label,
 * help, placeholder and option labels. What a translation leaves out stays as the definition has it. A visitor's
 * language ({@code web.VisitorLanguage}) picks one through {@link FormDefinition#inLanguage}; {@code original} is the
 * definition's own language, which a translated copy still offers. The confirmation e-mail's own subject and body
 * may be translated too ({@code "emails": {"confirmation": {"subject": ..., "body": ...}}}): the translated copy's
 * {@code source} carries them, so the mail code sends the visitor's language. Immutable.
 *
 * <pre>{@code
 * "language": "de", "title": "Kontakt",
 * "translations": {"en": {"title": "Contact", "fields": {"vorname": {"label": "First name", "help": "..."},
 *                                                        "art": {"options": {"kauf": "Buy", "miete": "Rent"}}}}}
 * }</pre>
 */
public record Translations(String original, Map<String, Texts> byLanguage) {

    public static final Translations NONE = new Translations(null, Map.of());

    public Translations {
        byLanguage = Map.copyOf(byLanguage);
    }

    /** The parts of the confirmation e-mail a translation may give ({@code translations.en.emails.confirmation}). */
    static final List<String> MAIL_PARTS = List.of("subject", "body");

    /**
     * One language's texts; null members are left as they are. {@code emails}: the confirmation's own texts in this
     * language, {@code "confirmation.subject"} / {@code "confirmation.body"} → template.
     */
    public record Texts(String title, Map<String, FieldTexts> fields, Map<String, String> emails) {
        public Texts {
            fields = Map.copyOf(fields);
            emails = Map.copyOf(emails);
        }

        public Texts(String title, Map<String, FieldTexts> fields) {
            this(title, fields, Map.of());
        }
    }

    /** One field's texts in one language; {@code options} maps option values to labels. */
    public record FieldTexts(String label, String help, String placeholder, Map<String, String> options) {
        public FieldTexts {
            options = Map.copyOf(options);
        }
    }

    /** The definition's own language first, then the translated ones in a stable order. */
    List<String> languages(String own) {
        List<String> all = new ArrayList<>();
        all.add(original == null ? own : original);
        byLanguage.keySet().stream().sorted().filter(l -> !all.contains(l)).forEach(all::add);
        return all;
    }

    /** {@code form}'s fields and title in {@code language}; {@code form} itself when there is no such translation. */
    FormDefinition apply(FormDefinition form, String language) {
        Texts texts = byLanguage.get(language);
        if (texts == null) {
            return form;
        }
        List<Field> fields = new ArrayList<>();
        for (Field f : form.fields()) {
            FieldTexts t = texts.fields().get(f.name());
            if (t == null) {
                fields.add(f);
                continue;
            }
            Field.Builder b = f.toBuilder();
            if (t.label() != null) b.label(t.label());
            if (t.help() != null) b.help(t.help());
            if (t.placeholder() != null) b.placeholder(t.placeholder());
            if (!t.options().isEmpty()) {
                b.options(f.options().stream().map(o -> t.options().containsKey(o.value())
                        ? new FieldOption(o.value(), t.options().get(o.value())) : o).toList());
            }
            fields.add(b.build());
        }
        return new FormDefinition(form.key(), form.kind(), language, texts.title() == null ? form.title()
                : texts.title(), fields, form.thankYouUrl(), withMailTexts(form.source(), texts.emails()), form.theme(),
                form.context(), form.logic(), this);
    }

    /** The definition's JSON with the translated e-mail texts in place (read by mail.FormEmails); a copy. */
    private static JsonObject withMailTexts(JsonObject source, Map<String, String> emails) {
        if (emails.isEmpty() || source == null || !source.has("emails") || !source.get("emails").isJsonObject()) {
            return source;
        }
        JsonObject copy = source.deepCopy();
        emails.forEach((path, text) -> {
            String[] parts = path.split("\\.");
            JsonElement mail = copy.getAsJsonObject("emails").get(parts[0]);
            if (mail != null && mail.isJsonObject()) {
                mail.getAsJsonObject().addProperty(parts[1], text);
            }
        });
        return copy;
    }
}
