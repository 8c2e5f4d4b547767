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
     * language, {@code "confirmation.subject"} / {@code "confirmation.body"} → template; {@code thankYouMessage}: the
     * thank-you page's text; {@code texts}: further texts by their place in the definition
     * ({@code rules[0].then[1].text}, {@code emails.notice.subject}, {@code emails.more[0].body}).
     */
    public record Texts(String title, Map<String, FieldTexts> fields, Map<String, String> emails,
                        String thankYouMessage, Map<String, String> texts) {
        public Texts {
            fields = Map.copyOf(fields);
            emails = emails == null ? Map.of() : Map.copyOf(emails);
            texts = texts == null ? Map.of() : Map.copyOf(texts);
        }

        public Texts(String title, Map<String, FieldTexts> fields, Map<String, String> emails) {
            this(title, fields, emails, null, Map.of());
        }

        public Texts(String title, Map<String, FieldTexts> fields) {
            this(title, fields, Map.of(), null, Map.of());
        }
    }

    /** The translatable texts besides titles and fields, by place: rule texts and e-mail subjects and bodies. */
    static final java.util.regex.Pattern TEXT_PLACES = java.util.regex.Pattern.compile(
            "rules\\[\\d+]\\.then\\[\\d+]\\.text|emails\\.(notice|more\\[\\d+])\\.(subject|body)");

    /**
     * The text at {@code place} in {@code language}: the translation's when it gives one, else null (the
     * definition's own text then stands).
     */
    String text(String language, String place) {
        Texts texts = byLanguage.get(language);
        if (texts == null || (original != null && original.equals(language))) {
            return null;
        }
        return place.equals("thankYouMessage") ? texts.thankYouMessage() : texts.texts().get(place);
    }

    /** One field's texts in one language; {@code options} maps option values to labels. */
    public record FieldTexts(String label, String help, String placeholder, Map<String, String> options) {
        public FieldTexts {
            options = Map.copyOf(options);
        }
    }

    /** How many rules the definition itself lists (the logic puts each field's showIf rule before them). */
    private static int ruleCount(FormDefinition form) {
        com.google.gson.JsonElement rules = form.source() == null ? null : form.source().get("rules");
        return rules != null && rules.isJsonArray() ? rules.getAsJsonArray().size() : 0;
    }

    /**
     * These translations with {@code labels} (option value → label) for {@code field}'s options in {@code language}
     * added where the translation gives none: the labels of options from onOffice in a further language of the form.
     * This when the form has no such language.
     */
    public Translations withOptionLabels(String language, String field, Map<String, String> labels) {
        Texts texts = byLanguage.get(language);
        if (texts == null || labels.isEmpty()) {
            return this;
        }
        Map<String, FieldTexts> fields = new java.util.LinkedHashMap<>(texts.fields());
        FieldTexts own = fields.get(field);
        Map<String, String> options = new java.util.LinkedHashMap<>(labels);
        if (own != null) {
            options.putAll(own.options()); // the admin's own words win
        }
        fields.put(field, own == null ? new FieldTexts(null, null, null, options)
                : new FieldTexts(own.label(), own.help(), own.placeholder(), options));
        Map<String, Texts> all = new java.util.LinkedHashMap<>(byLanguage);
        all.put(language, new Texts(texts.title(), fields, texts.emails(), texts.thankYouMessage(), texts.texts()));
        return new Translations(original, all);
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
                form.context(), form.logic().withTexts(texts.texts(), ruleCount(form)), this);
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
