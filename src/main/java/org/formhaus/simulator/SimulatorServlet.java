package org.formhaus.simulator;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulator over HTTP; mount it at {@code /sandbox/onoffice/*}. Routes (relative to the mount):
 * <ul>
 * <li>{@code POST api/stable/api.php}, {@code POST api/latest/api.php}: the onOffice API; the body is read as JSON
 *     whatever the Content-Type says (onOffice's PHP SDK sends none).</li>
 * <li>{@code GET records/{resourcetype}}, {@code GET mails}, {@code GET requests}, {@code GET fields}: inspection.</li>
 * <li>{@code POST faults} {@code {"mode": "ok|down|slow|http500|timeout-after-commit|invalid-signature|rate-limit",
 *     "latencyMs": N, "count": N, "action": "create task"}} ({@code count} optional: only the next N API requests;
 *     {@code action} optional: only requests carrying that action, named as in the request log); {@code GET faults}.</li>
 * <li>{@code PUT rights} {@code {"<right as on the Rights tab>": false, ...}}; {@code GET rights}.</li>
 * <li>{@code PUT mailboxes} {@code ["info@...", ...]}: the mailboxes assigned to the API user.</li>
 * <li>{@code PUT marketplace} {@code {"claims": ["...", ...]}}: a marketplace API user that needs one of these
 *     claims as {@code extendedclaim} on every action ({@code null}: a plain API user); {@code GET marketplace}.</li>
 * <li>{@code POST reset}: back to the seeded state.</li>
 * </ul>
 * Thread-safe; holds no state of its own besides the {@link Simulator}.
 */
public class SimulatorServlet extends HttpServlet {

    private final transient Simulator simulator;

    public SimulatorServlet(Simulator simulator) {
        if (simulator == null) throw new IllegalArgumentException("The parameter 'simulator' must not be null.");
        this.simulator = simulator;
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = path(req);
        if (Simulator.apiPaths().contains(path)) {
            write(resp, simulator.serve(path, body(req)));
            return;
        }
        switch (path) {
            case "/uploads/expire" -> {
                simulator.expireUploads();
                json(resp, 200, "{\"expired\":true}");
            }
            case "/faults" -> {
                JsonObject o = jsonObject(req, resp);
                if (o == null) return;
                try {
                    FaultMode mode = FaultMode.fromWire(o.has("mode") ? o.get("mode").getAsString() : "ok");
                    long latency = o.has("latencyMs") ? o.get("latencyMs").getAsLong() : 0;
                    int count = o.has("count") ? o.get("count").getAsInt() : -1;
                    String action = o.has("action") && !o.get("action").isJsonNull() ? o.get("action").getAsString() : null;
                    simulator.setFault(mode, latency, count, action);
                    json(resp, 200, faults(mode, latency, simulator.faultAction()));
                } catch (RuntimeException e) {
                    error(resp, 400, e.getMessage());
                }
            }
            case "/reset" -> {
                simulator.reset();
                json(resp, 200, "{\"status\":\"reset\"}");
            }
            default -> error(resp, 404, "No such simulator endpoint: POST " + path);
        }
    }

    @Override
    protected void doPut(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = path(req);
        switch (path) {
            case "/rights" -> {
                JsonObject o = jsonObject(req, resp);
                if (o == null) return;
                Map<String, Boolean> rights = new LinkedHashMap<>();
                try {
                    o.entrySet().forEach(e -> rights.put(e.getKey(), e.getValue().getAsBoolean()));
                    simulator.setRights(rights);
                    json(resp, 200, rightsJson());
                } catch (RuntimeException e) {
                    error(resp, 400, e.getMessage());
                }
            }
            case "/mailboxes" -> {
                try {
                    JsonElement e = JsonParser.parseString(body(req));
                    List<String> boxes = new java.util.ArrayList<>();
                    e.getAsJsonArray().forEach(x -> boxes.add(x.getAsString()));
                    simulator.assignMailboxes(boxes);
                    json(resp, 200, mailboxesJson());
                } catch (RuntimeException ex) {
                    error(resp, 400, "Expected a JSON array of mailbox addresses");
                }
            }
            case "/marketplace" -> {
                JsonObject o = jsonObject(req, resp);
                if (o == null) return;
                try {
                    JsonElement claims = o.get("claims");
                    List<String> list = null;
                    if (claims != null && !claims.isJsonNull()) {
                        list = new java.util.ArrayList<>();
                        for (JsonElement c : claims.getAsJsonArray()) list.add(c.getAsString());
                    }
                    simulator.setMarketplaceClaims(list);
                    json(resp, 200, simulator.marketplace().toString());
                } catch (RuntimeException ex) {
                    error(resp, 400, "claims: expected a JSON array of strings, or null for a plain API user");
                }
            }
            default -> error(resp, 404, "No such simulator endpoint: PUT " + path);
        }
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = path(req);
        if (path.startsWith("/records/") && path.length() > "/records/".length()) {
            json(resp, 200, simulator.records(path.substring("/records/".length())).toString());
            return;
        }
        switch (path) {
            case "/mails" -> json(resp, 200, simulator.mails().toString());
            case "/requests" -> json(resp, 200, simulator.requests().toString());
            case "/rights" -> json(resp, 200, rightsJson());
            case "/faults" -> json(resp, 200, faults(simulator.faultMode(), 0, simulator.faultAction()));
            case "/marketplace" -> json(resp, 200, simulator.marketplace().toString());
            case "/fields" -> json(resp, 200, simulator.fieldCatalogue(
                    "en".equalsIgnoreCase(req.getParameter("lang")) ? "ENG" : "DEU").toString());
            default -> error(resp, 404, "No such simulator endpoint: GET " + path);
        }
    }

    private static String faults(FaultMode mode, long latency, String action) {
        JsonObject o = new JsonObject();
        o.addProperty("mode", mode.wireName());
        o.addProperty("latencyMs", latency);
        if (action != null) o.addProperty("action", action);
        return o.toString();
    }

    private static String path(HttpServletRequest req) {
        String p = req.getPathInfo();
        return p == null ? "/" : p;
    }

    private static String body(HttpServletRequest req) throws IOException {
        return new String(req.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static JsonObject jsonObject(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            String body = body(req);
            return body.isBlank() ? new JsonObject() : JsonParser.parseString(body).getAsJsonObject();
        } catch (RuntimeException e) {
            error(resp, 400, "Expected a JSON object");
            return null;
        }
    }

    private static void write(HttpServletResponse resp, SimReply reply) throws IOException {
        resp.setStatus(reply.status());
        resp.setContentType(reply.contentType());
        reply.headers().forEach(resp::setHeader);
        resp.getOutputStream().write(reply.body().getBytes(StandardCharsets.UTF_8));
    }

    private static void json(HttpServletResponse resp, int status, String body) throws IOException {
        write(resp, SimReply.json(status, body));
    }

    private static void error(HttpServletResponse resp, int status, String message) throws IOException {
        JsonObject o = new JsonObject();
        o.addProperty("error", message);
        json(resp, status, o.toString());
    }

    // Built by hand: the simulator uses no Gson configuration of Formhaus's (it may use nothing of Formhaus but
    // onOffice's wire vocabulary) and needs none of its own.
    private String rightsJson() {
        JsonObject o = new JsonObject();
        simulator.rights().forEach(o::addProperty);
        return o.toString();
    }

    private String mailboxesJson() {
        JsonArray a = new JsonArray();
        simulator.assignedMailboxes().forEach(a::add);
        return a.toString();
    }
}
