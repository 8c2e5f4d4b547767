package org.formhaus.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.formhaus.forms.FormDefinition;

/**
 * The visitor's language of a form in several languages ({@code translations}): the {@code lang} query parameter
 * (the form's language switch sets it), else the form page's hidden {@code _fh_lang} (a submission comes in the
 * language its page was shown in), else the browser's {@code Accept-Language}, else the definition's own language;
 * only a language the form has counts. It picks the texts ({@link FormDefinition#inLanguage}), hence the validation
 * messages and the confirmation e-mail, and the submission records it. Localised definitions are kept per form and
 * language while the definition object stays the same, so the rendered page cache keeps working. Thread-safe.
 */
final class VisitorLanguage {

    static final String PARAM = "lang";
    static final String FIELD = "_fh_lang";

    private record Localized(FormDefinition base, FormDefinition localized) {
    }

    private final Map<String, Localized> cache = new ConcurrentHashMap<>();

    /** {@code definition} in the visitor's language; {@code submitted} is the form's hidden {@code _fh_lang} or null. */
    FormDefinition of(FormDefinition definition, HttpServletRequest request, List<String> asked, String submitted) {
        List<String> languages = definition.languages();
        if (languages.size() < 2) {
            return definition;
        }
        String language = choose(languages, asked, submitted, request);
        if (language.equals(definition.language())) {
            return definition;
        }
        String key = definition.key() + ":" + language;
        Localized known = cache.get(key);
        if (known != null && known.base() == definition) {
            return known.localized();
        }
        FormDefinition localized = definition.inLanguage(language);
        cache.put(key, new Localized(definition, localized));
        return localized;
    }

    private static String choose(List<String> languages, List<String> asked, String submitted,
                                 HttpServletRequest request) {
        for (String candidate : asked == null ? List.<String>of() : asked) {
            if (languages.contains(candidate)) {
                return candidate;
            }
        }
        if (submitted != null && languages.contains(submitted)) {
            return submitted;
        }
        if (request.getHeader("Accept-Language") != null) {
            for (Locale locale : Collections.list(request.getLocales())) {
                if (languages.contains(locale.getLanguage())) {
                    return locale.getLanguage();
                }
            }
        }
        return languages.get(0);
    }
}
