package org.formhaus.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import org.formhaus.forms.DefinitionException.Problem;
import org.formhaus.forms.DefinitionParser;
import org.junit.jupiter.api.Test;

/** A whole-number setting of the onoffice section refuses a fraction by its path instead of cutting it off. */
class MappingOptionsWholeNumbersTest {

    @Test
    void aFractionIsRefusedNotTruncated() throws Exception {
        var form = new DefinitionParser().parse(JsonParser.parseString("""
                { "key": "k", "kind": "contact", "title": "T",
                  "onoffice": {"task": {"priority": 2.5, "deadlineDays": 3.0}},
                  "fields": [{"name": "email", "type": "email", "label": "E-Mail", "maps": "address.Email"}] }""")
                .getAsJsonObject());
        List<Problem> problems = new ArrayList<>();
        MappingOptions.parse(form, problems);
        assertEquals(List.of("onoffice.task.priority: must be a whole number from 1 to 5"),
                problems.stream().map(Object::toString).toList());
    }
}
