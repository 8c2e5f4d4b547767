package org.formhaus.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonParser;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void theOneConfigurationWritesNullsAndLeavesHtmlCharactersAlone() {
        Map<String, Object> value = new HashMap<>();
        value.put("title", "<b>Müller & Söhne</b> 'x' =");
        value.put("thankYouUrl", null);
        assertEquals(JsonParser.parseString("{\"title\":\"<b>Müller & Söhne</b> 'x' =\",\"thankYouUrl\":null}"),
                JsonParser.parseString(Json.GSON.toJson(value)));
        assertEquals("\"<b>&'=\"", Json.GSON.toJson("<b>&'="));
    }

    @Test
    void prettyIndentsWithTwoSpaces() {
        assertEquals("{\n  \"key\": \"kontakt\",\n  \"fields\": [\n    1,\n    2\n  ]\n}",
                Json.pretty(JsonParser.parseString("{\"key\":\"kontakt\",\"fields\":[1,2]}")));
    }
}
