package org.formhaus.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A readable diff between two definitions (issue 10): fields matched by name, moves said once. */
class DefinitionDiffTest {

    @Test
    void namesEachChangedSettingByItsPath() {
        List<DefinitionDiff.Change> changes = DefinitionDiff.between(json("""
                {"title": "Alt", "theme": {"accent": "#000"}, "fields": [{"name": "a", "type": "text", "label": "A"}]}"""),
                json("""
                {"title": "Neu", "theme": {"accent": "#000", "radius": "4px"},
                 "fields": [{"name": "a", "type": "text", "label": "A2", "required": true}]}"""));
        assertEquals("[changed title, added theme.radius, changed fields[a].label, added fields[a].required]",
                changes.toString());
        assertEquals("\"Alt\"", changes.get(0).before().toString());
        assertEquals("\"Neu\"", changes.get(0).after().toString());
    }

    @Test
    void aMovedFieldIsOneMoveNotAChangeToEveryField() {
        List<DefinitionDiff.Change> changes = DefinitionDiff.between(
                json("{\"fields\": [{\"name\": \"a\"}, {\"name\": \"b\"}, {\"name\": \"c\"}]}"),
                json("{\"fields\": [{\"name\": \"c\"}, {\"name\": \"a\"}, {\"name\": \"b\"}, {\"name\": \"d\"}]}"));
        assertEquals("[added fields[d], moved fields]", changes.toString());
        assertEquals("[\"c\",\"a\",\"b\"]", changes.get(1).after().toString());
    }

    @Test
    void identicalDefinitionsHaveNoChanges() {
        String same = "{\"title\": \"T\", \"fields\": [{\"name\": \"a\", \"options\": [\"x\", \"y\"]}]}";
        assertEquals(List.of(), DefinitionDiff.between(json(same), json(same)));
    }

    @Test
    void listsWithoutNamesAreComparedWhole() {
        assertEquals("[changed fields[a].options]", DefinitionDiff.between(
                json("{\"fields\": [{\"name\": \"a\", \"options\": [\"x\", \"y\"]}]}"),
                json("{\"fields\": [{\"name\": \"a\", \"options\": [\"y\", \"x\"]}]}")).toString());
    }

    private static JsonObject json(String text) {
        return JsonParser.parseString(text).getAsJsonObject();
    }
}
