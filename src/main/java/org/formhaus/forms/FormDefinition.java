package org.formhaus.forms;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A form as the admin defined it, at one version. Immutable and safe to share. {@code source} is the JSON it was
 * parsed from, kept so that unknown extension keys survive a round trip. {@code theme} maps CSS custom property
 * names (without {@code --fh-}) to values that the parser checked; {@code context} names what page context
 * ({@code page}, {@code utm}, {@code referrer}) a submission keeps; {@code logic} holds its rules (the definition's
 * {@code rules} and every field's {@code showIf}), evaluated alike by server and browser; {@code translations} its
 * texts in further languages ({@link #inLanguage}).
 */
public record FormDefinition(String key, FormKind kind, String language, String title, List<Field> fields,
                             String thankYouUrl, JsonObject source, Map<String, String> theme, List<String> context,
                             FormLogic logic, Translations translations) {

    /** What a definition keeps of the embedding page when it says nothing. */
    public static final List<String> DEFAULT_CONTEXT = List.of("page", "utm");

    public FormDefinition {
        fields = List.copyOf(fields);
        theme = theme == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(theme));
        context = context == null ? DEFAULT_CONTEXT : List.copyOf(context);
        logic = logic == null ? FormLogic.NONE : logic;
        translations = translations == null ? Translations.NONE : translations;
    }

    /** Without translations. */
    public FormDefinition(String key, FormKind kind, String language, String title, List<Field> fields,
                          String thankYouUrl, JsonObject source, Map<String, String> theme, List<String> context,
                          FormLogic logic) {
        this(key, kind, language, title, fields, thankYouUrl, source, theme, context, logic, Translations.NONE);
    }

    /** The languages a visitor may choose: the definition's own first, then those of its {@code translations}. */
    public List<String> languages() {
        return translations.languages(language);
    }

    /**
     * This form in {@code language}: its title and field texts from the translation, its {@code language} (which picks
     * the built-in texts and messages) changed; this form when {@code language} is its own or not one it has.
     */
    public FormDefinition inLanguage(String language) {
        return language == null || language.equals(this.language) ? this : translations.apply(this, language);
    }

    /**
     * A text of the definition by its place ({@code thankYouMessage}, {@code rules[0].then[1].text},
     * {@code emails.notice.subject}) in this copy's language: the translation's when it gives one, else the
     * definition's own; null when neither has it.
     */
    public String text(String place) {
        String translated = translations.text(language, place);
        if (translated != null) {
            return translated;
        }
        com.google.gson.JsonElement e = source;
        for (String part : place.split("\\.")) {
            int bracket = part.indexOf('[');
            String name = bracket < 0 ? part : part.substring(0, bracket);
            e = e != null && e.isJsonObject() ? e.getAsJsonObject().get(name) : null;
            if (bracket >= 0) {
                int index = Integer.parseInt(part.substring(bracket + 1, part.length() - 1));
                e = e != null && e.isJsonArray() && index < e.getAsJsonArray().size() ? e.getAsJsonArray().get(index)
                        : null;
            }
        }
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString() ? e.getAsString() : null;
    }

    /** Without rules ({@link FormLogic#NONE}). */
    public FormDefinition(String key, FormKind kind, String language, String title, List<Field> fields,
                          String thankYouUrl, JsonObject source, Map<String, String> theme, List<String> context) {
        this(key, kind, language, title, fields, thankYouUrl, source, theme, context, FormLogic.NONE);
    }

    /** The contract's original shape: no theme, default context. */
    public FormDefinition(String key, FormKind kind, String language, String title, List<Field> fields,
                          String thankYouUrl, JsonObject source) {
        this(key, kind, language, title, fields, thankYouUrl, source, Map.of(), DEFAULT_CONTEXT);
    }

    public Optional<Field> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** The steps of a multi-step form: fields split at {@code break} fields; one step when there is none. */
    public List<Step> steps() {
        List<Step> steps = new ArrayList<>();
        String title = null;
        List<Field> current = new ArrayList<>();
        for (Field f : fields) {
            if (f.type() == FieldType.BREAK) {
                if (!current.isEmpty() || title != null) {
                    steps.add(new Step(title, current));
                }
                title = f.label();
                current = new ArrayList<>();
            } else {
                current.add(f);
            }
        }
        steps.add(new Step(title, current));
        return steps;
    }

    /** A copy whose fields are replaced by {@code change} (e.g. with dynamic options resolved). */
    public FormDefinition withFields(UnaryOperator<Field> change) {
        return new FormDefinition(key, kind, language, title, fields.stream().map(change).toList(), thankYouUrl,
                source, theme, context, logic, translations);
    }

    /** A copy with other {@code translations} (e.g. with the labels of options from onOffice added). */
    public FormDefinition withTranslations(Translations translations) {
        return new FormDefinition(key, kind, language, title, fields, thankYouUrl, source, theme, context, logic,
                translations);
    }

    public boolean hasDynamicOptions() {
        return fields.stream().anyMatch(Field::dynamicOptions);
    }

    /** One step of a form; {@code title} is null when the definition gives none. */
    public record Step(String title, List<Field> fields) {
        public Step {
            fields = List.copyOf(fields);
        }
    }
}
