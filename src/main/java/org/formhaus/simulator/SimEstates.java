package org.formhaus.simulator;

import static org.formhaus.simulator.SimJson.object;
import static org.formhaus.simulator.SimJson.strings;

import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.formhaus.onoffice.ApiRight;

/** The estate resource: READ, CREATE and MODIFY estate. Not thread-safe: called under {@link Simulator}'s lock. */
final class SimEstates {

    private final SimContext c;

    SimEstates(SimContext context) {
        this.c = context;
    }

    void register(Map<String, SimAction> routes) {
        routes.put("READ estate", this::read);
        routes.put("CREATE estate", (id, p) -> create(p));
        routes.put("MODIFY estate", this::modify);
    }

    private SimOutcome read(String resourceId, JsonObject p) throws SimError {
        if (!c.mayRead(ApiRight.PROPERTY, ApiRight.READ_PROPERTIES)) return SimOutcome.none();
        List<String> data = strings(p.get("data"));
        return c.list("estate", resourceId, p, c::estateVisible, (id, e) -> {
            JsonObject out = new JsonObject();
            List<String> fields = data.isEmpty() ? new ArrayList<>(c.catalogue.module("estate").keySet()) : data;
            for (String f : fields) {
                out.add(f, f.equals("Id") ? new JsonPrimitive(String.valueOf(id))
                        : e.has(f) ? e.get(f) : JsonNull.INSTANCE);
            }
            return out;
        });
    }

    private SimOutcome create(JsonObject p) throws SimError {
        c.need("create properties", ApiRight.PROPERTY, ApiRight.WRITE_PROPERTIES);
        JsonObject data = object(p, "data");
        c.needFieldRights("estate", data.keySet(), "write");
        c.userId(data.get("benutzer")); // the supervisor's user ID, not the name
        JsonObject record = new JsonObject();
        record.addProperty("veroeffentlichen", "0");
        record.addProperty("status", "1");
        record.addProperty("verkauft", "0");
        record.addProperty("reserviert", "0");
        c.copyValidated("estate", data, record);
        record.addProperty("geaendert_am", c.now());
        return SimOutcome.created(c.s.insert("estate", record), "estate");
    }

    private SimOutcome modify(String resourceId, JsonObject p) throws SimError {
        c.need("modify properties", ApiRight.PROPERTY, ApiRight.WRITE_PROPERTIES);
        JsonObject data = object(p, "data");
        c.needFieldRights("estate", data.keySet(), "write");
        c.userId(data.get("benutzer"));
        JsonObject record = c.find("estate", resourceId, c::estateVisible);
        c.copyValidated("estate", data, record);
        record.addProperty("geaendert_am", c.now());
        return SimOutcome.created(Long.parseLong(resourceId.trim()), "estate");
    }
}
