package org.formhaus.web;

import com.google.gson.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.formhaus.http.Json;
import org.formhaus.http.JsonServlet;
import org.formhaus.storage.Database;
import org.formhaus.storage.DeliveryJobStore;

/** {@code GET /healthz}: 200 when the database answers, 503 otherwise; also the delivery backlog. */
public final class HealthServlet extends JsonServlet {

    private final Database db;
    private final DeliveryJobStore jobs;

    public HealthServlet(Database db, DeliveryJobStore jobs) {
        this.db = db;
        this.jobs = jobs;
    }

    @Override
    protected void get(HttpServletRequest request, HttpServletResponse response) throws Exception {
        JsonObject body = new JsonObject();
        boolean up = db.answers();
        body.addProperty("status", up ? "ok" : "unavailable");
        body.addProperty("database", up ? "ok" : "not answering");
        if (up) {
            body.addProperty("pendingDeliveries", jobs.countPending());
        }
        Json.send(response, up ? 200 : 503, body);
    }
}
