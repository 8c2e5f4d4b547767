package org.formhaus.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.formhaus.forms.DefinitionException.Problem;
import org.formhaus.forms.FormDefinition;

/**
 * Checks a form's {@code emails} section when the admin saves it: the structure, and that every template parses and
 * renders with the form's fields (so {@code ${values.telefon}} for a field the form does not have is refused at
 * once, not when the first visitor submits). Each problem names its place, e.g. {@code emails.notice.body}.
 * Thread-safe; one per application.
 */
public final class MailTemplateCheck {

    private final MailTemplates templates;
    /** Whether a form key names an edit form of the account whose form is being saved (see {@link #problems}). */
    private final java.util.function.Predicate<String> editForms;

    public MailTemplateCheck() {
        this(new MailTemplates(), key -> true);
    }

    private MailTemplateCheck(MailTemplates templates, java.util.function.Predicate<String> editForms) {
        this.templates = templates;
        this.editForms = editForms;
    }

    public List<Problem> problems(FormDefinition form) {
        return problems(form, key -> true);
    }

    /**
     * As {@link #problems(FormDefinition)}, refusing too an {@code ${editLinks["key"]}} whose key names no edit form
     * of the account ({@code editForm} says which keys do): a link the e-mail could never fill.
     */
    public List<Problem> problems(FormDefinition form, java.util.function.Predicate<String> editForm) {
        return new MailTemplateCheck(templates, editForm).check(form); // shares the compiled templates
    }

    private List<Problem> check(FormDefinition form) {
        List<Problem> problems = new ArrayList<>();
        FormEmails emails = FormEmails.read(form, problems);
        Map<String, Object> sample = MailModel.sample(form);
        for (MailSpec spec : emails.all()) {
            check(spec, spec.subject(), MailTemplates.Part.SUBJECT, "subject", sample, problems);
            check(spec, spec.body(), MailTemplates.Part.BODY, "body", sample, problems);
            // the notice's and further mails' own texts in further languages (translations.en.texts.emails.notice.subject)
            for (String language : spec.name().equals("confirmation") ? List.<String>of()
                    : form.languages().subList(1, form.languages().size())) {
                FormDefinition translated = form.inLanguage(language);
                for (String key : List.of("subject", "body")) {
                    String place = spec.place() + "." + key;
                    String text = translated.text(place);
                    if (text != null && !text.equals(form.text(place))) {
                        check(spec, text, key.equals("subject") ? MailTemplates.Part.SUBJECT : MailTemplates.Part.BODY,
                                sample, problems, "translations." + language + ".texts." + place);
                    }
                }
            }
        }
        // the confirmation's texts in further languages (translations.en.emails.confirmation.subject, ...)
        for (String language : form.languages()) {
            FormDefinition translated = form.inLanguage(language);
            if (language.equals(form.language()) || translated.source() == form.source()) {
                continue;
            }
            MailSpec confirmation = FormEmails.read(translated, new ArrayList<>()).confirmation();
            String prefix = "translations." + language + ".";
            Map<String, Object> translatedSample = MailModel.sample(translated);
            check(prefix, confirmation, confirmation.subject(), MailTemplates.Part.SUBJECT, "subject", translatedSample,
                    problems);
            check(prefix, confirmation, confirmation.body(), MailTemplates.Part.BODY, "body", translatedSample, problems);
        }
        return problems;
    }

    private void check(MailSpec mail, String source, MailTemplates.Part part, String key, Map<String, Object> sample,
                       List<Problem> problems) {
        check("", mail, source, part, key, sample, problems);
    }

    private void check(String prefix, MailSpec mail, String source, MailTemplates.Part part, String key,
                       Map<String, Object> sample, List<Problem> problems) {
        if (source == null) {
            return; // the built-in default, tested with the build
        }
        check(mail, source, part, sample, problems, prefix + mail.place() + "." + key);
    }

    private void check(MailSpec mail, String source, MailTemplates.Part part, Map<String, Object> sample,
                       List<Problem> problems, String place) {
        java.util.Set<String> asked = new java.util.TreeSet<>();
        try {
            templates.render(place, part, source, MailModel.withEditLinks(sample, EditLinkValues.sample(asked::add)));
        } catch (MailTemplates.MailTemplateException e) {
            problems.add(new Problem(place, e.getMessage().startsWith(place + " ")
                    ? e.getMessage().substring(place.length() + 1) : e.getMessage()));
        }
        for (String form : asked) {
            if (!editForms.test(form)) {
                problems.add(new Problem(place, "editLinks['" + form + "'] names no edit form of this account (a form "
                        + "with an \"edit\" section); save that form first"));
            }
        }
    }
}
