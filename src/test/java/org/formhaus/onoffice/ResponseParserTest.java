package org.formhaus.onoffice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The parser against every recorded onOffice result in src/test/resources/onoffice/samples. */
class ResponseParserTest {

    static final List<String> SAMPLES = List.of("ApiResponseActionKindTypes", "ApiResponseCreateAddress",
            "ApiResponseCreateAgentLog", "ApiResponseCreateTask", "ApiResponseDoContactaddress", "ApiResponseGetFields",
            "ApiResponseGetIdsFromRelation", "ApiResponseGetSearchSearchCriteria",
            "ApiResponseGetSearchcriteriaFieldsENG", "ApiResponseListSupervisors", "ApiResponseReadAddress",
            "ApiResponseReadEstatesPublishedENG");

    static JsonObject sample(String name) throws IOException {
        try (InputStream in = ResponseParserTest.class.getResourceAsStream("/onoffice/samples/" + name + ".json")) {
            JsonObject o = JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
            return o.has("actionid") ? o : o.getAsJsonObject("response"); // one sample also records its request
        }
    }

    static ActionResult parsed(String name) throws IOException {
        return ResponseParser.parseResult(sample(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ApiResponseActionKindTypes", "ApiResponseCreateAddress", "ApiResponseCreateAgentLog",
            "ApiResponseCreateTask", "ApiResponseDoContactaddress", "ApiResponseGetFields",
            "ApiResponseGetIdsFromRelation", "ApiResponseGetSearchSearchCriteria",
            "ApiResponseGetSearchcriteriaFieldsENG", "ApiResponseListSupervisors", "ApiResponseReadAddress",
            "ApiResponseReadEstatesPublishedENG"})
    void readsEveryRecordedSampleInsideAFullEnvelope(String name) throws IOException {
        JsonObject envelope = JsonParser.parseString("{\"status\":{\"code\":200,\"errorcode\":0,\"message\":\"OK\"},"
                + "\"response\":{\"results\":[]}}").getAsJsonObject();
        envelope.getAsJsonObject("response").getAsJsonArray("results").add(sample(name));

        ResponseParser.Envelope e = ResponseParser.parseEnvelope(envelope.toString());

        assertEquals(200, e.code());
        assertEquals(1, e.results().size());
        ActionResult r = e.results().get(0);
        assertTrue(r.ok(), name);
        assertTrue(r.actionId().startsWith("urn:onoffice-de-ns:smart:2.5:smartml:action:"), name);
        assertFalse(r.records().isEmpty(), name);
        r.records().forEach(rec -> assertTrue(rec.id() != null && !rec.id().isEmpty(), name));
    }

    @Test
    void createResultWithEmptyElementsArrayGivesTheNewIdAndNoElements() throws IOException {
        ActionResult r = parsed("ApiResponseCreateAddress");
        assertEquals("320", r.firstId());
        assertTrue(r.records().get(0).elements().entrySet().isEmpty());
        assertNull(r.cntAbsolute());
    }

    @Test
    void numericAndStringIdsBothBecomeStrings() throws IOException {
        assertEquals("69", parsed("ApiResponseListSupervisors").firstId());
        assertEquals("address", parsed("ApiResponseGetFields").firstId());
        assertEquals("relatedIds", parsed("ApiResponseGetIdsFromRelation").firstId());
    }

    @Test
    void nullRecordTypeAndNumericElementsAreRead() throws IOException {
        OnOfficeRecord user = parsed("ApiResponseListSupervisors").records().get(0);
        assertNull(user.type());
        assertEquals("duong", user.get("username"));
        assertEquals("69", user.get("id"));
    }

    @Test
    void listReadsCarryTheirAbsoluteCount() throws IOException {
        assertEquals(2L, parsed("ApiResponseReadAddress").cntAbsolute());
        assertEquals(9L, parsed("ApiResponseReadEstatesPublishedENG").cntAbsolute());
        assertEquals("1.051", parsed("ApiResponseReadEstatesPublishedENG").records().get(1).get("Id"));
    }

    @Test
    void doResultsReportSuccess() throws IOException {
        assertEquals("success", parsed("ApiResponseDoContactaddress").records().get(0).get("success"));
    }

    @Test
    void fieldCatalogueKeepsPermittedValuesKeyedByInternalKeys() throws IOException {
        JsonObject beziehung = parsed("ApiResponseGetFields").records().get(0).elements().getAsJsonObject("Beziehung");
        assertEquals("Customer", beziehung.getAsJsonObject("permittedvalues").get("indMulti659Select204").getAsString());
    }

    @Test
    void aBodyThatIsNotOnOfficeJsonIsRejected() {
        assertThrows(JsonParseException.class, () -> ResponseParser.parseEnvelope("<html>502 Bad Gateway</html>"));
        assertThrows(JsonParseException.class, () -> ResponseParser.parseEnvelope("{\"error\":\"nope\"}"));
    }

    @Test
    void topLevelErrorsAreReadWithoutResults() {
        ResponseParser.Envelope e = ResponseParser.parseEnvelope(
                "{\"status\":{\"code\":400,\"errorcode\":22,\"message\":\"not authenticated\"},\"response\":[]}");
        assertEquals(400, e.code());
        assertEquals(22, e.errorCode());
        assertTrue(e.results().isEmpty());
    }
}
