package org.formhaus.mail;

import java.util.ArrayList;
import org.formhaus.forms.FormDefinition;

/**
 * What a form's {@code emails} section uses in onOffice besides sending, for the rights a form needs: an onOffice
 * e-mail template ({@code templateid}) needs the right "Email templates" (onOffice refuses it with 191 "No read
 * access to email template"). Stateless.
 */
public final class FormMailUse {

    private FormMailUse() {
    }

    /** Whether an enabled mail of the form is written from an onOffice e-mail template. */
    public static boolean emailTemplates(FormDefinition form) {
        return FormEmails.read(form, new ArrayList<>()).all().stream()
                .anyMatch(m -> m.enabled() && m.templateId() != null);
    }
}
