package org.formhaus.forms;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a definition's {@code translations} (after its fields parsed cleanly): languages Formhaus has built-in texts
 * for, other than the definition's own; texts only for fields and options that exist. Problems are named by path,
 * e.g. {@code translations.en.fields.vorname.lable: unknown key 'lable'}. Stateless.
 */
final class TranslationReader {

    private TranslationReader() {
    }

    static Translations read(ObjectReader d, String language, List<Field> fields, JsonObject source) {
        JsonElement raw = d.raw("translations");
        if (raw == null || raw.isJsonNull()) {
            return Translations.NONE;
        }
        ObjectReader all = d.object("translations");
        // the definition's own e-mail texts are read by mail.FormEmails; here only whether there is one to translate
        if (all == null) {
            d.problem("translations", "must be an object {\"en\": {\"title\": ..., \"fields\": {...}}}");
            return Translations.NONE;
        }
        Map<String, Translations.Texts> byLanguage = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> entry : raw.getAsJsonObject().entrySet()) {
            String lang = entry.getKey();
            all.has(lang);
            if (!DefinitionParser.LANGUAGES.contains(lang) || lang.equals(language)) {
                all.problem(lang, "a translation is into " + String.join(" or ", DefinitionParser.LANGUAGES.stream()
                        .filter(l -> !l.equals(language)).sorted().toList()) + ", not the form's own language");
                continue;
            }
            ObjectReader t = all.object(lang);
            if (t == null) {
                all.problem(lang, "must be an object {\"title\": ..., \"fields\": {...}}");
                continue;
            }
            String message = t.string("thankYouMessage");
            if (message != null && (message.isBlank() || message.length() > DefinitionParser.MAX_MESSAGE)) {
                t.problem("thankYouMessage", "must be 1-" + DefinitionParser.MAX_MESSAGE + " characters");
            }
            byLanguage.put(lang, new Translations.Texts(t.string("title"), fieldTexts(t, fields), mailTexts(t, d),
                    message, texts(t, source)));
            t.refuseUnread();
        }
        return new Translations(language, byLanguage);
    }

    /**
     * {@code texts}: translations of the rule texts and e-mail subjects and bodies, by the place of the text they
     * translate, which must be there: {@code {"rules[0].then[1].text": "Purchase price"}}.
     */
    private static Map<String, String> texts(ObjectReader t, JsonObject source) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonElement raw = t.raw("texts");
        if (raw == null || raw.isJsonNull()) {
            return out;
        }
        ObjectReader byPlace = t.object("texts");
        if (byPlace == null) {
            t.problem("texts", "must be an object {PLACE: TEXT}, e.g. {\"emails.confirmation.subject\": \"...\"}");
            return out;
        }
        FormDefinition own = new FormDefinition("x", FormKind.CUSTOM, "de", "x", List.of(), null, source);
        for (String place : raw.getAsJsonObject().keySet()) {
            String text = byPlace.string(place);
            if (!Translations.TEXT_PLACES.matcher(place).matches() || own.text(place) == null) {
                byPlace.problem(place, place.startsWith("emails.confirmation.") ? "the confirmation's texts are"
                        + " translated under translations." + t.path().substring(t.path().lastIndexOf('.') + 1)
                        + ".emails.confirmation" : "no text to translate there (a setLabel or setHelp rule's text, or"
                        + " the notice's or a further e-mail's subject or body the definition gives)");
            } else if (text == null || text.isBlank()) {
                byPlace.problem(place, "must be the translated text");
            } else {
                out.put(place, text);
            }
        }
        return out;
    }

    /**
     * The confirmation e-mail's own {@code subject} and {@code body} in this language ({@code "confirmation.subject"}
     * → text); only for a form whose confirmation has its own text (else the built-in one is in every language).
     */
    private static Map<String, String> mailTexts(ObjectReader t, ObjectReader definition) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonElement raw = t.raw("emails");
        if (raw == null || raw.isJsonNull()) {
            return out;
        }
        ObjectReader emails = t.object("emails");
        ObjectReader confirmation = emails == null ? null : emails.object("confirmation");
        if (confirmation == null) {
            t.problem("emails", "must be an object {\"confirmation\": {\"subject\": ..., \"body\": ...}}");
            return out;
        }
        emails.refuseUnread();
        JsonElement own = definition.raw("emails");
        JsonElement ownConfirmation = own != null && own.isJsonObject() ? own.getAsJsonObject().get("confirmation") : null;
        for (String part : Translations.MAIL_PARTS) {
            String text = confirmation.string(part);
            if (text == null || text.isBlank()) {
                continue;
            }
            if (ownConfirmation == null || !ownConfirmation.isJsonObject() || !ownConfirmation.getAsJsonObject().has(part)) {
                confirmation.problem(part, "the confirmation e-mail has no own " + part + " to translate (without one,"
                        + " the built-in text is sent in the visitor's language)");
            } else {
                out.put("confirmation." + part, text);
            }
        }
        confirmation.refuseUnread();
        return out;
    }

    private static Map<String, Translations.FieldTexts> fieldTexts(ObjectReader t, List<Field> fields) {
        Map<String, Translations.FieldTexts> out = new LinkedHashMap<>();
        JsonElement raw = t.raw("fields");
        if (raw == null || raw.isJsonNull()) {
            return out;
        }
        ObjectReader byName = t.object("fields");
        if (byName == null) {
            t.problem("fields", "must be an object {FIELD: {\"label\", \"help\", \"placeholder\", \"options\"}}");
            return out;
        }
        for (String name : raw.getAsJsonObject().keySet()) {
            byName.has(name);
            Field field = fields.stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
            ObjectReader f = byName.object(name);
            if (field == null || f == null) {
                byName.problem(name, field == null ? "no field named '" + name + "'" : "must be an object");
                continue;
            }
            Map<String, String> options = new LinkedHashMap<>();
            ObjectReader o = f.object("options");
            if (o != null) {
                for (Map.Entry<String, JsonElement> option : f.raw("options").getAsJsonObject().entrySet()) {
                    String label = o.string(option.getKey());
                    boolean known = field.hasOption(option.getKey())
                            || field.hiddenOptions().contains(option.getKey()); // a hidden option keeps its texts
                    if (!known || label == null) {
                        o.problem(option.getKey(), known ? "must be the option's label"
                                : "'" + option.getKey() + "' is not an option of '" + name + "'");
                    } else {
                        options.put(option.getKey(), label);
                    }
                }
            } else if (f.raw("options") != null) {
                f.problem("options", "must be an object {OPTION VALUE: LABEL}");
            }
            out.put(name, new Translations.FieldTexts(f.string("label"), f.string("help"), f.string("placeholder"),
                    options));
            f.refuseUnread();
        }
        return out;
    }
}
