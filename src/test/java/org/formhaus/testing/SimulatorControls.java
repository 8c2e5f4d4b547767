package org.formhaus.testing;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.formhaus.onoffice.ApiRight;
import org.formhaus.simulator.FaultMode;

/**
 * Typed controls of the onOffice simulator that a {@link TestServer} runs in sandbox mode, over its HTTP endpoints
 * under {@code /sandbox/onoffice/} (the same ones an operator uses): faults, rights, mailboxes, Marketplace claims, and
 * what the simulator holds (records, mails) and received (requests). Reads return the simulator's own JSON, shaped
 * like {@link org.formhaus.simulator.Simulator}'s, so helpers work on either. Thread-safe.
 *
 * <pre>{@code
 * server.simulator().fault(FaultMode.TIMEOUT_AFTER_COMMIT, 4000, 1);
 * server.simulator().right(ApiRight.WRITE_ENTRIES, false);
 * long before = server.simulator().lastRequestSeq();
 * assertEquals(List.of(List.of("create address")), server.simulator().actionsAfter(before));
 * }</pre>
 */
public final class SimulatorControls {

    private final TestServer server;

    SimulatorControls(TestServer server) {
        this.server = server;
    }

    /** Back to the seeded data, all rights, default mailboxes, no fault, empty request log and outbox. */
    public void reset() throws Exception {
        call("POST", "reset", "{}");
    }

    /** {@code mode} for every API request until changed. */
    public void fault(FaultMode mode) throws Exception {
        fault(mode, 0, -1);
    }

    /** {@code mode} with {@code latencyMs} (for slow and timeout-after-commit) until changed. */
    public void fault(FaultMode mode, long latencyMs) throws Exception {
        fault(mode, latencyMs, -1);
    }

    /** {@code mode} for the next {@code count} API requests (a negative count: until changed), then back to ok. */
    public void fault(FaultMode mode, long latencyMs, int count) throws Exception {
        fault(mode, latencyMs, count, null);
    }

    /**
     * As {@link #fault(FaultMode, long, int)}, for the requests that carry {@code action} only (e.g.
     * {@code "create task"}, as {@link #actionsAfter} names actions); the others are served normally.
     */
    public void fault(FaultMode mode, long latencyMs, int count, String action) throws Exception {
        JsonObject body = new JsonObject();
        body.addProperty("mode", mode.wireName());
        body.addProperty("latencyMs", latencyMs);
        body.addProperty("count", count);
        if (action != null) {
            body.addProperty("action", action);
        }
        call("POST", "faults", body.toString());
    }

    /** Normal service again. */
    public void noFault() throws Exception {
        fault(FaultMode.OK);
    }

    /** Grants or takes away one right of the API user (a restriction: switches it on or off). */
    public void right(ApiRight right, boolean granted) throws Exception {
        JsonObject body = new JsonObject();
        body.addProperty(right.label(), granted);
        call("PUT", "rights", body.toString());
    }

    /** The e-mail identities assigned to the API user; none: sending mail fails. */
    public void mailboxes(String... mailboxes) throws Exception {
        call("PUT", "mailboxes", strings(mailboxes).toString());
    }

    /** The Marketplace claims onOffice accepts for the API user; none: a plain API user that sends no claim. */
    public void marketplaceClaims(String... claims) throws Exception {
        JsonObject body = new JsonObject();
        body.add("claims", claims.length == 0 ? null : strings(claims));
        call("PUT", "marketplace", body.toString());
    }

    /** Every upload's temporary id expires now, as onOffice's do after a while. */
    public void expireUploads() throws Exception {
        call("POST", "uploads/expire", "");
    }

    /** The records of one resource type, e.g. "address", "estate", "relation", "file". */
    public JsonArray records(String type) throws Exception {
        return read("records/" + type).getAsJsonArray();
    }

    /** The record of {@code type} with {@code id}; fails the test when there is none. */
    public JsonObject record(String type, String id) throws Exception {
        for (JsonElement e : records(type)) {
            if (e.getAsJsonObject().get("id").getAsString().equals(id)) {
                return e.getAsJsonObject();
            }
        }
        throw new AssertionError("the simulator holds no " + type + " " + id);
    }

    /** The mails sent through the API, oldest first. */
    public JsonArray mails() throws Exception {
        return read("mails").getAsJsonArray();
    }

    /** The mails whose recipients include {@code address}. */
    public List<JsonObject> mailsTo(String address) throws Exception {
        return matching(mails(), m -> m.has("to") && m.get("to").toString().contains("\"" + address + "\""));
    }

    /** The API requests received, oldest first, each with its {@code seq} and {@code actions}. */
    public JsonArray requests() throws Exception {
        return read("requests").getAsJsonArray();
    }

    /** The {@code seq} of the latest request, 0 before any; with {@link #actionsAfter}, what a step caused. */
    public long lastRequestSeq() throws Exception {
        JsonArray all = requests();
        return all.isEmpty() ? 0 : all.get(all.size() - 1).getAsJsonObject().get("seq").getAsLong();
    }

    /** The requests after {@code seq}, each as its actions "kind resourcetype", e.g. "create address". */
    public List<List<String>> actionsAfter(long seq) throws Exception {
        List<List<String>> out = new ArrayList<>();
        for (JsonElement e : requests()) {
            JsonObject request = e.getAsJsonObject();
            if (request.get("seq").getAsLong() > seq) {
                List<String> actions = new ArrayList<>();
                for (JsonElement a : request.getAsJsonArray("actions")) {
                    actions.add(summary(a.getAsJsonObject()));
                }
                out.add(actions);
            }
        }
        return out;
    }

    /** How many actions of all requests so far are of this kind and resource type, e.g. ("create", "address"). */
    public long actionCount(String kind, String resourceType) throws Exception {
        long n = 0;
        for (List<String> request : actionsAfter(0)) {
            n += request.stream().filter((kind + " " + resourceType)::equals).count();
        }
        return n;
    }

    /** "create address" for an action {@code urn:onoffice-api-action:create} on {@code address}. */
    static String summary(JsonObject action) {
        String urn = action.get("actionid").getAsString();
        return urn.substring(urn.lastIndexOf(':') + 1) + " " + action.get("resourcetype").getAsString();
    }

    private static List<JsonObject> matching(JsonArray all, Predicate<JsonObject> test) {
        List<JsonObject> out = new ArrayList<>();
        for (JsonElement e : all) {
            if (test.test(e.getAsJsonObject())) {
                out.add(e.getAsJsonObject());
            }
        }
        return out;
    }

    private static JsonArray strings(String... values) {
        JsonArray array = new JsonArray();
        Arrays.stream(values).forEach(array::add);
        return array;
    }

    private JsonElement read(String path) throws Exception {
        HttpResponse<String> response = server.get("/sandbox/onoffice/" + path);
        if (response.statusCode() != 200) {
            throw new AssertionError("simulator GET " + path + " → " + response.statusCode() + " " + response.body());
        }
        return JsonParser.parseString(response.body());
    }

    private void call(String method, String path, String body) throws Exception {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri("/sandbox/onoffice/" + path))
                .method(method, HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json"));
        if (response.statusCode() != 200) {
            throw new AssertionError("simulator " + method + " " + path + " → " + response.statusCode() + " "
                    + response.body());
        }
    }
}
