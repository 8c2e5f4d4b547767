package org.formhaus.web;

import com.google.gson.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.sql.SQLException;
import java.util.function.BooleanSupplier;
import org.formhaus.http.Json;
import org.formhaus.http.JsonServlet;
import org.formhaus.storage.Database;
import org.formhaus.storage.DeliveryJobStore;

/**
 * The probes, for load balancers, orchestrators and monitoring; none needs credentials and none shows personal data.
 * <ul>
 *   <li>{@code GET /healthz}: 200 when the database answers, 503 otherwise; also the delivery backlog.</li>
 *   <li>{@code GET /livez} (liveness): 200 while this process works, i.e. its delivery loop runs; 503 means only a
 *       restart helps. It does not ask the database: an outage there is no reason to restart.</li>
 *   <li>{@code GET /readyz} (readiness): 200 when this instance can serve, i.e. its database answers with Formhaus's
 *       schema; 503 means send visitors elsewhere for now.</li>
 * </ul>
 * Thread-safe; one per application.
 */
public final class HealthServlet extends JsonServlet {

    /** Where each probe is mounted. */
    public static final String HEALTH = "/healthz";
    public static final String LIVE = "/livez";
    public static final String READY = "/readyz";

    private final Database db;
    private final DeliveryJobStore jobs;
    private final BooleanSupplier deliveryRunning;

    public HealthServlet(Database db, DeliveryJobStore jobs, BooleanSupplier deliveryRunning) {
        this.db = db;
        this.jobs = jobs;
        this.deliveryRunning = deliveryRunning;
    }

    @Override
    protected void get(HttpServletRequest request, HttpServletResponse response) throws Exception {
        switch (request.getServletPath()) {
            case LIVE -> live(response);
            case READY -> ready(response);
            default -> health(response);
        }
    }

    private void health(HttpServletResponse response) throws Exception {
        JsonObject body = new JsonObject();
        boolean up = db.answers();
        body.addProperty("status", up ? "ok" : "unavailable");
        body.addProperty("database", up ? "ok" : "not answering");
        if (up) {
            body.addProperty("pendingDeliveries", jobs.countPending());
        }
        Json.send(response, up ? 200 : 503, body);
    }

    private void live(HttpServletResponse response) throws Exception {
        boolean running = deliveryRunning.getAsBoolean();
        JsonObject body = new JsonObject();
        body.addProperty("status", running ? "ok" : "unavailable");
        body.addProperty("delivery", running ? "running" : "stopped");
        Json.send(response, running ? 200 : 503, body);
    }

    private void ready(HttpServletResponse response) throws Exception {
        JsonObject body = new JsonObject();
        try {
            int pending = jobs.countPending(); // a query on Formhaus's own table: connection and schema both work
            body.addProperty("status", "ok");
            body.addProperty("database", "ok");
            body.addProperty("pendingDeliveries", pending);
            Json.send(response, 200, body);
        } catch (SQLException e) {
            body.addProperty("status", "unavailable");
            body.addProperty("database", "not answering");
            Json.send(response, 503, body);
        }
    }
}
