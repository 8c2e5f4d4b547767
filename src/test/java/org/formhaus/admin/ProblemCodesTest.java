package org.formhaus.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.formhaus.forms.DefinitionException;
import org.formhaus.forms.DefinitionParser;
import org.junit.jupiter.api.Test;

/** The definition check's problems carry codes whose German and English texts the builder shows (issue 10). */
class ProblemCodesTest {

    /** A field panel's worth of mistakes, each a sentence the builder must show in the admin's language. */
    private static final String BAD = """
            {"key": "k", "kind": "contact", "language": "de", "title": "T", "colour": "red", "fields": [
              {"name": "1x", "type": "text", "maxLength": 900, "minLength": 5, "pattern": "(", "width": "third"},
              {"name": "art", "type": "select", "options": ["a", "a"], "hiddenOptions": ["z"]},
              {"name": "wahl", "type": "radio"},
              {"name": "t", "type": "texte"},
              {"name": "h", "type": "heading", "label": "H", "required": true, "maps": "address.Name"},
              {"name": "d", "type": "date", "minDate": "2027-01-02", "maxDate": "2027-01-01"},
              {"name": "c", "type": "text", "showIf": {"field": "nope", "equals": "x"}},
              {"name": "e", "type": "email", "maps": "adresse.Email"},
              {"name": "d", "type": "text", "lable": "x"}]}""";

    private static List<DefinitionException.Problem> problems(String json) {
        try {
            new DefinitionParser().parse(JsonParser.parseString(json).getAsJsonObject());
            return List.of();
        } catch (DefinitionException e) {
            return e.problems();
        }
    }

    @Test
    void everyProblemOfABadFieldPanelHasACode() {
        List<DefinitionException.Problem> problems = problems(BAD);
        assertTrue(problems.size() >= 12, problems.toString());
        for (DefinitionException.Problem p : problems) {
            assertTrue(ProblemCodes.read(p.message()).isPresent(), "no code for " + p);
        }
    }

    @Test
    void theApiKeepsItsEnglishMessageAndAddsCodeAndParams() {
        JsonObject json = ProblemCodes.json(new DefinitionException.Problem("fields[0].lable", "unknown key 'lable'"));
        assertEquals("unknown key 'lable'", json.get("message").getAsString());
        assertEquals("unknownKey", json.get("code").getAsString());
        assertEquals("[\"lable\"]", json.get("params").toString());
        JsonObject unknown = ProblemCodes.json(new DefinitionException.Problem("x", "something new"));
        assertFalse(unknown.has("code"), "an unknown sentence stays English only");
        assertEquals(List.of("address", "Emial", "Email"), ProblemCodes.read(
                "onOffice has no address field 'Emial'; did you mean 'Email'?").orElseThrow().params());
    }

    @Test
    void eachCodeHasAGermanAndAnEnglishTextWithItsParts() throws Exception {
        Set<String> codes = new TreeSet<>();
        for (ProblemCodes.Sentence s : ProblemCodes.sentences()) {
            assertTrue(codes.add(s.code()), "code twice: " + s.code());
        }
        for (String language : List.of("de", "en")) {
            Properties texts = new Properties();
            try (var in = getClass().getResourceAsStream("/i18n/admin_" + language + ".properties")) {
                texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            Set<String> written = new TreeSet<>();
            texts.stringPropertyNames().stream().filter(k -> k.startsWith("problem."))
                    .forEach(k -> written.add(k.substring(8)));
            assertEquals(codes, written, "admin_" + language + ": problem.* texts");
            for (ProblemCodes.Sentence s : ProblemCodes.sentences()) {
                int parts = s.pattern().matcher("").groupCount();
                Matcher m = Pattern.compile("\\{(\\d+)}").matcher(texts.getProperty("problem." + s.code()));
                while (m.find()) {
                    assertTrue(Integer.parseInt(m.group(1)) < parts, language + " problem." + s.code()
                            + " uses {" + m.group(1) + "} of " + parts + " parts");
                }
            }
        }
    }
}
