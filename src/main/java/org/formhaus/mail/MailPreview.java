package org.formhaus.mail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.formhaus.forms.Field;
import org.formhaus.forms.FieldOption;
import org.formhaus.forms.FormDefinition;

/**
 * The builder's e-mail preview (issue 10): each enabled mail of a form rendered with sample values by the same code
 * that sends it ({@link FormEmails}, {@link MailModel}, {@link MailTemplates}, {@link FormMailPlanner#source}), so the
 * confirmation leaves out free text as the real one does. The confirmation is shown in each of the form's languages.
 * Thread-safe; one per application.
 */
public final class MailPreview {

    /** One rendered mail: {@code to} as the definition names it ({@code visitor}, {@code responsible}, addresses). */
    public record Preview(String mail, String place, String language, List<String> to, String subject, String body,
                          String error) {
    }

    private final MailTemplates templates = new MailTemplates();

    /** The form's enabled mails with sample values; empty when it sends none or its e-mail settings are wrong. */
    public List<Preview> of(FormDefinition form) {
        List<Preview> previews = new ArrayList<>();
        List<org.formhaus.forms.DefinitionException.Problem> problems = new ArrayList<>();
        FormEmails emails = FormEmails.read(form, problems);
        if (!problems.isEmpty()) {
            return previews;
        }
        for (MailSpec spec : emails.all()) {
            if (!spec.enabled()) {
                continue;
            }
            boolean confirmation = spec.name().equals("confirmation");
            for (String language : confirmation ? form.languages() : List.of(form.language())) {
                FormDefinition shown = form.inLanguage(language);
                MailSpec inLanguage = confirmation ? FormEmails.read(shown, new ArrayList<>()).confirmation() : spec;
                previews.add(render(shown, inLanguage, language, emails.confirmation().repeatFields()));
            }
        }
        return previews;
    }

    private Preview render(FormDefinition form, MailSpec spec, String language, List<String> repeatFields) {
        Map<String, Object> values = sampleValues(form);
        boolean toVisitor = spec.name().equals("confirmation") || spec.to().contains(FormEmails.VISITOR);
        Map<String, Object> model = MailModel.withEditLinks(toVisitor
                ? MailModel.forConfirmation(form, values, repeatFields, "00000000-0000-0000-0000-000000000000",
                System.currentTimeMillis())
                : MailModel.of(form, values, "00000000-0000-0000-0000-000000000000", System.currentTimeMillis()),
                EditLinkValues.sample());
        List<String> to = spec.name().equals("confirmation") ? List.of(FormEmails.VISITOR) : spec.to();
        try {
            String subject = templates.render(spec.place() + ".subject", MailTemplates.Part.SUBJECT,
                    FormMailPlanner.source(spec.subject(), spec.name(), form, MailTemplates.Part.SUBJECT), model);
            String body = spec.templateId() != null ? null : templates.render(spec.place() + ".body",
                    MailTemplates.Part.BODY, FormMailPlanner.source(spec.body(), spec.name(), form,
                            MailTemplates.Part.BODY), model);
            return new Preview(spec.name(), spec.place(), language, to, subject, body, null);
        } catch (MailTemplates.MailTemplateException e) {
            return new Preview(spec.name(), spec.place(), language, to, null, null, e.getMessage());
        }
    }

    /** A plausible value per field: chosen options are real, free text shows the field's label in brackets. */
    static Map<String, Object> sampleValues(FormDefinition form) {
        Map<String, Object> values = new LinkedHashMap<>();
        boolean de = "de".equals(form.language());
        for (Field f : form.fields()) {
            List<String> options = f.options().stream().map(FieldOption::value).toList();
            Object v = switch (f.type()) {
                case EMAIL -> de ? "max.mustermann@example.org" : "jane.doe@example.org";
                case PHONE -> "+49 30 1234567";
                case NUMBER, CURRENCY, AREA -> "120";
                case RANGE -> List.of("100", "200");
                case DATE -> "2027-06-01";
                case SELECT, RADIO -> options.isEmpty() ? "[" + label(f) + "]" : options.get(0);
                case CHECKBOXES -> options.isEmpty() ? List.of("[" + label(f) + "]") : options.subList(0,
                        Math.min(2, options.size()));
                case CONSENT -> "yes";
                case FILE -> de ? "grundriss.pdf" : "floor-plan.pdf";
                case USERSELECT -> "mmustermann";
                default -> f.type().carriesValue() ? "[" + label(f) + "]" : null;
            };
            if (v != null) {
                values.put(f.name(), v);
            }
        }
        return values;
    }

    private static String label(Field f) {
        return f.label() == null || f.label().isBlank() ? f.name() : f.label();
    }
}
