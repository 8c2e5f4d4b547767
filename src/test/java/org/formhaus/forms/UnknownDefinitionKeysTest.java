package org.formhaus.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue #15, "No silent settings": a definition being saved with a key Formhaus does not know is refused, naming the
 * key and its path, at every level; one stored before that still loads.
 */
class UnknownDefinitionKeysTest {

    static final String WITH_UNKNOWN_KEYS = """
            { "key": "geheim", "kind": "contact", "password": "s3cret", "expires": "2026-12-31", "maxSubmissions": 10,
              "onoffice": {"colour": "red", "task": {"usr": "mmakler"}},
              "emails": {"confirmation": {"enabled": true, "to": ["x@example.org"]}, "notice": {"to": ["t@example.org"], "colour": []}},
              "fields": [
                {"name": "email", "type": "email", "maps": "address.Email", "password": "x"},
                {"name": "art", "type": "radio", "options": [{"value": "kauf", "label": "Kauf", "colour": "red"}],
                 "showIf": {"field": "email", "filled": true, "not": true}} ] }""";

    private final DefinitionParser parser = new DefinitionParser();

    static JsonObject json(String s) {
        return JsonParser.parseString(s).getAsJsonObject();
    }

    @Test
    void everyUnknownKeyIsRefusedWithItsPath() {
        DefinitionException e = assertThrows(DefinitionException.class, () -> parser.parse(json(WITH_UNKNOWN_KEYS)));
        assertEquals(List.of(
                "fields[0].password: unknown key 'password'",
                "fields[1].options[0].colour: unknown key 'colour'",
                "fields[1].showIf.not: unknown key 'not'",
                "onoffice.task.usr: unknown key 'usr'",
                "onoffice.colour: unknown key 'colour'",
                "emails.confirmation.to: unknown key 'to'",
                "emails.notice.colour: unknown key 'colour'",
                "expires: unknown key 'expires'",
                "maxSubmissions: unknown key 'maxSubmissions'",
                "password: unknown key 'password'"), e.problems().stream().map(Object::toString).toList());
    }

    @Test
    void aDefinitionStoredBeforeItsKeysWereRefusedStillLoads() throws Exception {
        FormDefinition form = parser.parseStored(json(WITH_UNKNOWN_KEYS));
        assertEquals("geheim", form.key());
        assertEquals(2, form.fields().size());
    }

    @Test
    void theOtherPackagesSectionsMustHaveTheirShape() {
        DefinitionException e = assertThrows(DefinitionException.class, () -> parser.parse(json("""
                { "key": "k", "kind": "contact", "onoffice": {"activity": "yes", "appointment": true}, "emails": "on",
                  "fields": [{"name": "email", "type": "email"}] }""")));
        assertEquals(List.of("onoffice.activity: must be true, false or an object",
                "onoffice.appointment: must be an object", "emails: must be an object"),
                e.problems().stream().map(Object::toString).toList());
    }

    @Test
    void onlyOneShowIfTestIsTaken() {
        DefinitionException e = assertThrows(DefinitionException.class, () -> parser.parse(json("""
                { "key": "k", "kind": "contact", "fields": [{"name": "email", "type": "email"},
                  {"name": "t", "type": "text", "showIf": {"field": "email", "equals": "a", "in": ["b"]}}] }""")));
        assertEquals("fields[1].showIf: give only one of 'equals', 'in' and 'filled'", e.problems().get(0).toString());
    }

    /** The README's {@code "onoffice"} and {@code "emails"} examples name every key the readers know: all accepted. */
    @Test
    void everyKeyTheReadmeShowsIsAccepted() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        Matcher block = Pattern.compile("```json\\n(\"(?:onoffice|emails)\": \\{.*?)\\n```", Pattern.DOTALL).matcher(readme);
        List<String> sections = new ArrayList<>();
        while (block.find()) {
            sections.add(block.group(1));
        }
        assertEquals(2, sections.size(), "the README shows both sections");
        FormDefinition form = parser.parse(json("{\"key\": \"k\", \"kind\": \"owner\", " + String.join(", ", sections)
                + ", \"fields\": [{\"name\": \"vorname\", \"type\": \"text\"}, {\"name\": \"email\", \"type\": \"email\"}]}"));
        assertTrue(form.source().getAsJsonObject("onoffice").has("appointment"));
    }
}
