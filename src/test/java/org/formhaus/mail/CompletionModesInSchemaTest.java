package org.formhaus.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.formhaus.forms.DefinitionSchema;
import org.junit.jupiter.api.Test;

/** The builder offers exactly the address-completion modes the e-mail settings accept, as a choice. */
class CompletionModesInSchemaTest {

    @Test
    void theBuilderOffersTheAcceptedModes() {
        var setting = DefinitionSchema.find("emails.addressCompletion").orElseThrow();
        assertEquals(DefinitionSchema.Kind.CHOICE, setting.kind());
        assertEquals(FormEmails.COMPLETION_MODES, setting.choices());
    }
}
