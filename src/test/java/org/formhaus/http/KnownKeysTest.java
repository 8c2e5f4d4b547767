package org.formhaus.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue #15, "No silent settings": an admin body's unknown keys are named with their path. */
class KnownKeysTest {

    static JsonObject json(String s) {
        return JsonParser.parseString(s).getAsJsonObject();
    }

    @Test
    void namesEveryUnknownKeyWithItsPathSorted() {
        KnownKeys call = KnownKeys.of("method").with("params", KnownKeys.of("email", "password"));
        assertEquals(List.of(), call.unknown(json("{\"method\": \"m\", \"params\": {\"email\": \"a\"}}"), ""));
        assertEquals(List.of("expires: unknown key 'expires'", "params.pasword: unknown key 'pasword'"),
                call.unknown(json("{\"params\": {\"pasword\": \"x\", \"email\": \"a\"}, \"expires\": 1}"), ""));
    }

    @Test
    void aMemberThatIsNotAnObjectIsNotLookedIntoAndPlainMembersHoldAnything() {
        KnownKeys call = KnownKeys.of("senders").with("params", KnownKeys.of("email"));
        assertEquals(List.of(), call.unknown(json("{\"senders\": {\"any\": 1}, \"params\": \"text\"}"), ""));
    }

    @Test
    void checkRefusesWith400AndReturnsAKnownBody() {
        JsonObject ok = json("{\"label\": \"ci\"}");
        assertSame(ok, KnownKeys.of("label").check(ok, ""));
        HttpProblem problem = assertThrows(HttpProblem.class,
                () -> KnownKeys.NONE.check(json("{\"force\": true}"), ""));
        assertEquals(400, problem.status());
        assertEquals("force: unknown key 'force'", problem.getMessage());
    }

    @Test
    void aBodyCheckedByItsOwnParserIsLeftToIt() {
        assertEquals(List.of(), KnownKeys.CHECKED_BY_ITS_PARSER.unknown(json("{\"anything\": 1}"), ""));
    }
}
