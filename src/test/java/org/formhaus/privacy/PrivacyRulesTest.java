package org.formhaus.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.time.Duration;
import org.formhaus.forms.DefinitionException;
import org.formhaus.forms.DefinitionParser;
import org.formhaus.forms.FormDefinition;
import org.formhaus.forms.PrivacyRules;
import org.junit.jupiter.api.Test;

class PrivacyRulesTest {

    private static FormDefinition parse(String kind, String privacy) throws DefinitionException {
        return new DefinitionParser().parse(JsonParser.parseString("""
                {"key": "k", "kind": "%s", "fields": [
                  {"name": "email", "type": "email", "label": "E-Mail", "required": true, "maps": "address.Email"}]
                 %s}""".formatted(kind, privacy)).getAsJsonObject());
    }

    @Test
    void withoutASectionAFormKeepsTheInstanceRules() throws Exception {
        PrivacyRules rules = PrivacyRules.of(parse("contact", ""));
        assertFalse(rules.eraseAfterDelivery());
        assertTrue(rules.retention().isEmpty());
    }

    @Test
    void privacyModeAndAnOwnRetentionAreRead() throws Exception {
        PrivacyRules rules = PrivacyRules.of(parse("contact",
                ", \"privacy\": {\"eraseAfterDelivery\": true, \"retentionDays\": 30}"));
        assertTrue(rules.eraseAfterDelivery());
        assertEquals(Duration.ofDays(30), rules.retention().orElseThrow());
    }

    @Test
    void unknownKeysBadDaysAndANewsletterInPrivacyModeAreRefusedByName() {
        assertTrue(assertThrows(DefinitionException.class, () -> parse("contact", ", \"privacy\": {\"days\": 3}"))
                .getMessage().contains("privacy.days: unknown key 'days'"));
        assertTrue(assertThrows(DefinitionException.class, () -> parse("contact",
                ", \"privacy\": {\"retentionDays\": 4000}")).getMessage().contains("privacy.retentionDays"));
        assertTrue(assertThrows(DefinitionException.class, () -> parse("contact", ", \"privacy\": true"))
                .getMessage().contains("privacy: must be an object"));
        assertTrue(assertThrows(DefinitionException.class, () -> parse("newsletter",
                ", \"privacy\": {\"eraseAfterDelivery\": true}")).getMessage()
                .contains("privacy.eraseAfterDelivery"));
    }
}
