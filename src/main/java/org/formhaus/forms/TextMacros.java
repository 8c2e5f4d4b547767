package org.formhaus.forms;

import java.util.function.Function;

/**
 * {@link Macros} in a definition's visible texts: the title, and each field's label (headings, paragraphs and step
 * titles included), help, placeholder and default. The copies it makes hold plain text: the page template escapes
 * every value as HTML text or attribute, so a value carrying markup ({@code <script>}, {@code "><img ...>}) is shown
 * as it was typed. A {@code default} is filled before the visitor types anything, so only the page context's and a
 * loaded record's macros belong there (the parser refuses field names in it). Stateless.
 */
public final class TextMacros {

    private TextMacros() {
    }

    /** Whether any visible text or default of {@code form} holds a macro (its page then differs per request). */
    public static boolean present(FormDefinition form) {
        if (Macros.present(form.title())) {
            return true;
        }
        for (Field f : form.fields()) {
            if (Macros.present(f.label()) || Macros.present(f.help()) || Macros.present(f.placeholder())
                    || Macros.present(f.defaultValue())) {
                return true;
            }
        }
        return false;
    }

    /** Whether a field's label or help names another field: its text follows the visitor's entries in the browser. */
    public static boolean live(String text) {
        return Macros.names(text).stream().anyMatch(name -> !Macros.fixed(name));
    }

    /** {@code form} with the macros of its title, labels, help texts and placeholders filled in as plain text. */
    public static FormDefinition texts(FormDefinition form, Function<String, String> valueOf) {
        if (!present(form)) {
            return form;
        }
        FormDefinition filled = form.withFields(f -> {
            if (!Macros.present(f.label()) && !Macros.present(f.help()) && !Macros.present(f.placeholder())) {
                return f;
            }
            return f.toBuilder().label(Macros.text(f.label(), valueOf)).help(Macros.text(f.help(), valueOf))
                    .placeholder(Macros.text(f.placeholder(), valueOf)).build();
        });
        return !Macros.present(form.title()) ? filled : new FormDefinition(filled.key(), filled.kind(),
                filled.language(), Macros.text(form.title(), valueOf), filled.fields(), filled.thankYouUrl(),
                filled.source(), filled.theme(), filled.context(), filled.logic(), filled.translations());
    }

    /**
     * {@code form} with the macros of its defaults filled in from the page context and the loaded record
     * ({@code fixed}): what the page starts with and what a hidden or locked field stores.
     */
    public static FormDefinition defaults(FormDefinition form, Function<String, String> fixed) {
        boolean any = form.fields().stream().anyMatch(f -> Macros.present(f.defaultValue()));
        if (!any) {
            return form;
        }
        Function<String, String> only = name -> Macros.fixed(name) ? fixed.apply(name) : "";
        return form.withFields(f -> Macros.present(f.defaultValue())
                ? f.toBuilder().defaultValue(Macros.text(f.defaultValue(), only)).build() : f);
    }
}
