package org.formhaus.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.formhaus.onoffice.Action;
import org.formhaus.onoffice.ActionKind;
import org.formhaus.onoffice.Actions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One row per onOffice action Formhaus sends (issue #16), as Formhaus's {@link Actions} build it or as its probes
 * and lookups do, against a freshly seeded simulator; each row states the answer's shape the reference documents
 * (onoffice-api.md §4, §5): status code, the first record's id type, {@code type} and {@code elements} (object or
 * array: {@code []} on create), and {@code data.meta.cntabsolute} (a number on list reads, null otherwise). A failing
 * probe must fail with the documented code after the rights check, with {@code "data": []}. A further test checks
 * that every action the production code builds has a row, so a new call cannot go unchecked.
 *
 * <p>Signature: {@code <errorcode> <id type>:<type>:<elements> cnt=<type>}; for a failure {@code <errorcode> data=[]};
 * for a read that found nothing {@code 0 records=[] cnt=number}.
 */
class ActionConformanceTest {

    static Stream<Arguments> rows() {
        return Stream.of(
                // addresses
                row("create address", () -> Actions.createAddress(Map.of("Name", "Muster", "email", "m@example.org"),
                        true, true), "0 number:address:array cnt=null"),
                row("modify address", () -> Actions.modifyAddress("100", Map.of("Vorname", "Erika")),
                        "0 number:address:array cnt=null"), // reference silent on the modify answer: kept
                row("read address", () -> Actions.readAddress(List.of("100"), List.of("Name")),
                        "0 number:address:object cnt=number"),
                row("get search", () -> Actions.searchAddressByEmail("hans.beispiel@example.org"),
                        "0 number:address:object cnt=number"), // reference silent on its count: kept
                row("do registerNewsletter", () -> Actions.registerNewsletter("100", true),
                        "0 number::object cnt=null"), // the do-success shape: {"id":0,"type":"","elements":{"success"}}
                // estates
                row("read estate", () -> Actions.readEstate("10", List.of("Id", "benutzer")),
                        "0 number:estate:object cnt=number"),
                row("create estate", () -> Actions.createEstate(Map.of("objektart", "haus", "objektnr_extern",
                        "FH-0123456789ab")), "0 number:estate:array cnt=null"),
                row("modify estate", () -> Actions.modifyEstate("10", Map.of("objekttitel", "Neu")),
                        "0 number:estate:array cnt=null"),
                // search criteria, relations, activities, tasks, appointments
                row("create searchcriteria", () -> Actions.createSearchCriteria("100", Map.of("kaufpreis__bis",
                        "400000")), "0 number:searchcriteria:array cnt=null"),
                row("get searchcriterias", () -> action(ActionKind.GET, "searchcriterias", "",
                        "{\"mode\": \"internal\", \"ids\": [100], \"listlimit\": 500}"), "0 records=[] cnt=null"),
                row("create relation", () -> Actions.createRelation(Actions.RELATION_OWNER, "10", "100"),
                        "0 number:relation:object cnt=null"), // reference silent on the create answer: kept
                row("get idsfromrelation", () -> action(ActionKind.GET, "idsfromrelation", "",
                        "{\"relationtype\": \"" + Actions.RELATION_OWNER + "\", \"parentids\": [10]}"),
                        "0 string::object cnt=null"), // id "relatedIds", elements keyed by the queried id
                row("create agentslog", () -> Actions.createAgentsLog(List.of("100"), null, "Email", "Eingang",
                        "Anfrage\nFormhaus: FH-0123456789ab", Map.of()), "0 number:agentsLog:array cnt=null"),
                row("read agentslog", () -> action(ActionKind.READ, "agentslog", "", "{\"data\": [\"Bemerkung\"], "
                        + "\"addressid\": [100], \"filter\": {\"Bemerkung\": [{\"op\": \"like\", \"val\": \"%FH-%\"}]},"
                        + " \"listlimit\": 100}"), "0 records=[] cnt=number"),
                row("create task", () -> Actions.createTask(Map.of("Betreff", "Rückruf", "Verantwortung", "mmakler",
                        "Deadline", "2026-12-02 23:59:59", "Beginnt_am", "2026-12-01"), "100", "10"),
                        "0 number:task:array cnt=null"),
                row("read task", () -> action(ActionKind.READ, "task", "", "{\"data\": [\"Kommentar\"], "
                        + "\"relatedAddressId\": 100, \"listlimit\": 100}"), "0 records=[] cnt=number"),
                row("create calendar", () -> appointment(), "0 number:calendar:array cnt=null"),
                row("get appointmentList", () -> action(ActionKind.GET, "appointmentList", "", "{\"data\": [\"id\", "
                        + "\"notes\"], \"filter\": {\"startDate\": \"2026-11-30\", \"endDate\": \"2026-12-02\"}}"),
                        "0 records=[] cnt=number"),
                row("read calendar", () -> action(ActionKind.READ, "calendar", "", "{\"datestart\": "
                        + "\"2026-12-01 00:00:00\", \"dateend\": \"2026-12-01 00:00:01\", \"listlimit\": 1}"),
                        "0 records=[] cnt=number"),
                row("read project", () -> action(ActionKind.READ, "project", "", "{\"listlimit\": 1}"),
                        "0 number:?:object cnt=number"), // the seeded project
                row("do priceOffer", () -> Actions.priceOffer("10", "100", new java.math.BigDecimal("351000")),
                        "0 number::object cnt=null"), // the success shape (onoffice-api.md §3)
                // metadata
                row("get fields", () -> Actions.getFields(List.of("address", "estate"), "DEU", true, true, true),
                        "0 string::object cnt=null"), // one record per module, id = its name
                row("get searchCriteriaFields", () -> Actions.getSearchCriteriaFields("ENG"),
                        "0 number::object cnt=null"),
                row("get users", Actions::getUsers, "0 number:null:object cnt=null"),
                row("get templates", () -> Actions.getTemplates("mail"), "0 number:?:object cnt=null"),
                row("get actionkindtypes", () -> action(ActionKind.GET, "actionkindtypes", "", "{}"),
                        "0 number:actionkind:object cnt=null"),
                // mail, marketplace, files
                row("do sendmail", () -> Actions.sendMail("info@agentur.example", List.of("a@example.org"), "Hallo",
                        "Text", false, null), "0 number::object cnt=null"),
                row("do sendaddresscompletion", () -> Actions.sendAddressCompletion("100", "modus1",
                        "info@agentur.example"), "0 number::object cnt=null"),
                row("do unlockProvider", () -> Actions.unlockProvider("6802c44a-7ac0-4210-a3d4-e5581e3fa0b6",
                        "claim-1"), "0 number::object cnt=null"),
                row("do uploadfile", () -> Actions.uploadFileData(new byte[]{1, 2, 3}), "0 number::object cnt=null"),
                // the connection check's write probes: refused after the rights check, record 0 never exists (80)
                row("probe modify task", () -> action(ActionKind.MODIFY, "task", "0", "{\"data\": {}}"), "80 data=[]"),
                row("probe modify calendar", () -> action(ActionKind.MODIFY, "calendar", "0", "{\"data\": {}}"),
                        "80 data=[]"),
                row("probe modify searchcriteria", () -> action(ActionKind.MODIFY, "searchcriteria", "0",
                        "{\"data\": {}}"), "80 data=[]"),
                row("probe modify project", () -> action(ActionKind.MODIFY, "project", "0", "{\"data\": {}}"),
                        "80 data=[]"),
                row("probe create searchcriteria", () -> action(ActionKind.CREATE, "searchcriteria", "",
                        "{\"addressid\": 0, \"data\": {}}"), "80 data=[]"),
                row("probe create agentslog", () -> action(ActionKind.CREATE, "agentslog", "",
                        "{\"actionkind\": \"Sonstiges\", \"note\": \"check\"}"), "255 data=[]"),
                row("probe do sendmail", () -> action(ActionKind.DO, "sendmail", "",
                        "{\"emailidentity\": \"info@agentur.example\", \"receiver\": [], \"subject\": \"s\", "
                                + "\"body\": \"\"}"), "255 data=[]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void eachActionFormhausSendsIsAnsweredInTheDocumentedShape(String name, Supplier<Action> action, String expected) {
        Simulator sim = Simulator.create(SimulatorConformanceTest.TOKEN, SimulatorConformanceTest.SECRET);
        Action a = action.get();
        assertEquals(name.replaceFirst("^probe ", ""), a.kind().name().toLowerCase() + " " + a.resourceType(), "the row names its action");
        JsonObject result = SimulatorConformanceTest.serve(sim, SimulatorConformanceTest.signed(a));
        assertEquals(expected, signature(result), name + ": " + result);
    }

    /** Every action the production code builds (ActionKind.X, "type") has a row above. */
    @Test
    void everyActionTheProductionCodeBuildsHasARow() throws IOException {
        Set<String> covered = rows().map(r -> ((String) r.get()[0]).replaceFirst("^probe ", ""))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> used = new TreeSet<>();
        Pattern call = Pattern.compile("ActionKind\\.([A-Z]+),\\s*\"([A-Za-z]+)\"");
        Pattern probe = Pattern.compile("(?:modify|read)\\(\"([a-z]+)\"");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/formhaus"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java") && !p.toString().contains("simulator"))
                    .toList()) {
                String text = Files.readString(f);
                Matcher m = call.matcher(text);
                while (m.find()) used.add(m.group(1).toLowerCase() + " " + m.group(2));
                if (f.getFileName().toString().equals("Probe.java")) {
                    Matcher p = probe.matcher(text);
                    while (p.find()) {
                        used.add((text.substring(p.start(), p.start() + 4).equals("read") ? "read " : "modify ")
                                + p.group(1));
                    }
                }
            }
        }
        used.removeAll(covered);
        assertTrue(used.isEmpty(), "actions without a conformance row: " + used);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private static Arguments row(String name, Supplier<Action> action, String expected) {
        return Arguments.of(name, action, expected);
    }

    private static Action action(ActionKind kind, String type, String resourceId, String parameters) {
        return Action.of(kind, type, resourceId, "", JsonParser.parseString(parameters).getAsJsonObject());
    }

    private static Action appointment() {
        Action a = Actions.createAppointment(Map.of("start_dt", "2026-12-01 10:00:00", "end_dt", "2026-12-01 11:00:00",
                "note", "Formhaus: FH-0123456789ab"), List.of("100"), "10");
        a.parameters().add("subscribers", JsonParser.parseString("{\"users\": [17]}")); // user IDs, not names
        return a;
    }

    /** See the class comment; {@code ?} stands for a type that is the account's data (a module or template name). */
    static String signature(JsonObject result) {
        int code = result.getAsJsonObject("status").get("errorcode").getAsInt();
        JsonElement data = result.get("data");
        if (data.isJsonArray()) {
            return code + " data=" + data;
        }
        JsonObject meta = data.getAsJsonObject().getAsJsonObject("meta");
        String cnt = "cnt=" + kind(meta.get("cntabsolute"));
        JsonArray records = data.getAsJsonObject().getAsJsonArray("records");
        if (records.isEmpty()) {
            return code + " records=[] " + cnt;
        }
        JsonObject first = records.get(0).getAsJsonObject();
        JsonElement type = first.get("type");
        String typeText = type.isJsonNull() ? "null" : type.getAsString();
        if (!typeText.isEmpty() && !typeText.equals("null") && !Set.of("address", "estate", "searchcriteria", "relation", "agentsLog", "task",
                "calendar", "actionkind").contains(typeText)) {
            typeText = "?";
        }
        return code + " " + kind(first.get("id")) + ":" + typeText + ":" + kind(first.get("elements")) + " " + cnt;
    }

    private static String kind(JsonElement e) {
        if (e == null || e.isJsonNull()) return "null";
        if (e.isJsonArray()) return "array";
        if (e.isJsonObject()) return "object";
        return e.getAsJsonPrimitive().isNumber() ? "number" : e.getAsJsonPrimitive().isBoolean() ? "boolean" : "string";
    }
}
