package org.formhaus.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import org.formhaus.forms.DefinitionException.Problem;
import org.formhaus.forms.DefinitionParser;
import org.junit.jupiter.api.Test;

/**
 * An edit form's submission is one MODIFY of its link's record: onoffice options that create or route records
 * (duplicates, routing, activity, task, an appointment's user, type or slots) would be skipped without a word, so
 * they are refused at save by name; an appointment's duration still ends a moved appointment.
 */
class EditFormOnOfficeOptionsTest {

    @Test
    void optionsAnEditFormWouldSkipAreRefused() throws Exception {
        var form = new DefinitionParser().parse(JsonParser.parseString("""
                { "key": "k", "kind": "contact", "title": "T", "edit": {"module": "address"},
                  "onoffice": {"duplicates": {"match": "phone"}, "routing": {"rule": "fixed", "user": "mmakler"},
                               "activity": {"actiontype": "Eingang"}, "task": {"priority": 2},
                               "appointment": {"durationMinutes": 30, "user": "mmakler"}},
                  "fields": [{"name": "plz", "type": "text", "label": "PLZ", "maps": "address.Plz"}] }""")
                .getAsJsonObject());
        List<Problem> problems = new ArrayList<>();
        RecordLinks.parse(form, problems);
        assertEquals(List.of("onoffice.duplicates: an edit form only modifies the record of its link",
                "onoffice.routing: an edit form only modifies the record of its link",
                "onoffice.activity: an edit form only modifies the record of its link",
                "onoffice.task: an edit form only modifies the record of its link",
                "onoffice.appointment.user: an edit form only modifies the record of its link"),
                problems.stream().map(Object::toString).toList());
    }
}
