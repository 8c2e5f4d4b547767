package org.formhaus.forms;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * "No silent settings" for the sections added with #11 and #12: an unknown key inside each of them is refused naming
 * its JSON path.
 */
class SessionSectionsUnknownKeysTest {

    private static List<String> problems(String json) {
        DefinitionException e = assertThrows(DefinitionException.class,
                () -> new DefinitionParser().parse(JsonParser.parseString(json).getAsJsonObject()));
        return e.problems().stream().map(Object::toString).toList();
    }

    @Test
    void unknownKeysInTheNewSectionsAreRefusedByPath() {
        List<String> problems = problems("""
                { "key": "k", "kind": "appointment", "title": "T",
                  "onoffice": {"duplicates": {"match": "email", "colour": 1},
                               "routing": {"rule": "postcode", "postcodes": [{"prefix": "10", "user": "mmakler",
                                           "colour": 1}], "colour": 1},
                               "appointment": {"user": "mmakler", "slots": {"count": 3, "colour": 1}},
                               "writeValues": [{"from": "email", "to": "address.Sonstige1", "colour": 1}],
                               "liveRules": [{"field": "von", "compare": "greater", "record": "estate.kaufpreis",
                                              "colour": 1}]},
                  "edit": {"module": "address", "colour": 1},
                  "rules": [{"when": {"field": "email", "filled": true}, "then": [], "colour": 1}],
                  "context": ["page", "referrer"],
                  "contextMaps": [{"from": "referrer", "maps": "address.Sonstiges1", "colour": 1,
                                   "values": [{"when": "x", "key": "y", "colour": 1}]}],
                  "emails": {"more": [{"to": ["a@example.org"], "subject": "S", "colour": 1}]},
                  "fields": [{"name": "email", "type": "email", "label": "E-Mail", "maps": "address.Email"},
                             {"name": "von", "type": "number", "label": "Von"},
                             {"name": "termin", "type": "datetime", "label": "Termin", "maps": "calendar.start_dt",
                              "width": "half"}] }""");
        for (String path : List.of("onoffice.duplicates.colour", "onoffice.routing.colour",
                "onoffice.routing.postcodes[0].colour", "onoffice.appointment.slots.colour",
                "onoffice.writeValues[0].colour", "onoffice.liveRules[0].colour", "edit.colour",
                "emails.more[0].colour", "rules[0].colour", "contextMaps[0].colour",
                "contextMaps[0].values[0].colour")) {
            assertTrue(problems.contains(path + ": unknown key 'colour'"), path + " in " + problems);
        }
    }

    /** Translations are read once the fields parsed cleanly (they name fields), so alone here. */
    @Test
    void anUnknownKeyInATranslationIsRefusedByPath() {
        assertTrue(problems("""
                { "key": "k", "kind": "contact", "title": "T", "translations": {"en": {"title": "T", "colour": 1}},
                  "fields": [{"name": "email", "type": "email", "label": "E-Mail", "maps": "address.Email"}] }""")
                .contains("translations.en.colour: unknown key 'colour'"));
    }
}
