package org.formhaus.simulator;

import static org.formhaus.simulator.SimJson.object;
import static org.formhaus.simulator.SimJson.str;
import static org.formhaus.simulator.SimJson.strings;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.formhaus.onoffice.ApiRight;

/**
 * The search criteria resource: CREATE, MODIFY and DELETE searchcriteria (range fields as {@code __von}/{@code __bis}
 * or a two-element array), GET searchcriterias by id or by address (ranges as {@code range_<field>: [from, to]}, the
 * public remark in {@code _meta.publicnote}),
 * GET searchCriteriaFields. Not thread-safe: called
 * under {@link Simulator}'s lock.
 */
final class SimSearchCriteria {

    private static final Set<String> LOCATION = Set.of("range_plz", "range_ort", "range_strasse",
            "range_hausnummer", "range", "range_land", "advisor", "krit_bemerkung");

    /** Written as this field, read back as {@code _meta.publicnote} (apidoc "Get Search criteria"). */
    private static final String PUBLIC_NOTE = "krit_bemerkung_oeffentlich";

    private final SimContext c;

    SimSearchCriteria(SimContext context) {
        this.c = context;
    }

    void register(Map<String, SimAction> routes) {
        routes.put("CREATE searchcriteria", (id, p) -> create(p));
        routes.put("MODIFY searchcriteria", this::modify);
        routes.put("DELETE searchcriteria", (id, p) -> delete(id));
        routes.put("GET searchcriterias", (id, p) -> get(p));
        routes.put("GET searchCriteriaFields", (id, p) ->
                SimOutcome.of(c.catalogue.searchCriteriaRecords(str(p, "language"))));
    }

    private SimOutcome create(JsonObject p) throws SimError {
        c.need("create search criteria", ApiRight.WRITE_SEARCH_CRITERIA);
        if (!c.s.has(ApiRight.WRITE_ADDRESSES)) {
            c.need("create search criteria without write access to addresses",
                    ApiRight.CREATE_SEARCH_CRITERIA_WITHOUT_ADDRESS_WRITE);
        }
        String addressId = str(p, "addressid");
        if (addressId == null) addressId = str(p, "adressid");
        if (addressId == null) throw SimError.missingParameter("addressid");
        c.find("address", addressId, c::addressVisible);
        JsonObject record = new JsonObject();
        record.addProperty("adresse", addressId);
        copy(object(p, "data"), record);
        return SimOutcome.created(c.s.insert("searchcriteria", record), "searchcriteria");
    }

    private SimOutcome modify(String resourceId, JsonObject p) throws SimError {
        c.need("modify search criteria", ApiRight.WRITE_SEARCH_CRITERIA);
        JsonObject record = c.find("searchcriteria", resourceId, r -> true);
        copy(object(p, "data"), record);
        return SimOutcome.created(Long.parseLong(resourceId.trim()), "searchcriteria");
    }

    private SimOutcome delete(String resourceId) throws SimError {
        c.need("delete search criteria", ApiRight.WRITE_SEARCH_CRITERIA);
        c.find("searchcriteria", resourceId, r -> true);
        c.s.table("searchcriteria").remove(Long.parseLong(resourceId.trim()));
        return SimOutcome.success();
    }

    private void copy(JsonObject data, JsonObject record) throws SimError {
        c.userId(data.get("advisor")); // the advisor's user ID
        for (Map.Entry<String, JsonElement> e : data.entrySet()) {
            String k = e.getKey();
            if (LOCATION.contains(k)) {
                record.add(k, e.getValue());
                continue;
            }
            String base = k.replaceFirst("__(von|bis)$", "");
            SimField f = c.fieldOf("searchcriteria", base);
            if (!base.equals(k) && !f.rangeField()) throw SimError.invalid(k, "'" + base + "' is not a range field");
            if (e.getValue().isJsonArray() && f.rangeField()) {
                JsonArray range = e.getValue().getAsJsonArray();
                if (range.size() > 0) record.add(base + "__von", f.check(range.get(0)));
                if (range.size() > 1) record.add(base + "__bis", f.check(range.get(1)));
            } else {
                record.add(k, f.check(e.getValue()));
            }
        }
    }

    /**
     * A stored criterion as GET searchcriterias answers it: plain fields as stored, a range as
     * {@code range_<field>: [from, to]} (apidoc "Get Search criteria"; an open end is {@code ""} here, the reference
     * does not say how onOffice shows it), the public remark only in {@code _meta.publicnote}.
     */
    private static JsonObject answered(JsonObject stored) {
        JsonObject el = new JsonObject();
        for (Map.Entry<String, JsonElement> x : stored.entrySet()) {
            String k = x.getKey();
            if (k.equals(PUBLIC_NOTE)) continue;
            java.util.regex.Matcher range = java.util.regex.Pattern.compile("(.+)__(von|bis)$").matcher(k);
            if (!range.matches()) {
                el.add(k, x.getValue());
                continue;
            }
            String key = "range_" + range.group(1);
            if (!el.has(key)) {
                JsonArray pair = new JsonArray();
                JsonElement from = stored.get(range.group(1) + "__von");
                JsonElement to = stored.get(range.group(1) + "__bis");
                pair.add(from == null || from.isJsonNull() ? new com.google.gson.JsonPrimitive("") : from);
                pair.add(to == null || to.isJsonNull() ? new com.google.gson.JsonPrimitive("") : to);
                el.add(key, pair);
            }
        }
        return el;
    }

    private SimOutcome get(JsonObject p) throws SimError {
        String mode = str(p, "mode");
        if (mode == null) throw SimError.missingParameter("mode");
        if (!c.mayRead(ApiRight.READ_SEARCH_CRITERIA)) return SimOutcome.none();
        List<String> ids = strings(p.get("ids"));
        JsonArray records = new JsonArray();
        for (Map.Entry<Long, JsonObject> e : c.s.table("searchcriteria").entrySet()) {
            String key = mode.equals("searchcriteria") ? String.valueOf(e.getKey()) : str(e.getValue(), "adresse");
            if (!ids.contains(key)) continue;
            JsonObject el = answered(e.getValue());
            JsonObject meta = new JsonObject();
            meta.addProperty("internaladdressid", str(e.getValue(), "adresse"));
            meta.addProperty("status", "1");
            meta.addProperty("publicnote", str(e.getValue(), PUBLIC_NOTE));
            el.add("_meta", meta);
            records.add(SimOutcome.record(e.getKey(), "searchcriteria", el));
        }
        return SimOutcome.of(records);
    }
}
