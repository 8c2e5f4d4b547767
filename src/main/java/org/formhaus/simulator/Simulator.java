package org.formhaus.simulator;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.formhaus.onoffice.ActionKind;
import org.formhaus.onoffice.ApiRight;
import org.formhaus.onoffice.RequestSigner;

/**
 * An onOffice enterprise account with one API user, in memory, speaking onOffice's request and response format
 * (see onoffice-api.md). Thread-safe: all state sits behind one lock; injected faults stall outside it. Lives as
 * long as the sandbox or test that created it; {@link #reset()} returns it to the seeded state.
 *
 * <p>What it checks, in this order, like a real server (codes and messages as onoffice-api.md §4.1 lists them):
 * <ol>
 * <li>envelope token unknown → top level {@code {"code":400,"errorcode":22,"message":"not authenticated"}}, no results;</li>
 * <li>per action: unknown actionid → 23 "Missing configuration for actionId "x"";  HMAC v2 wrong or
 *     {@code hmac_version} not 2 → 137 "The HMAC is invalid.";</li>
 * <li>timestamp more than 120 s off the simulator's clock → 136 "Your timestamp is too old or your server time is
 *     wrong." (138 is "Unknown field in task data" in onOffice);</li>
 * <li>unknown resource type for the action → 25 "Missing configuration for resourceType "x"";</li>
 * <li>a missing READ right is no error, as in onOffice (apidoc:/erste-schritte/ "General hints"): READ address,
 *     estate, agentslog, task, calendar, project, GET appointmentList, searchcriterias and search answer 200 with zero
 *     records and {@code cntabsolute} 0; a relation or other write naming a record the API user cannot read gets 80
 *     (the record is "unknown" to it). GET users without "Read user data via API" → 170 "No read permission for this
 *     user"; GET templates and sendmail's {@code templateid} without the template right → 191 "No read access to
 *     email template", 245 (pdf form), 246 (pdf letter) – documented codes and messages, which name no right;</li>
 * <li>write rights of the operation, then rights of single fields → 140 "No permission to &lt;operation&gt;: the API
 *     user lacks the right "&lt;Rights tab label&gt;"". Reference silent on which code each missing write right gives
 *     (its list has 131/174/261/262/253… without saying which right triggers which), current behaviour kept: onOffice
 *     has no code 140; the connection check does not rely on the named right (it attributes a refusal by its probes);</li>
 * <li>parameters: 141 "Unknown field 'X' for module M", 142 "Invalid value for field 'X': ..." (142 is the
 *     simulator's: the reference lists no such code), 143 "Missing parameter: X" (reference silent on a missing
 *     mandatory parameter); a record by id the API user cannot see or that does not exist → 80 "Unknown record. Record
 *     may not exist or the permission rights are not set accordingly for this action."; sendmail from a mailbox not
 *     assigned to the API user → 51 "Invalid email identity"; uploadfile with an unknown, expired or used
 *     tmpUploadId → 129 "Fileupload is missing temporary upload file"; unlockProvider without claim → 193.</li>
 * <li>after a successful unlockProvider (or {@link #setMarketplaceClaims}) the API user is a marketplace API user:
 *     every action without a known {@code extendedclaim} → 193 "parameter extendedclaim is required, but missing,
 *     empty or invalid" (documented).</li>
 * </ol>
 * A failed action carries {@code "data": []}, as onOffice's does. {@code parameters} may be {@code {}} or {@code []},
 * {@code resourceid} {@code ""}, a number or {@code null}; {@code timestamp} and {@code hmac_version} numbers or
 * strings. When any action fails the top-level status is {@code {"code":200,"errorcode":97,"message":"Error in action"}}.
 * A body that is not JSON gets top level {@code {"code":400,"errorcode":1,"message":"malformed request"}} (reference
 * silent on the exact code; 4 "Invalid or malformed JSON" is listed without its status block).
 * Replies use HTTP 200 unless a fault is injected (onOffice does not document its HTTP status codes).
 *
 * <p>Seed data: addresses 100 (unpublished) and 101 (published on the website), estates 10 (published) and 11
 * (unpublished; estate 10's responsible agent is user 17, mmakler), four users, mailboxes info@agentur.example and vertrieb@agentur.example assigned to the API user.
 * New records are unpublished, as in onOffice.
 */
public final class Simulator {

    /** The mailboxes assigned to the API user after {@link #create} and {@link #reset}. */
    public static final List<String> DEFAULT_MAILBOXES = List.of("info@agentur.example", "vertrieb@agentur.example");

    private static final long WINDOW_SECONDS = 120;
    private static final int MAX_LOGGED_REQUESTS = 2000;

    private final String token;
    private final String secret;
    private final Clock clock;
    private final SimCatalogue catalogue = new SimCatalogue();
    private final Object stallLock = new Object();
    private long stallGeneration;

    private SimState state;
    private SimApi api;
    private FaultMode faultMode = FaultMode.OK;
    private long latencyMs;
    private int faultCount = -1;
    /** Only requests carrying this action (e.g. {@code create task}) get the fault; null: every request. */
    private String faultAction;
    private final List<JsonObject> requestLog = new ArrayList<>();
    private long requestSeq;

    private Simulator(String token, String secret, Clock clock) {
        this.token = token;
        this.secret = secret;
        this.clock = clock;
        reset();
    }

    /** A seeded account whose API user has every right (and neither "only published" restriction). */
    public static Simulator create(String token, String secret, Clock clock) {
        if (token == null || token.isBlank()) throw new IllegalArgumentException("The parameter 'token' must not be empty.");
        if (secret == null || secret.isBlank()) throw new IllegalArgumentException("The parameter 'secret' must not be empty.");
        if (clock == null) throw new IllegalArgumentException("The parameter 'clock' must not be null.");
        return new Simulator(token, secret, clock);
    }

    public static Simulator create(String token, String secret) {
        return create(token, secret, Clock.systemUTC());
    }

    public String token() {
        return token;
    }

    // ---- state control ---------------------------------------------------------------------------------------------

    /** Back to the seeded data, all rights, default mailboxes, no fault, empty request log and outbox. */
    public void reset() {
        synchronized (this) {
            state = new SimState();
            api = new SimApi(state, catalogue, clock);
            state.assignedMailboxes.addAll(DEFAULT_MAILBOXES);
            SimSeed.into(state);
            faultMode = FaultMode.OK;
            faultCount = -1;
            faultAction = null;
            requestLog.clear();
        }
        releaseStalls();
    }

    /**
     * Switches fault injection. {@code count} limits the fault to that many API requests (then back to ok); a
     * negative count keeps it until changed. Releases requests currently stalled by a previous fault.
     */
    public void setFault(FaultMode mode, long latencyMs, int count) {
        setFault(mode, latencyMs, count, null);
    }

    /**
     * As {@link #setFault(FaultMode, long, int)}, for the requests that carry {@code action} only (named as the request
     * log names actions: {@code "create task"}, {@code "get appointmentList"}; case-insensitive); other requests are
     * served normally and do not count. A null or blank {@code action} means every request.
     */
    public void setFault(FaultMode mode, long latencyMs, int count, String action) {
        synchronized (this) {
            this.faultMode = mode == null ? FaultMode.OK : mode;
            this.latencyMs = Math.max(0, latencyMs);
            this.faultCount = count == 0 ? -1 : count;
            this.faultAction = action == null || action.isBlank() ? null : action.strip().toLowerCase(Locale.ROOT);
        }
        releaseStalls();
    }

    /** The action a fault is limited to, or null. */
    public synchronized String faultAction() {
        return faultAction;
    }

    public void setFault(FaultMode mode, long latencyMs) {
        setFault(mode, latencyMs, -1);
    }

    public synchronized FaultMode faultMode() {
        return faultMode;
    }

    /**
     * Sets rights by their exact Rights-tab labels, e.g. {@code {"Read user data via API": false}}. For the two
     * restrictions ("Can only ... published on the website") true switches the restriction on.
     *
     * @throws IllegalArgumentException naming an unknown right; nothing is changed then
     */
    public synchronized void setRights(Map<String, Boolean> rights) {
        Map<ApiRight, Boolean> resolved = new LinkedHashMap<>();
        for (Map.Entry<String, Boolean> e : rights.entrySet()) {
            ApiRight r = ApiRight.byLabel(e.getKey()).orElseThrow(() -> new IllegalArgumentException(
                    "Unknown right '" + e.getKey() + "'; use the label of onOffice's Rights tab, e.g. 'Read addresses'"));
            resolved.put(r, Boolean.TRUE.equals(e.getValue()));
        }
        resolved.forEach((r, on) -> {
            if (on) state.rights.add(r); else state.rights.remove(r);
        });
    }

    public synchronized void setRight(ApiRight right, boolean on) {
        if (on) state.rights.add(right); else state.rights.remove(right);
    }

    /** Every right by label → whether it is on. */
    public synchronized Map<String, Boolean> rights() {
        Map<String, Boolean> out = new LinkedHashMap<>();
        for (ApiRight r : ApiRight.values()) out.put(r.label(), state.rights.contains(r));
        return out;
    }

    /**
     * Makes the API user a marketplace API user whose calls are accepted only with one of {@code claims} as
     * {@code extendedclaim} (as after an activation, with the claims of later service calls); {@code null} makes it a
     * plain API user again.
     */
    public synchronized void setMarketplaceClaims(List<String> claims) {
        state.validClaims.clear();
        state.marketplace = claims != null;
        if (claims != null) state.validClaims.addAll(claims);
    }

    /** Whether the API user is a marketplace API user, and how many claims it accepts (never the claims). */
    public synchronized JsonObject marketplace() {
        JsonObject o = new JsonObject();
        o.addProperty("enabled", state.marketplace);
        o.addProperty("claims", state.validClaims.size());
        return o;
    }

    /** Replaces the mailboxes (email identities) assigned to the API user. */
    public synchronized void assignMailboxes(List<String> mailboxes) {
        state.assignedMailboxes.clear();
        state.assignedMailboxes.addAll(mailboxes);
    }

    public synchronized List<String> assignedMailboxes() {
        return List.copyOf(state.assignedMailboxes);
    }

    // ---- inspection ------------------------------------------------------------------------------------------------

    /** The records of a resource type (address, estate, searchcriteria, relation, agentslog, task, calendar, file). */
    public synchronized JsonArray records(String resourceType) {
        JsonArray out = new JsonArray();
        state.table(resourceType).forEach((id, r) -> {
            JsonObject o = r.deepCopy();
            o.addProperty("id", id);
            out.add(o);
        });
        return out;
    }

    /** Forgets every temporary upload (uploadfile's first step), as if they had expired. */
    public synchronized void expireUploads() {
        api.expireUploads();
    }

    /** The e-mails the API user was asked to send, oldest first. */
    public synchronized JsonArray mails() {
        JsonArray out = new JsonArray();
        state.mails.forEach(m -> out.add(m.deepCopy()));
        return out;
    }

    /** The HTTP requests received on the API paths with their actions (hmac left out), oldest first. */
    public synchronized JsonArray requests() {
        JsonArray out = new JsonArray();
        requestLog.forEach(r -> out.add(r.deepCopy()));
        return out;
    }

    public synchronized int requestCount() {
        return requestLog.size();
    }

    /** GET fields as the API answers it, for the given language (DEU or ENG), all modules. */
    public JsonArray fieldCatalogue(String language) {
        return catalogue.fieldsRecords(List.of(), language, true);
    }

    // ---- the API ---------------------------------------------------------------------------------------------------

    /** Serves one HTTP request to the API path: applies the fault, processes, logs. May block while a fault stalls. */
    SimReply serve(String path, String body) {
        FaultMode mode;
        long latency;
        synchronized (this) {
            boolean selected = faultAction == null || actionNames(body).contains(faultAction);
            mode = selected ? faultMode : FaultMode.OK;
            latency = latencyMs;
            if (selected && faultCount > 0 && --faultCount == 0) {
                faultMode = FaultMode.OK;
                faultCount = -1;
                faultAction = null;
            }
        }
        if (mode == FaultMode.SLOW) stall(latency);
        switch (mode) {
            case DOWN -> {
                log(path, body, 503, mode);
                return new SimReply(503, "text/plain; charset=UTF-8", "Service Unavailable", Map.of());
            }
            case HTTP500 -> {
                log(path, body, 500, mode);
                return SimReply.json(500, topLevel(500, 500, "server error").toString());
            }
            case RATE_LIMIT -> {
                log(path, body, 429, mode);
                return new SimReply(429, "text/plain; charset=UTF-8", "Too Many Requests", Map.of("Retry-After", "1"));
            }
            default -> {
            }
        }
        String reply;
        synchronized (this) {
            reply = process(body, mode == FaultMode.INVALID_SIGNATURE).toString();
            log(path, body, 200, mode);
        }
        if (mode == FaultMode.TIMEOUT_AFTER_COMMIT) {
            stall(latency > 0 ? latency : 60_000);
        }
        return SimReply.json(200, reply);
    }

    /** The request's actions as {@code "<action> <resourcetype>"}, lower case: {@code create task}. */
    private static Set<String> actionNames(String body) {
        Set<String> names = new HashSet<>();
        try {
            JsonObject doc = JsonParser.parseString(body).getAsJsonObject();
            for (JsonElement a : doc.getAsJsonObject("request").getAsJsonArray("actions")) {
                String actionId = nz(SimJson.str(a.getAsJsonObject(), "actionid"));
                names.add((actionId.substring(actionId.lastIndexOf(':') + 1) + " "
                        + nz(SimJson.str(a.getAsJsonObject(), "resourcetype"))).toLowerCase(Locale.ROOT));
            }
        } catch (RuntimeException e) {
            // unparseable: carries no action
        }
        return names;
    }

    private JsonObject process(String body, boolean forceBadSignature) {
        JsonObject doc;
        try {
            doc = JsonParser.parseString(body == null ? "" : body).getAsJsonObject();
        } catch (RuntimeException e) {
            return topLevel(400, 1, "malformed request");
        }
        if (!token.equals(SimJson.str(doc, "token"))) {
            return topLevel(400, 22, "not authenticated");
        }
        JsonElement request = doc.get("request");
        JsonElement actions = request != null && request.isJsonObject() ? request.getAsJsonObject().get("actions") : null;
        if (actions == null || !actions.isJsonArray()) {
            return topLevel(400, 1, "malformed request: request.actions missing");
        }
        JsonArray results = new JsonArray();
        boolean failed = false;
        for (JsonElement a : actions.getAsJsonArray()) {
            JsonObject result = runAction(a.isJsonObject() ? a.getAsJsonObject() : new JsonObject(), forceBadSignature);
            failed |= result.getAsJsonObject("status").get("errorcode").getAsInt() != 0;
            results.add(result);
        }
        JsonObject reply = failed ? topLevel(200, 97, "Error in action") : topLevel(200, 0, "OK");
        reply.getAsJsonObject("response").add("results", results);
        return reply;
    }

    private JsonObject runAction(JsonObject a, boolean forceBadSignature) {
        String actionId = nz(SimJson.str(a, "actionid"));
        String type = nz(SimJson.str(a, "resourcetype"));
        String resourceId = nz(SimJson.str(a, "resourceid"));
        JsonObject result = new JsonObject();
        result.addProperty("actionid", actionId);
        result.addProperty("resourceid", resourceId);
        result.addProperty("resourcetype", type);
        // GET priceOffer is documented as not cacheable (onoffice-api.md §3 "cacheable")
        result.addProperty("cacheable", (actionId.endsWith(":read") || actionId.endsWith(":get"))
                && !type.equals("priceOffer"));
        result.addProperty("identifier", nz(SimJson.str(a, "identifier")));
        JsonObject data = new JsonObject();
        JsonObject meta = new JsonObject();
        meta.add("cntabsolute", JsonNull.INSTANCE);
        data.add("meta", meta);
        data.add("records", new JsonArray());
        result.add("data", data);
        int code = 0;
        String message = "OK";
        try {
            ActionKind kind = kind(actionId);
            checkSignature(a, actionId, type, forceBadSignature);
            JsonElement p = a.get("parameters");
            SimOutcome outcome = api.run(kind, type, resourceId, p != null && p.isJsonObject() ? p.getAsJsonObject() : new JsonObject());
            data.add("records", outcome.records());
            if (outcome.cntAbsolute() != null) meta.addProperty("cntabsolute", outcome.cntAbsolute());
        } catch (SimError e) {
            code = e.code;
            message = e.getMessage();
            result.add("data", new JsonArray()); // onOffice sends "data": [] with a failed action
        }
        JsonObject status = new JsonObject();
        status.addProperty("errorcode", code);
        status.addProperty("message", message);
        result.add("status", status);
        return result;
    }

    private static ActionKind kind(String actionId) throws SimError {
        try {
            return ActionKind.fromUrn(actionId);
        } catch (IllegalArgumentException e) {
            throw new SimError(SimError.UNKNOWN_ACTION_ID, "Missing configuration for actionId \"" + actionId + "\"");
        }
    }

    private void checkSignature(JsonObject a, String actionId, String type, boolean forceBad) throws SimError {
        long timestamp;
        try {
            timestamp = Long.parseLong(nz(SimJson.str(a, "timestamp")).trim());
        } catch (NumberFormatException e) {
            throw new SimError(SimError.TIMESTAMP_INVALID, SimError.TIMESTAMP_MESSAGE);
        }
        String expected = RequestSigner.sign(secret, timestamp, token, type, actionId);
        if (forceBad || !"2".equals(SimJson.str(a, "hmac_version")) || !expected.equals(SimJson.str(a, "hmac"))) {
            throw new SimError(SimError.HMAC_INVALID, SimError.HMAC_MESSAGE);
        }
        if (Math.abs(clock.instant().getEpochSecond() - timestamp) > WINDOW_SECONDS) {
            throw new SimError(SimError.TIMESTAMP_INVALID, SimError.TIMESTAMP_MESSAGE);
        }
    }

    private static JsonObject topLevel(int code, int errorCode, String message) {
        JsonObject status = new JsonObject();
        status.addProperty("code", code);
        status.addProperty("errorcode", errorCode);
        status.addProperty("message", message);
        JsonObject response = new JsonObject();
        response.add("results", new JsonArray());
        JsonObject doc = new JsonObject();
        doc.add("status", status);
        doc.add("response", response);
        return doc;
    }

    private synchronized void log(String path, String body, int httpStatus, FaultMode mode) {
        JsonObject entry = new JsonObject();
        entry.addProperty("seq", ++requestSeq);
        entry.addProperty("receivedAt", Instant.now(clock).toString());
        entry.addProperty("path", path);
        entry.addProperty("fault", mode.wireName());
        entry.addProperty("httpStatus", httpStatus);
        JsonArray actions = new JsonArray();
        try {
            JsonObject doc = JsonParser.parseString(body).getAsJsonObject();
            for (JsonElement a : doc.getAsJsonObject("request").getAsJsonArray("actions")) {
                JsonObject copy = a.getAsJsonObject().deepCopy();
                copy.remove("hmac"); // never keep signatures around (replayable within 120 s)
                abbreviateUpload(copy);
                actions.add(copy);
            }
        } catch (RuntimeException e) {
            entry.addProperty("unparseable", true);
        }
        entry.add("actions", actions);
        requestLog.add(entry);
        if (requestLog.size() > MAX_LOGGED_REQUESTS) requestLog.remove(0);
    }

    /** An uploadfile's base64 {@code data} is logged as its decoded size: the log must not hold the files. */
    private static void abbreviateUpload(JsonObject action) {
        JsonElement p = action.get("parameters");
        if (!"uploadfile".equals(SimJson.str(action, "resourcetype")) || p == null || !p.isJsonObject()) return;
        JsonElement data = p.getAsJsonObject().get("data");
        if (data != null && data.isJsonPrimitive()) {
            String b64 = data.getAsString();
            int padding = b64.endsWith("==") ? 2 : b64.endsWith("=") ? 1 : 0;
            p.getAsJsonObject().remove("data");
            p.getAsJsonObject().addProperty("dataBytes", Math.max(0, b64.length() / 4 * 3 - padding));
        }
    }

    // ---- stalls ------------------------------------------------------------------------------------------------------

    private void stall(long millis) {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        synchronized (stallLock) {
            long generation = stallGeneration;
            try {
                long left;
                while (generation == stallGeneration && (left = (deadline - System.nanoTime()) / 1_000_000L) > 0) {
                    stallLock.wait(left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Wakes requests stalled by slow/timeout-after-commit, e.g. before a server stops. */
    public void releaseStalls() {
        synchronized (stallLock) {
            stallGeneration++;
            stallLock.notifyAll();
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    static Set<String> apiPaths() {
        return Set.of("/api/stable/api.php", "/api/latest/api.php");
    }
}
