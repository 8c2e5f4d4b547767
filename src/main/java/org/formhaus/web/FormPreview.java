package org.formhaus.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.formhaus.forms.FormDefinition;
import org.formhaus.http.ResponseHardening;
import org.formhaus.options.FormOptions;
import org.formhaus.render.Templates;
import org.formhaus.storage.StoredForm;

/**
 * The form builder's live preview: a definition that is not published (a draft) rendered by the same code as the
 * public form page, with the account's onOffice options filled in. The page may be framed only by the admin UI itself
 * and its form posts nowhere (form.js sees {@code data-preview} and only checks). Thread-safe; one per application.
 */
public final class FormPreview {

    private final FormPage page;
    private final FormOptions options;

    public FormPreview(Templates templates, FormOptions options) {
        this.page = new FormPage(templates);
        this.options = options;
    }

    /** {@code language}: one of the draft's languages to show it in (its texts in that language), else null. */
    public void render(HttpServletResponse response, long accountId, FormDefinition draft, String contextPath,
                       String language) throws IOException {
        FormDefinition definition = options.resolve(new StoredForm(accountId, 0, draft));
        if (language != null && definition.languages().contains(language)) {
            definition = definition.inLanguage(language);
        }
        response.setHeader("Content-Security-Policy", "frame-ancestors 'self'");
        response.addHeader("Content-Security-Policy", ResponseHardening.SCRIPTS);
        response.setHeader("X-Frame-Options", "SAMEORIGIN");
        // prefilled = true: never from (or into) the public page cache, which is keyed by the form's key.
        page.render(response, 200, new FormPage.Request(definition, Prefill.values(definition, Map.of()), Map.of(),
                "preview", Map.of(), "#preview", contextPath, true));
    }
}
