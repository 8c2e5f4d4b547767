package org.formhaus.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.formhaus.onoffice.Action;
import org.formhaus.onoffice.ActionKind;
import org.formhaus.onoffice.Actions;
import org.formhaus.onoffice.RequestSigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Conformance of the simulator with the reference: one row per onOffice action Formhaus uses, sent as Formhaus's
 * {@link Actions} build it, and the reply's shape (key set and JSON types of the result, its status, meta and first
 * record) compared with the result onOffice really sent (src/test/resources/onoffice/samples), or, where no
 * recording exists, with the shape onoffice-api.md documents. A drift on either side fails the row.
 */
class SimulatorConformanceTest {

    static final String TOKEN = "conformance-token";
    static final String SECRET = "conformance-secret";

    static Stream<Arguments> recorded() {
        return Stream.of(
                Arguments.of("ApiResponseCreateAddress", Actions.createAddress(Map.of("Name", "Muster", "email",
                        "muster@example.org"), true, true)),
                Arguments.of("ApiResponseReadAddress", Actions.readAddress(List.of("100"), List.of("Name", "Vorname"))),
                Arguments.of("ApiResponseCreateAgentLog", Actions.createAgentsLog(List.of("100"), null, "Email",
                        "Eingang", "Anfrage", Map.of())),
                Arguments.of("ApiResponseCreateTask", Actions.createTask(Map.of("Betreff", "Rückruf"), "100", null)),
                Arguments.of("ApiResponseDoContactaddress", contactAddress()),
                Arguments.of("ApiResponseGetIdsFromRelation", idsFromRelation()),
                Arguments.of("ApiResponseListSupervisors", Actions.getUsers()),
                Arguments.of("ApiResponseReadEstatesPublishedENG", Actions.readEstate("10", List.of("Id", "objekttitel"))),
                Arguments.of("ApiResponseGetFields", Actions.getFields(List.of("address"), "DEU", true, true, true)),
                Arguments.of("ApiResponseGetSearchcriteriaFieldsENG", Actions.getSearchCriteriaFields("ENG")),
                Arguments.of("ApiResponseActionKindTypes", Action.of(ActionKind.GET, "actionkindtypes", new JsonObject())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recorded")
    void theSimulatorAnswersInTheShapeOnOfficeRecorded(String sample, Action action) throws Exception {
        JsonObject result = send(action);

        assertEquals(0, result.getAsJsonObject("status").get("errorcode").getAsInt(), result.toString());
        assertEquals(shape(sample(sample)), shape(result), sample + ": " + result);
    }

    @Test
    void uploadfileAnswersFilesizeAndTmpUploadIdThenFileIdAsAString() throws Exception {
        Simulator sim = Simulator.create(TOKEN, SECRET);
        JsonObject first = serve(sim, signed(Actions.uploadFileData(new byte[]{1, 2, 3, 4})));
        JsonObject el = record0(first).getAsJsonObject("elements");
        assertEquals(Map.of("filesize", "number", "tmpUploadId", "string"), types(el));
        JsonObject second = serve(sim, signed(Actions.linkUploadedFile(el.get("tmpUploadId").getAsString(), "estate",
                "10", "a.pdf", null, "Dokument")));
        assertEquals(Map.of("filesize", "number", "tmpUploadId", "string", "fileId", "string", "success", "string"),
                types(record0(second).getAsJsonObject("elements")));
    }

    @Test
    void aFailedActionCarriesDataAsAnEmptyArray() throws Exception {
        JsonObject failed = send(Actions.createAddress(Map.of("Lieblingsfarbe", "blau"), false, false));
        assertFalse(failed.getAsJsonObject("status").get("errorcode").getAsInt() == 0);
        assertTrue(failed.get("data").isJsonArray() && failed.getAsJsonArray("data").isEmpty(), failed.toString());
    }

    @Test
    void parametersAsAnEmptyArrayAndResourceIdNullAreAccepted() throws Exception {
        Simulator sim = Simulator.create(TOKEN, SECRET);
        JsonObject action = signed(Actions.getUsers());
        action.add("parameters", new JsonArray());
        action.add("resourceid", com.google.gson.JsonNull.INSTANCE);
        JsonObject result = serve(sim, action);
        assertEquals(0, result.getAsJsonObject("status").get("errorcode").getAsInt(), result.toString());
    }

    @Test
    void idsFromRelationIsKeyedByTheQueriedIdWithStringIds() throws Exception {
        Simulator sim = Simulator.create(TOKEN, SECRET);
        serve(sim, signed(Actions.createRelation(Actions.RELATION_OWNER, "10", "100")));
        JsonObject elements = record0(serve(sim, signed(idsFromRelation()))).getAsJsonObject("elements");
        assertEquals("[\"100\"]", elements.get("10").toString());
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    static Action contactAddress() {
        JsonObject p = new JsonObject();
        p.addProperty("addressdata", "Max Muster, muster@example.org");
        p.addProperty("estateid", 10);
        p.addProperty("message", "Bitte um Rückruf");
        return Action.of(ActionKind.DO, "contactaddress", p);
    }

    static Action idsFromRelation() {
        JsonObject p = new JsonObject();
        p.addProperty("relationtype", Actions.RELATION_OWNER);
        JsonArray ids = new JsonArray();
        ids.add(10);
        p.add("parentids", ids);
        return Action.of(ActionKind.GET, "idsfromrelation", p);
    }

    static JsonObject sample(String name) throws Exception {
        try (InputStream in = SimulatorConformanceTest.class.getResourceAsStream("/onoffice/samples/" + name + ".json")) {
            JsonObject o = JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
            return o.has("actionid") ? o : o.getAsJsonObject("response");
        }
    }

    static JsonObject send(Action action) {
        return serve(Simulator.create(TOKEN, SECRET), signed(action));
    }

    static JsonObject signed(Action a) {
        long ts = System.currentTimeMillis() / 1000;
        JsonObject o = new JsonObject();
        o.addProperty("actionid", a.kind().urn());
        o.addProperty("resourceid", a.resourceId());
        o.addProperty("resourcetype", a.resourceType());
        o.addProperty("identifier", a.identifier());
        o.addProperty("timestamp", ts);
        o.addProperty("hmac", RequestSigner.sign(SECRET, ts, TOKEN, a.resourceType(), a.kind().urn()));
        o.addProperty("hmac_version", 2);
        o.add("parameters", a.parameters());
        return o;
    }

    static JsonObject serve(Simulator sim, JsonObject action) {
        JsonObject doc = new JsonObject();
        doc.addProperty("token", TOKEN);
        JsonObject request = new JsonObject();
        JsonArray actions = new JsonArray();
        actions.add(action);
        request.add("actions", actions);
        doc.add("request", request);
        SimReply reply = sim.serve("/api/stable/api.php", doc.toString());
        return JsonParser.parseString(reply.body()).getAsJsonObject().getAsJsonObject("response")
                .getAsJsonArray("results").get(0).getAsJsonObject();
    }

    static JsonObject record0(JsonObject result) {
        return result.getAsJsonObject("data").getAsJsonArray("records").get(0).getAsJsonObject();
    }

    /**
     * The shape of one result: JSON type of each top-level key, of status and meta members, and of the first record's
     * id, type and elements (object or array). Values and the elements' own keys are the account's data, not shape.
     */
    static Map<String, String> shape(JsonObject result) {
        Map<String, String> out = new TreeMap<>();
        types(result).forEach((k, v) -> out.put(k, v));
        types(result.getAsJsonObject("status")).forEach((k, v) -> out.put("status." + k, v));
        JsonObject data = result.getAsJsonObject("data");
        types(data).forEach((k, v) -> out.put("data." + k, v));
        types(data.getAsJsonObject("meta")).forEach((k, v) -> out.put("data.meta." + k, v));
        JsonArray records = data.getAsJsonArray("records");
        if (!records.isEmpty()) {
            types(records.get(0).getAsJsonObject()).forEach((k, v) -> out.put("records[0]." + k, v));
        }
        return out;
    }

    static Map<String, String> types(JsonObject o) {
        Map<String, String> out = new TreeMap<>();
        for (Map.Entry<String, JsonElement> e : o.entrySet()) {
            JsonElement v = e.getValue();
            out.put(e.getKey(), v.isJsonNull() ? "null" : v.isJsonArray() ? "array" : v.isJsonObject() ? "object"
                    : v.getAsJsonPrimitive().isNumber() ? "number" : v.getAsJsonPrimitive().isBoolean() ? "boolean" : "string");
        }
        return out;
    }
}
