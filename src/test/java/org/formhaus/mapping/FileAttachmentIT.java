package org.formhaus.mapping;

import static org.formhaus.mapping.FormKindsIT.awaitDelivered;
import static org.formhaus.mapping.FormKindsIT.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.formhaus.onoffice.ApiRight;
import org.formhaus.retention.RetentionSweeper;
import org.formhaus.simulator.FaultMode;
import org.formhaus.storage.SubmissionFileStore;
import org.formhaus.storage.SubmissionStore;
import org.formhaus.testing.Await;
import org.formhaus.testing.Multipart;
import org.formhaus.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Uploaded files reach onOffice attached to the record without extra requests: the bytes travel with the first
 * request (DO uploadfile, step one), the link with the last (step two). A retry never attaches a file twice, an
 * expired temporary upload is uploaded again, and retention deletes the stored bytes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FileAttachmentIT {

    static final byte[] PLAN = "Grundriss: Wohnzimmer 30 m², Küche 12 m²".getBytes(StandardCharsets.UTF_8);

    @RegisterExtension
    final TestServer server = TestServer.onMariaDb()
            .with("onoffice.request.timeout.seconds", "3")
            .with("delivery.backoff.base.millis", "100")
            .with("delivery.backoff.max.millis", "200")
            .perTestClass();

    @BeforeAll
    void start() throws Exception {
        server.adminJson("POST", "/admin/api/forms", """
                { "key": "kontakt-datei", "kind": "contact", "title": "Kontakt", "fields": [
                  {"name": "vorname", "type": "text", "label": "Vorname", "maps": "address.Vorname"},
                  {"name": "email", "type": "email", "label": "E-Mail", "required": true, "maps": "address.Email"},
                  {"name": "unterlagen", "type": "file", "label": "Unterlagen", "accept": ["pdf", "txt"]} ] }""");
        String owner = FormKindsIT.OWNER.formatted("verkaufen-datei", "owner");
        server.adminJson("POST", "/admin/api/forms", owner.substring(0, owner.lastIndexOf(']'))
                + ", {\"name\": \"grundriss\", \"type\": \"file\", \"label\": \"Grundriss\", \"accept\": [\"txt\"]} ] }");
    }

    @AfterEach
    void restore() throws Exception {
        server.simulator().right(ApiRight.WRITE_ENTRIES, true);
        server.simulator().right(ApiRight.WRITE_ADDRESSES, true);
        server.simulator().fault(FaultMode.OK);
    }

    @Test
    void aContactFormsFileIsAttachedToTheAddressInTheSameTwoRequests() throws Exception {
        long before = server.simulator().lastRequestSeq();
        JsonObject s = awaitDelivered(server, submitContact("datei@example.org"));

        assertEquals(List.of(List.of("read address", "create address", "do uploadfile"), List.of("create agentslog", "do uploadfile")),
                server.simulator().actionsAfter(before));
        JsonObject file = onlyFileOf("address", record(s, "address"));
        assertEquals("grundriss.txt", file.get("file").getAsString());
        assertEquals("Unterlagen", file.get("title").getAsString());
        assertEquals(PLAN.length, file.get("size").getAsInt());
        assertEquals(sha256(PLAN), file.get("sha256").getAsString());
        assertEquals("ok", s.getAsJsonObject("records").get("file." + fileId(s)).getAsString());

        String log = server.simulator().requests().toString();
        assertFalse(log.contains(java.util.Base64.getEncoder().encodeToString(PLAN)), "no file content in the log");
        assertTrue(log.contains("\"dataBytes\":" + PLAN.length), "the log keeps the size instead");
    }

    @Test
    void anOwnerFormsFileIsAttachedToTheNewEstate() throws Exception {
        Multipart body = new Multipart();
        FormKindsIT.ownerEntry("eigentuemer-datei@example.org").forEach(body::field);
        body.file("grundriss", "grundriss.txt", "text/plain", PLAN);
        long before = server.simulator().lastRequestSeq();
        JsonObject s = awaitDelivered(server, submit("verkaufen-datei", body));

        JsonObject file = onlyFileOf("estate", record(s, "estate"));
        assertEquals("Grundriss", file.get("title").getAsString());
        assertEquals(sha256(PLAN), file.get("sha256").getAsString());
        assertEquals(2, server.simulator().actionsAfter(before).size(), "still two requests");
    }

    @Test
    void aRetryAfterAFailedLastStageDoesNotAttachTheFileAgain() throws Exception {
        server.simulator().right(ApiRight.WRITE_ENTRIES, false);
        String id = submitContact("datei-retry@example.org");
        JsonObject failed = awaitStatus(id, "failed");
        String address = record(failed, "address");
        assertEquals(1, filesOf("address", address).size(), "the link succeeded beside the refused activity");

        server.simulator().right(ApiRight.WRITE_ENTRIES, true);
        long before = server.simulator().lastRequestSeq();
        assertEquals(202, server.admin("POST", "/admin/api/submissions/" + id + "/retry", null).statusCode());
        awaitDelivered(server, id);

        assertEquals(List.of(List.of("create agentslog")), server.simulator().actionsAfter(before));
        assertEquals(1, filesOf("address", address).size(), "attached once");
    }

    @Test
    void anExpiredTemporaryUploadIsUploadedAgainOnTheNextTry() throws Exception {
        // the first request's address create is refused, its upload succeeds; the temporary upload then expires
        server.simulator().right(ApiRight.WRITE_ADDRESSES, false);
        String id = submitContact("datei-abgelaufen@example.org");
        JsonObject failed = awaitStatus(id, "failed");
        assertTrue(failed.getAsJsonObject("records").has("file." + fileId(failed) + ".tmp"), failed.toString());
        server.simulator().expireUploads();

        server.simulator().right(ApiRight.WRITE_ADDRESSES, true);
        long before = server.simulator().lastRequestSeq();
        assertEquals(202, server.admin("POST", "/admin/api/submissions/" + id + "/retry", null).statusCode());
        JsonObject s = awaitDelivered(server, id);

        assertEquals(List.of(List.of("read address", "create address"), List.of("create agentslog", "do uploadfile"),
                List.of("do uploadfile"), List.of("do uploadfile")), server.simulator().actionsAfter(before));
        JsonObject file = onlyFileOf("address", record(s, "address"));
        assertEquals(sha256(PLAN), file.get("sha256").getAsString());
    }

    @Test
    void retentionDeletesTheStoredFileButKeepsTheDeliveryRecord() throws Exception {
        String id = submitContact("datei-vergessen@example.org");
        awaitDelivered(server, id);
        SubmissionFileStore files = new SubmissionFileStore(server.app().database());
        assertEquals(1, files.list(id).size());
        long fileId = files.list(id).get(0).id();

        new RetentionSweeper(new SubmissionStore(server.app().database()), Duration.ofDays(1))
                .sweep(System.currentTimeMillis() + Duration.ofDays(2).toMillis());

        assertEquals(List.of(), files.list(id));
        assertTrue(files.content(fileId).isEmpty());
        JsonObject s = submission(id);
        assertEquals("delivered", s.get("status").getAsString());
        assertEquals("ok", s.getAsJsonObject("records").get("file." + fileId).getAsString());
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    String submitContact(String email) throws Exception {
        Multipart body = new Multipart();
        body.field("vorname", "Dora");
        body.field("email", email);
        body.file("unterlagen", "grundriss.txt", "text/plain", PLAN);
        return submit("kontakt-datei", body);
    }

    String submit(String form, Multipart body) throws Exception {
        HttpResponse<String> reply = server.send(body.post(server.uri("/f/" + form)).header("Accept", "application/json"));
        assertEquals(202, reply.statusCode(), reply.body());
        return JsonParser.parseString(reply.body()).getAsJsonObject().get("id").getAsString();
    }

    JsonObject submission(String id) throws Exception {
        return server.adminJson("GET", "/admin/api/submissions/" + id, null).getAsJsonObject();
    }

    JsonObject awaitStatus(String id, String status) throws Exception {
        return Await.until("submission " + id + " " + status, Duration.ofSeconds(20), () -> {
            JsonObject s = submission(id);
            return s.get("status").getAsString().equals(status) ? s : null;
        });
    }

    long fileId(JsonObject submission) throws Exception {
        return new SubmissionFileStore(server.app().database()).list(submission.get("id").getAsString()).get(0).id();
    }

    List<JsonObject> filesOf(String module, String recordId) throws Exception {
        List<JsonObject> out = new ArrayList<>();
        for (JsonElement e : server.simulator().records("file")) {
            JsonObject f = e.getAsJsonObject();
            if (f.get("module").getAsString().equals(module) && f.get("relatedRecordId").getAsString().equals(recordId)) {
                out.add(f);
            }
        }
        return out;
    }

    JsonObject onlyFileOf(String module, String recordId) throws Exception {
        List<JsonObject> files = filesOf(module, recordId);
        assertEquals(1, files.size(), module + " " + recordId + ": " + server.simulator().records("file"));
        return files.get(0);
    }

    static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }
}
