package org.formhaus.simulator;

import static org.formhaus.simulator.SimJson.str;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.formhaus.onoffice.ApiRight;

/**
 * DO uploadfile in onOffice's two steps: the bytes first (answered with a temporary upload id), then the link to an
 * estate or address record, which stores a {@code file} record (size and SHA-256, never the bytes). Not thread-safe:
 * called under {@link Simulator}'s lock.
 */
final class SimFiles {

    /** How long a temporary upload waits for its second step (assumed; onOffice does not document it). */
    static final long TMP_UPLOAD_LIFETIME_MS = 60 * 60 * 1000L;

    private final SimContext c;

    SimFiles(SimContext context) {
        this.c = context;
    }

    void register(Map<String, SimAction> routes) {
        // With "data" present onOffice does not perform the second step: it takes the call as (one more) content block.
        routes.put("DO uploadfile", (id, p) -> p.has("data") ? upload(p) : link(p));
    }

    /**
     * uploadfile, first step: keeps the bytes under a new temporary id, or appends them to the upload named by
     * {@code tmpUploadId} (chunked upload), and answers {@code {"id":0,"type":"","elements":{"filesize",
     * "tmpUploadId"}}} as documented. The lack of a right for this step and the lifetime of
     * {@link #TMP_UPLOAD_LIFETIME_MS} are the simulator's assumptions (the reference is silent).
     */
    private SimOutcome upload(JsonObject p) throws SimError {
        String data = str(p, "data");
        if (data == null || data.isEmpty()) throw SimError.missingParameter("data");
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(data);
        } catch (IllegalArgumentException e) {
            throw SimError.invalid("data", "not base64");
        }
        String id = str(p, "tmpUploadId");
        SimState.TmpUpload earlier = id == null ? null : c.s.tmpUploads.get(id);
        if (id != null && earlier == null) {
            throw new SimError(SimError.TMP_UPLOAD_MISSING, "Fileupload is missing temporary upload file");
        }
        if (earlier != null) {
            byte[] joined = java.util.Arrays.copyOf(earlier.data(), earlier.data().length + bytes.length);
            System.arraycopy(bytes, 0, joined, earlier.data().length, bytes.length);
            bytes = joined;
        } else {
            id = "tmp" + c.s.nextTmpUpload++ + "-" + Long.toHexString(c.clock.millis());
        }
        c.s.tmpUploads.put(id, new SimState.TmpUpload(bytes, c.clock.millis()));
        JsonObject el = new JsonObject();
        el.addProperty("filesize", bytes.length);
        el.addProperty("tmpUploadId", id);
        JsonArray records = new JsonArray();
        records.add(SimOutcome.record(0, "", el));
        return SimOutcome.of(records);
    }

    /**
     * uploadfile, second step: needs the right to write the module's records, a temporary upload that exists (each is
     * used once and expires), and a related record the API user can see; stores a {@code file} record.
     */
    private SimOutcome link(JsonObject p) throws SimError {
        String module = str(p, "module");
        if (module == null || module.isBlank()) throw SimError.missingParameter("module");
        switch (module) {
            case "estate" -> c.need("upload files to properties", ApiRight.PROPERTY, ApiRight.WRITE_PROPERTIES);
            case "address" -> c.need("upload files to addresses", ApiRight.ADDRESSES, ApiRight.WRITE_ADDRESSES);
            default -> throw SimError.invalid("module", "'" + module + "' (the simulator attaches files to estate and "
                    + "address records)");
        }
        String tmpId = str(p, "tmpUploadId");
        String related = str(p, "relatedRecordId");
        String fileName = str(p, "file");
        if (tmpId == null || tmpId.isBlank()) throw SimError.missingParameter("tmpUploadId");
        if (related == null || related.isBlank()) throw SimError.missingParameter("relatedRecordId");
        if (fileName == null || fileName.isBlank()) throw SimError.missingParameter("file");
        SimState.TmpUpload upload = c.s.tmpUploads.get(tmpId);
        if (upload == null || c.clock.millis() - upload.receivedMs() > TMP_UPLOAD_LIFETIME_MS) {
            c.s.tmpUploads.remove(tmpId);
            throw new SimError(SimError.TMP_UPLOAD_MISSING, "Fileupload is missing temporary upload file");
        }
        c.find(module, related, module.equals("estate") ? c::estateVisible : c::addressVisible);
        c.s.tmpUploads.remove(tmpId);
        JsonObject file = new JsonObject();
        file.addProperty("module", module);
        file.addProperty("relatedRecordId", related);
        file.addProperty("file", fileName);
        for (String k : new String[]{"title", "Art", "freetext", "documentAttribute"}) {
            if (p.has(k)) file.add(k, p.get(k));
        }
        file.addProperty("size", upload.data().length);
        file.addProperty("sha256", sha256(upload.data()));
        long fileId = c.s.insert("file", file);
        JsonObject el = new JsonObject();
        el.addProperty("filesize", upload.data().length);
        el.addProperty("tmpUploadId", tmpId);
        el.addProperty("fileId", String.valueOf(fileId)); // a string in onOffice's answer
        el.addProperty("success", "success");
        JsonArray records = new JsonArray();
        records.add(SimOutcome.record(0, "", el));
        return SimOutcome.of(records);
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }

    /** Forgets every temporary upload, as if they had expired; the next second step answers record-not-found. */
    void expireUploads() {
        c.s.tmpUploads.clear();
    }
}
