package org.formhaus.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.formhaus.onoffice.Action;
import org.formhaus.onoffice.ActionKind;
import org.formhaus.onoffice.ActionResult;
import org.formhaus.onoffice.Actions;
import org.formhaus.onoffice.OnOfficeClient;
import org.formhaus.onoffice.OnOfficeException;
import org.formhaus.onoffice.OnOfficeRecord;
import org.formhaus.onoffice.RequestSigner;
import org.formhaus.onoffice.RetryMode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SimulatorTest {

    @RegisterExtension
    static final SimulatorFixture fixture = SimulatorFixture.perTestClass();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    Simulator sim;
    OnOfficeClient client;

    @BeforeEach
    void reset() {
        sim = fixture.simulator();
        client = fixture.client();
    }

    private ActionResult one(OnOfficeClient c, org.formhaus.onoffice.Action a) throws Exception {
        return c.execute(List.of(a)).get(0);
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(fixture.server().baseUri().resolve(path));
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answersARawRequestWithoutContentTypeInOnOfficesFormat() throws Exception {
        long ts = System.currentTimeMillis() / 1000;
        String urn = ActionKind.CREATE.urn();
        String body = "{\"token\":\"" + SimulatorFixture.TOKEN + "\",\"request\":{\"actions\":[{\"actionid\":\"" + urn
                + "\",\"resourceid\":\"\",\"resourcetype\":\"address\",\"identifier\":\"\",\"timestamp\":\"" + ts
                + "\",\"hmac\":\"" + RequestSigner.sign(SimulatorFixture.SECRET, ts, SimulatorFixture.TOKEN, "address", urn)
                + "\",\"hmac_version\":\"2\",\"parameters\":{\"Name\":\"Roh\"}}]}}";

        HttpResponse<String> response = send("POST", "api/latest/api.php", body);

        JsonObject doc = JsonParser.parseString(response.body()).getAsJsonObject();
        assertEquals(200, doc.getAsJsonObject("status").get("code").getAsInt());
        JsonObject result = doc.getAsJsonObject("response").getAsJsonArray("results").get(0).getAsJsonObject();
        assertFalse(result.get("cacheable").getAsBoolean());
        assertTrue(result.getAsJsonObject("data").getAsJsonObject("meta").get("cntabsolute").isJsonNull());
        JsonObject record = result.getAsJsonObject("data").getAsJsonArray("records").get(0).getAsJsonObject();
        assertTrue(record.get("elements").isJsonArray(), "elements is [] on create, as onOffice sends it");
        assertEquals(0, result.getAsJsonObject("status").get("errorcode").getAsInt());
    }

    @Test
    void anUnknownTokenIsRejectedAtTopLevelAsNotAuthenticated() throws Exception {
        HttpResponse<String> r = send("POST", "api/stable/api.php", "{\"token\":\"nope\",\"request\":{\"actions\":[]}}");
        JsonObject status = JsonParser.parseString(r.body()).getAsJsonObject().getAsJsonObject("status");
        assertEquals(400, status.get("code").getAsInt());
        assertEquals(22, status.get("errorcode").getAsInt());
        assertEquals("not authenticated", status.get("message").getAsString());
    }

    @Test
    void aWrongSecretFailsEachActionWithHmacInvalid() throws Exception {
        OnOfficeClient wrong = fixture.connector().clientFor(fixture.credentials(SimulatorFixture.TOKEN, "x"), RetryMode.NONE);
        ActionResult r = one(wrong, Actions.getUsers());
        assertEquals(137, r.errorCode());
        assertEquals("The HMAC is invalid.", r.message()); // onOffice's 137 (onoffice-api.md §4.1)
    }

    @Test
    void timestampsMoreThan120SecondsOffAreInvalid() throws Exception {
        Clock ahead = Clock.offset(Clock.systemUTC(), Duration.ofSeconds(125));
        Clock slightlyAhead = Clock.offset(Clock.systemUTC(), Duration.ofSeconds(100));
        ActionResult late = one(fixture.connector(ahead, Duration.ofSeconds(5)).clientFor(fixture.credentials(), RetryMode.NONE), Actions.getUsers());
        ActionResult fine = one(fixture.connector(slightlyAhead, Duration.ofSeconds(5)).clientFor(fixture.credentials(), RetryMode.NONE), Actions.getUsers());
        assertEquals(136, late.errorCode()); // 138 is "Unknown field in task data" in onOffice
        assertEquals("Your timestamp is too old or your server time is wrong.", late.message());
        assertTrue(fine.ok());
    }

    @Test
    void aMissingRightFailsTheActionNamingOperationAndRight() throws Exception {
        sim.setRights(Map.of("Write addresses", false));
        ActionResult r = one(client, Actions.createAddress(Map.of("Name", "X"), false, false));
        assertEquals(140, r.errorCode());
        assertTrue(r.message().contains("create addresses"));
        assertTrue(r.message().contains("\"Write addresses\""));
    }

    @Test
    void rightsAreCheckedBeforeFieldsAreValidated() throws Exception {
        sim.setRights(Map.of("Write addresses", false));
        assertEquals(140, one(client, Actions.createAddress(Map.of("Unsinn", "X"), false, false)).errorCode());
        sim.setRights(Map.of("Write addresses", true));
        ActionResult unknown = one(client, Actions.createAddress(Map.of("Unsinn", "X"), false, false));
        assertEquals(141, unknown.errorCode());
        assertEquals("Unknown field: Unsinn", unknown.message());
    }

    @Test
    void duplicateCheckUpdatesTheMatchByEmailUnlessToldNotToOverride() throws Exception {
        ActionResult matched = one(client, Actions.createAddress(
                Map.of("Vorname", "Erika Maria", "email", "ERIKA.musterfrau@example.org"), true, false));
        assertEquals("100", matched.firstId());
        assertEquals("Erika Maria", sim.records("address").get(0).getAsJsonObject().get("Vorname").getAsString());

        ActionResult kept = one(client, Actions.createAddress(
                Map.of("Vorname", "Anders", "email", "erika.musterfrau@example.org"), true, true));
        assertEquals("100", kept.firstId());
        assertEquals("Erika Maria", sim.records("address").get(0).getAsJsonObject().get("Vorname").getAsString());

        ActionResult fresh = one(client, Actions.createAddress(
                Map.of("Vorname", "Zweite", "email", "erika.musterfrau@example.org"), false, false));
        assertEquals("102", fresh.firstId());
        assertEquals("100", one(client, Actions.createAddress(
                Map.of("email", "erika.musterfrau@example.org"), true, true)).firstId(), "lowest id wins");
    }

    @Test
    void addressesAreFoundByAnyOfTheirContactEntriesOrTheMainOneWithoutCase() throws Exception {
        String id = one(client, Actions.createAddress(Map.of("Name", "Kontakte", "email", "erste@example.org",
                "email_business", "Zweite@Example.org", "phone", "0241 1", "mobile", "0170 2"), false, false)).firstId();
        assertEquals(List.of(id), ids(one(client, Actions.readAddressesWhere("email", "zweite@example.org",
                List.of("Name"), 20))), "every e-mail entry, without case");
        assertEquals(List.of(), ids(one(client, Actions.readAddressesWhere("Email", "zweite@example.org",
                List.of("Name"), 20))), "Email: only the main entry");
        assertEquals(List.of(id), ids(one(client, Actions.readAddressesWhere("phone", "0241 1", List.of("Name"), 20))));
        assertEquals(List.of(), ids(one(client, Actions.readAddressesWhere("phone", "0170 2", List.of("Name"), 20))),
                "phone leaves mobiles out");
        assertEquals(List.of(id), ids(one(client, Actions.readAddressesWhere("mobile", "0170 2", List.of("Name"), 20))));
    }

    private static List<String> ids(ActionResult result) {
        return result.records().stream().map(org.formhaus.onoffice.OnOfficeRecord::id).toList();
    }

    @Test
    void multiselectValuesAreWrittenAsArraysAndReadBackPipeWrapped() throws Exception {
        String id = one(client, Actions.createAddress(Map.of("Name", "Multi", "HerkunftKontakt",
                List.of("Empfehlung", "Werbung")), false, false)).firstId();
        ActionResult read = one(client, Actions.readAddress(List.of(id), List.of("HerkunftKontakt", "Name")));
        assertEquals("|Empfehlung||Werbung|", read.records().get(0).get("HerkunftKontakt"));
        assertEquals(142, one(client, Actions.createAddress(Map.of("HerkunftKontakt", List.of("Radio")), false, false)).errorCode());
    }

    @Test
    void onlyPublishedPropertiesHidesAJustCreatedEstateFromReadsAndRelations() throws Exception {
        sim.setRights(Map.of("Can only read properties published on the website", true));
        String estate = one(client, Actions.createEstate(Map.of("objekttitel", "Neu", "ort", "Bonn"))).firstId();
        String owner = one(client, Actions.createAddress(Map.of("Name", "Eigner"), false, false)).firstId();

        ActionResult read = one(client, Actions.readEstate(estate, List.of("objekttitel")));
        ActionResult link = one(client, Actions.createRelation(Actions.RELATION_OWNER, estate, owner));

        assertTrue(read.ok());
        assertTrue(read.records().isEmpty());
        assertEquals(80, link.errorCode()); // "Unknown record. Record may not exist or the permission rights ..."
        assertEquals(1, one(client, Actions.readEstate("10", List.of("Id"))).records().size(), "published ones stay visible");
    }

    @Test
    void usersNeedTheRightReadUserDataViaApi() throws Exception {
        assertEquals(4, one(client, Actions.getUsers()).records().size());
        sim.setRights(Map.of("Read user data via API", false));
        ActionResult refused = one(client, Actions.getUsers());
        assertEquals(170, refused.errorCode());
        assertEquals("No read permission for this user", refused.message());
    }

    @Test
    void sendsMailOnlyFromMailboxesAssignedToTheApiUser() throws Exception {
        assertTrue(one(client, Actions.sendMail("info@agentur.example", List.of("kunde@example.org"), "Hallo", "Text", false, null)).ok());
        assertEquals(51, one(client, Actions.sendMail("chef@agentur.example", List.of("kunde@example.org"), "Hallo", "Text", false, null)).errorCode());
        JsonArray mails = JsonParser.parseString(send("GET", "mails", null).body()).getAsJsonArray();
        assertEquals(1, mails.size());
        assertEquals("kunde@example.org", mails.get(0).getAsJsonObject().getAsJsonArray("to").get(0).getAsString());
    }

    @Test
    void recordsTasksAppointmentsActivitiesAndSearchCriteria() throws Exception {
        List<ActionResult> r = client.execute(List.of(
                Actions.createAgentsLog(List.of("100"), "10", "Email", "Eingang", "Anfrage", Map.of()),
                Actions.createTask(Map.of("Betreff", "Rückruf", "Prio", "2"), "100", "10"),
                Actions.createAppointment(Map.of("start_dt", "2026-12-01 10:00:00", "end_dt", "2026-12-01 11:00:00",
                        "art", "Besichtigung"), List.of("100"), "10"),
                Actions.createSearchCriteria("100", Map.of("vermarktungsart", "kauf", "kaufpreis__von", "200000",
                        "kaufpreis__bis", "400000"))));
        r.forEach(x -> assertTrue(x.ok(), x.message()));
        assertEquals("agentsLog", r.get(0).records().get(0).type());
        assertEquals(1, sim.records("searchcriteria").size());
        assertEquals("200000", sim.records("searchcriteria").get(0).getAsJsonObject().get("kaufpreis__von").getAsString());
    }

    @Test
    void servesFieldsWithGermanAndEnglishLabelsAndInternalKeys() throws Exception {
        ActionResult en = one(client, Actions.getFields(List.of("address", "estate"), "ENG", true, true, true));
        ActionResult de = one(client, Actions.getFields(List.of("address"), "DEU", true, true, true));
        assertEquals(2, en.records().size());
        JsonObject art = en.records().get(0).elements().getAsJsonObject("ArtDaten");
        assertEquals("multiselect", art.get("type").getAsString());
        assertEquals("Owner", art.getAsJsonObject("permittedvalues").get("Eigentuemer").getAsString());
        assertEquals("Kontaktart", de.records().get(0).elements().getAsJsonObject("ArtDaten").get("label").getAsString());
    }

    @Test
    void controlEndpointsSwitchRightsAndFaultsAndListRequestsWithoutSignatures() throws Exception {
        assertEquals(400, send("PUT", "rights", "{\"Read everything\": false}").statusCode());
        assertEquals(200, send("PUT", "rights", "{\"Read properties\": false}").statusCode());
        assertFalse(sim.rights().get("Read properties"));
        assertEquals(200, send("POST", "faults", "{\"mode\":\"http500\",\"latencyMs\":0}").statusCode());
        assertEquals(FaultMode.HTTP500, sim.faultMode());
        assertEquals(400, send("POST", "faults", "{\"mode\":\"explode\"}").statusCode());
        send("POST", "faults", "{\"mode\":\"ok\"}");

        client.execute(List.of(Actions.getUsers()));
        JsonArray requests = JsonParser.parseString(send("GET", "requests", null).body()).getAsJsonArray();
        assertEquals(1, requests.size());
        JsonObject action = requests.get(0).getAsJsonObject().getAsJsonArray("actions").get(0).getAsJsonObject();
        assertEquals("users", action.get("resourcetype").getAsString());
        assertFalse(action.has("hmac"));
        assertEquals(2, JsonParser.parseString(send("GET", "records/estate", null).body()).getAsJsonArray().size());
        assertEquals(200, send("POST", "reset", null).statusCode());
        assertTrue(sim.rights().get("Read properties"));
    }

    @Test
    void invalidSignatureFaultFailsEveryActionWithHmacInvalid() throws Exception {
        sim.setFault(FaultMode.INVALID_SIGNATURE, 0);
        assertEquals(137, one(client, Actions.getUsers()).errorCode());
    }

    @Test
    void anUploadedFileIsAttachedOnceToAVisibleRecordWithItsSizeAndChecksum() throws Exception {
        byte[] bytes = "Exposé".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ActionResult upload = one(client, Actions.uploadFileData(bytes));
        String tmp = Actions.tmpUploadId(upload);
        assertTrue(tmp != null && !tmp.isBlank(), upload.toString());

        ActionResult linked = one(client, Actions.linkUploadedFile(tmp, "estate", "10", "expose.txt", "Exposé", "Dokument"));
        assertTrue(linked.ok(), linked.message());
        JsonObject file = sim.records("file").get(0).getAsJsonObject();
        assertEquals("estate", file.get("module").getAsString());
        assertEquals("10", file.get("relatedRecordId").getAsString());
        assertEquals(bytes.length, file.get("size").getAsInt());
        assertEquals(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes)),
                file.get("sha256").getAsString());
        assertEquals(129, one(client, Actions.linkUploadedFile(tmp, "estate", "10", "expose.txt", null, null)).errorCode(),
                "a temporary upload is used once");
        assertTrue(sim.requests().toString().contains("\"dataBytes\":" + bytes.length), "the log keeps the size");
    }

    @Test
    void linkingAnUploadNeedsTheModulesWriteRightAnExistingUploadAndAVisibleRecord() throws Exception {
        String tmp = Actions.tmpUploadId(one(client, Actions.uploadFileData(new byte[]{1, 2, 3})));
        sim.setRights(Map.of("Write addresses", false));
        ActionResult noRight = one(client, Actions.linkUploadedFile(tmp, "address", "100", "a.pdf", null, null));
        assertEquals(140, noRight.errorCode());
        assertTrue(noRight.message().contains("\"Write addresses\""), noRight.message());
        sim.setRights(Map.of("Write addresses", true, "Can only read properties published on the website", true));
        assertEquals(80, one(client, Actions.linkUploadedFile(tmp, "estate", "11", "a.pdf", null, null)).errorCode(),
                "an unpublished estate is invisible");
        assertEquals(80, one(client, Actions.linkUploadedFile(tmp, "address", "999", "a.pdf", null, null)).errorCode());
        sim.expireUploads();
        ActionResult expired = one(client, Actions.linkUploadedFile(tmp, "address", "100", "a.pdf", null, null));
        assertEquals(129, expired.errorCode());
        assertEquals("Fileupload is missing temporary upload file", expired.message());
        assertEquals(0, sim.records("file").size());
    }

    // ---- reads that find a record by a text in it (issue #15) --------------------------------------------------------

    private static Action action(ActionKind kind, String type, String params) {
        return Action.of(kind, type, JsonParser.parseString(params).getAsJsonObject());
    }

    @Test
    void readsTheAgentsLogOfAnAddressUnderOnOfficesNamesFilteredByLikeOverSeveralLines() throws Exception {
        client.execute(List.of(
                Actions.createAgentsLog(List.of("100"), null, "Email", "Eingang", "erste\nFormhaus: FH-aaaa", Map.of()),
                Actions.createAgentsLog(List.of("100"), "10", "Email", "Eingang", "zweite\nFormhaus: FH-bbbb", Map.of()),
                Actions.createAgentsLog(List.of("101"), null, "Email", "Eingang", "dritte\nFormhaus: FH-bbbb", Map.of())));
        ActionResult r = one(client, action(ActionKind.READ, "agentslog", """
                {"addressid": [100], "data": ["Bemerkung", "Aktionsart", "Objekt_nr"],
                 "filter": {"Bemerkung": [{"op": "like", "val": "%FH-bbbb%"}]}}"""));
        assertTrue(r.ok(), r.message());
        assertEquals(1, r.records().size());
        assertEquals("zweite\nFormhaus: FH-bbbb", r.records().get(0).get("Bemerkung"));
        assertEquals("Email", r.records().get(0).get("Aktionsart"));
        assertEquals("[\"10\"]", r.records().get(0).get("Objekt_nr"));
        assertEquals(3, one(client, action(ActionKind.READ, "agentslog", "{\"listlimit\": 10}")).records().size());
        ActionResult newestFirst = one(client, action(ActionKind.READ, "agentslog", "{\"addressid\": [100]}"));
        assertTrue(Long.parseLong(newestFirst.records().get(0).id()) > Long.parseLong(newestFirst.records().get(1).id()));
        assertEquals(142, one(client, action(ActionKind.READ, "agentslog",
                "{\"filter\": {\"Adress_nr\": [{\"op\": \"=\", \"val\": 100}]}}")).errorCode());
    }

    @Test
    void readsTheTasksOfAnAddressWithTheirLinksAndFiltersOnTheComment() throws Exception {
        client.execute(List.of(
                Actions.createTask(Map.of("Betreff", "A", "Kommentar", "Formhaus: FH-aaaa"), "100", null),
                Actions.createTask(Map.of("Betreff", "B", "Kommentar", "Formhaus: FH-bbbb"), "100", "10"),
                Actions.createTask(Map.of("Betreff", "C", "Kommentar", "Formhaus: FH-bbbb"), "101", null)));
        ActionResult r = one(client, action(ActionKind.READ, "task", """
                {"relatedAddressId": 100, "data": ["Betreff", "Kommentar"],
                 "filter": {"Kommentar": [{"op": "like", "val": "%FH-bbbb%"}]}}"""));
        assertTrue(r.ok(), r.message());
        assertEquals(1, r.records().size());
        assertEquals("B", r.records().get(0).get("Betreff"));
        assertEquals("[\"100\"]", r.records().get(0).get("relatedAddressId"));
        assertEquals("[\"10\"]", r.records().get(0).get("relatedEstateId"));
        String id = r.records().get(0).id();
        ActionResult byNr = one(client, action(ActionKind.READ, "task",
                "{\"data\": [\"Betreff\"], \"filter\": {\"Nr\": [{\"op\": \"=\", \"val\": " + id + "}]}}"));
        assertEquals(List.of(id), byNr.records().stream().map(OnOfficeRecord::id).toList());
        assertFalse(byNr.records().get(0).elements().has("Nr"));
    }

    @Test
    void listsAppointmentsOfAPeriodFilteredByTheirNotes() throws Exception {
        client.execute(List.of(
                Actions.createAppointment(Map.of("start_dt", "2026-12-01 10:00:00", "end_dt", "2026-12-01 11:00:00",
                        "description", "Besichtigung", "note", "Formhaus: FH-aaaa"), List.of("100"), "10"),
                Actions.createAppointment(Map.of("start_dt", "2026-12-03 10:00:00", "end_dt", "2026-12-03 11:00:00",
                        "note", "Formhaus: FH-aaaa"), List.of("100"), null)));
        ActionResult r = one(client, action(ActionKind.GET, "appointmentList", """
                {"data": ["id", "subject", "notes", "date", "contacts", "estate"],
                 "filter": {"startDate": "2026-11-30", "endDate": "2026-12-02",
                            "notes": [{"op": "like", "val": "%FH-aaaa%"}]}}"""));
        assertTrue(r.ok(), r.message());
        assertEquals(1, r.records().size());
        JsonObject e = r.records().get(0).elements();
        assertEquals("Besichtigung", e.get("subject").getAsString());
        assertEquals("2026-12-01T10:00+01:00", e.getAsJsonObject("date").get("start").getAsString());
        assertEquals("100", e.getAsJsonArray("contacts").get(0).getAsJsonObject().get("id").getAsString());
        assertEquals("10", e.getAsJsonObject("estate").get("id").getAsString());
        assertEquals(0, one(client, action(ActionKind.GET, "appointmentList",
                "{\"filter\": {\"startDate\": \"2026-12-01\", \"endDate\": \"2026-12-03\", "
                        + "\"notes\": [{\"op\": \"like\", \"val\": \"%FH-cccc%\"}]}}")).records().size());
        assertEquals(255, one(client, action(ActionKind.GET, "appointmentList", "{\"filter\": {}}")).errorCode(),
                "the period is mandatory");
        sim.setRights(Map.of("Read appointments", false));
        ActionResult unreadable = one(client, action(ActionKind.GET, "appointmentList",
                "{\"filter\": {\"startDate\": \"2026-12-01\", \"endDate\": \"2026-12-03\"}}"));
        assertTrue(unreadable.ok(), "a missing read right is no error in onOffice");
        assertEquals(0, unreadable.records().size(), "but the answer holds no records");
    }

    @Test
    void answersASearchCriterionsPublicRemarkAsMetaPublicnote() throws Exception {
        one(client, Actions.createSearchCriteria("100", Map.of("vermarktungsart", "kauf",
                "krit_bemerkung_oeffentlich", "Formhaus: FH-aaaa")));
        ActionResult r = one(client, action(ActionKind.GET, "searchcriterias", "{\"mode\": \"internal\", \"ids\": [100]}"));
        JsonObject e = r.records().get(0).elements();
        assertEquals("Formhaus: FH-aaaa", e.getAsJsonObject("_meta").get("publicnote").getAsString());
        assertEquals("100", e.getAsJsonObject("_meta").get("internaladdressid").getAsString());
        assertFalse(e.has("krit_bemerkung_oeffentlich"));
    }

    @Test
    void aFaultLimitedToAnActionLeavesOtherRequestsAlone() throws Exception {
        sim.setFault(FaultMode.HTTP500, 0, 1, "create task");
        assertTrue(one(client, Actions.createAgentsLog(List.of("100"), null, "Email", null, null, Map.of())).ok());
        assertEquals("create task", sim.faultAction(), "a request without the action does not count");
        assertThrows(OnOfficeException.class,
                () -> client.execute(List.of(Actions.createTask(Map.of("Betreff", "x"), "100", null))));
        assertEquals(FaultMode.OK, sim.faultMode(), "count 1: the fault is used up");
        assertNull(sim.faultAction());
        assertTrue(one(client, Actions.createTask(Map.of("Betreff", "y"), "100", null)).ok());
        JsonArray log = sim.requests();
        assertEquals(List.of("ok", "http500", "ok"), List.of(log.get(log.size() - 3), log.get(log.size() - 2),
                log.get(log.size() - 1)).stream().map(e -> e.getAsJsonObject().get("fault").getAsString()).toList());
    }

    // ---- onOffice fidelity (#16): user id or user name per field, unknown fields per module ----------------------------

    @Test
    void eachUserFieldTakesWhatOnOfficeExpectsAndRefusesTheOther() throws Exception {
        // user NAME: address Benutzer, task Verantwortung / Bearbeiter, calendar von
        assertTrue(one(client, Actions.createAddress(Map.of("Name", "A", "Benutzer", "mmakler"), false, false)).ok());
        assertEquals(251, one(client, Actions.createAddress(Map.of("Name", "A", "Benutzer", "17"), false, false))
                .errorCode());
        assertTrue(one(client, Actions.createTask(Map.of("Betreff", "x", "Verantwortung", "mmakler",
                "Bearbeiter", "tteam"), "100", null)).ok());
        ActionResult byId = one(client, Actions.createTask(Map.of("Betreff", "x", "Verantwortung", "17"), "100", null));
        assertEquals(251, byId.errorCode());
        assertEquals("Unknown user 17", byId.message());
        assertEquals(251, one(client, Actions.createTask(Map.of("Betreff", "x", "Bearbeiter", 18), "100", null))
                .errorCode());
        // user ID: estate benutzer, search criteria advisor, agents log userid, calendar subscribers.users
        assertTrue(one(client, Actions.createEstate(Map.of("objektart", "haus", "benutzer", 17))).ok());
        assertEquals(184, one(client, Actions.createEstate(Map.of("objektart", "haus", "benutzer", "mmakler")))
                .errorCode());
        assertEquals(184, one(client, Actions.createSearchCriteria("100", Map.of("advisor", "mmakler"))).errorCode());
        assertEquals(184, one(client, Actions.createAgentsLog(List.of("100"), null, "Email", "Eingang", "x",
                Map.of("userid", "mmakler"))).errorCode());
        Action byName = Actions.createAppointment(Map.of("start_dt", "2026-12-01 10:00:00", "end_dt",
                "2026-12-01 11:00:00"), List.of("100"), null);
        byName.parameters().add("subscribers", JsonParser.parseString("{\"users\": [\"mmakler\"]}"));
        ActionResult refused = one(client, byName);
        assertEquals(301, refused.errorCode());
        assertEquals("Given users has to be an array of IDs", refused.message());
        Action byNumber = Actions.createAppointment(Map.of("start_dt", "2026-12-01 10:00:00", "end_dt",
                "2026-12-01 11:00:00"), List.of("100"), null);
        byNumber.parameters().add("subscribers", JsonParser.parseString("{\"users\": [17]}"));
        assertTrue(one(client, byNumber).ok());
    }

    @Test
    void unknownFieldsAreRefusedWithTheModulesOwnCode() throws Exception {
        ActionResult task = one(client, Actions.createTask(Map.of("JobBeginn", "2026-12-01"), "100", null));
        assertEquals(138, task.errorCode());
        assertEquals("Unknown field in task data", task.message());
        assertEquals(143, one(client, Actions.createEstate(Map.of("Lage", "gut"))).errorCode());
        assertEquals(154, one(client, Actions.createAppointment(Map.of("start_dt", "2026-12-01 10:00:00",
                "end_dt", "2026-12-01 11:00:00", "Frist", "x"), List.of(), null)).errorCode());
        assertTrue(one(client, Actions.createTask(Map.of("Betreff", "x", "Beginnt_am", "2026-12-01",
                "Deadline", "2026-12-02 23:59:59"), "100", null)).ok(), "the documented task fields");
    }
    @Test
    void aPriceOfferIsSetOnceForAnEstateAndAddressAndReadBackFormatted() throws Exception {
        assertTrue(one(client, Actions.priceOffer("10", "100", new java.math.BigDecimal("351000"))).ok());
        assertTrue(one(client, Actions.priceOffer("10", "100", new java.math.BigDecimal("352000.5"))).ok());

        assertEquals(1, sim.records("priceOffer").size(), "a later offer replaces the earlier one");
        ActionResult read = one(client, Action.of(ActionKind.GET, "priceOffer",
                JsonParser.parseString("{\"estateId\": 10, \"addressId\": 100}").getAsJsonObject()));
        assertEquals("352.000,50 €", read.records().get(0).get("priceOffer"));
        ActionResult offered = one(client, Action.of(ActionKind.GET, "idsfromrelation", JsonParser.parseString(
                "{\"relationtype\": \"" + SimPriceOffers.OFFERED + "\", \"parentids\": [100]}").getAsJsonObject()));
        assertEquals("[\"10\"]", offered.records().get(0).elements().get("100").toString(), "offered till now");

        sim.setRight(org.formhaus.onoffice.ApiRight.WRITE_ADDRESSES, false);
        ActionResult refused = one(client, Actions.priceOffer("10", "101", java.math.BigDecimal.ONE));
        assertEquals(261, refused.errorCode());
        assertEquals("Missing write right for address(es) with id(s) 101", refused.message());
    }

    @Test
    void aSearchCriterionsAddressIsReadAsTheAddressSearchcriteriaRelation() throws Exception {
        String id = one(client, Actions.createSearchCriteria("101", Map.of("kaufpreis__bis", "400000"))).firstId();
        ActionResult related = one(client, Action.of(ActionKind.GET, "idsfromrelation", JsonParser.parseString(
                "{\"relationtype\": \"" + SimRelations.SEARCH_CRITERIA + "\", \"parentids\": [101]}")
                .getAsJsonObject()));
        assertEquals("[\"" + id + "\"]", related.records().get(0).elements().get("101").toString());
    }
}
