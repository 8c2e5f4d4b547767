package org.formhaus.simulator;

import static org.formhaus.simulator.SimJson.str;
import static org.formhaus.simulator.SimJson.strOr;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.Locale;
import java.util.Map;
import org.formhaus.onoffice.ApiRight;

/**
 * GET search: a case-insensitive free-text search over addresses, estates or search criteria (the resource id names
 * the module). Not thread-safe: called under {@link Simulator}'s lock.
 */
final class SimSearch {

    private final SimContext c;

    SimSearch(SimContext context) {
        this.c = context;
    }

    void register(Map<String, SimAction> routes) {
        routes.put("GET search", this::search);
    }

    private SimOutcome search(String module, JsonObject p) throws SimError {
        String input = str(p, "input");
        boolean readable = switch (module) {
            case "address" -> c.mayRead(ApiRight.ADDRESSES, ApiRight.READ_ADDRESSES);
            case "estate" -> c.mayRead(ApiRight.PROPERTY, ApiRight.READ_PROPERTIES);
            case "searchcriteria" -> c.mayRead(ApiRight.READ_SEARCH_CRITERIA);
            default -> throw SimError.invalid("resourceid", "search supports address, estate and searchcriteria");
        };
        if (input == null) throw SimError.missingParameter("input");
        if (!readable) return SimOutcome.none();
        String needle = input.toLowerCase(Locale.ROOT);
        JsonArray records = new JsonArray();
        for (Map.Entry<Long, JsonObject> e : c.s.table(module).entrySet()) {
            JsonObject r = e.getValue();
            if (module.equals("address") && !c.addressVisible(r)) continue;
            if (module.equals("estate") && !c.estateVisible(r)) continue;
            if (!r.toString().toLowerCase(Locale.ROOT).contains(needle)) continue;
            records.add(SimOutcome.record(e.getKey(), module, module.equals("address") ? addressHit(r) : otherHit(r)));
        }
        return new SimOutcome(records, (long) records.size());
    }

    private static JsonObject addressHit(JsonObject r) {
        JsonObject el = new JsonObject();
        el.add("customerno", r.has("KdNr") ? r.get("KdNr") : new JsonPrimitive(""));
        el.addProperty("firstname", strOr(r, "Vorname"));
        el.addProperty("surname", strOr(r, "Name"));
        el.addProperty("company", strOr(r, "Zusatz1"));
        el.addProperty("emailaddress", String.join(", ", SimContacts.emails(r)));
        el.addProperty("primaryEmail", SimContacts.first(r, "email"));
        return el;
    }

    private static JsonObject otherHit(JsonObject r) {
        JsonObject el = new JsonObject();
        r.entrySet().forEach(x -> {
            if (!x.getKey().startsWith("_")) el.add(x.getKey(), x.getValue());
        });
        return el;
    }
}
