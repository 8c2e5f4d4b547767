package org.formhaus.simulator;

import static org.formhaus.simulator.SimJson.str;
import static org.formhaus.simulator.SimJson.strings;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import org.formhaus.onoffice.ApiRight;

/**
 * Relations between records: CREATE relation (every parent with every child, each side visible to the API user) and
 * GET idsfromrelation, which also answers {@code address:searchcriteria} from the search criteria's addresses. The
 * reference calls {@code estate:address:contactPerson} "brokers only" without saying how onOffice refuses another
 * address, so the simulator links any address; relation types are not checked against onOffice's list either. Not thread-safe: called under {@link Simulator}'s lock.
 */
final class SimRelations {

    /** Address → search criteria: read from the search criteria themselves (see {@link #idsFromRelation}). */
    static final String SEARCH_CRITERIA = "urn:onoffice-de-ns:smart:2.5:relationTypes:address:searchcriteria";

    private final SimContext c;

    SimRelations(SimContext context) {
        this.c = context;
    }

    void register(Map<String, SimAction> routes) {
        routes.put("CREATE relation", (id, p) -> create(p));
        routes.put("GET idsfromrelation", (id, p) -> idsFromRelation(p));
    }

    private SimOutcome create(JsonObject p) throws SimError {
        String type = str(p, "relationtype");
        if (type == null) throw SimError.missingParameter("relationtype");
        List<String> parents = strings(p.get("parentid"));
        List<String> children = strings(p.get("childid"));
        if (parents.isEmpty()) throw SimError.missingParameter("parentid");
        if (children.isEmpty()) throw SimError.missingParameter("childid");
        String[] parts = type.replace("urn:onoffice-de-ns:smart:2.5:relationTypes:", "").split(":");
        for (String parent : parents) checkRelated(parts.length > 0 ? parts[0] : "", parent);
        for (String child : children) checkRelated(parts.length > 1 ? parts[1] : "", child);
        for (String parent : parents) {
            for (String child : children) {
                JsonObject rel = new JsonObject();
                rel.addProperty("relationtype", type);
                rel.addProperty("parentid", parent);
                rel.addProperty("childid", child);
                c.s.insert("relation", rel);
            }
        }
        JsonArray records = new JsonArray();
        records.add(SimOutcome.record(0, "relation", new JsonObject()));
        return SimOutcome.of(records);
    }

    /** The related record must exist and be visible to the API user (so an unpublished estate cannot be linked). */
    private void checkRelated(String module, String id) throws SimError {
        switch (module) {
            // a record the API user may not read is "unknown" to it (80), as onOffice says of invisible records
            case "estate" -> c.find("estate", id, e -> c.mayRead(ApiRight.PROPERTY, ApiRight.READ_PROPERTIES)
                    && c.estateVisible(e));
            case "address" -> c.find("address", id, a -> c.mayRead(ApiRight.ADDRESSES, ApiRight.READ_ADDRESSES)
                    && c.addressVisible(a));
            case "calendar" -> c.find("calendar", id, r -> true);
            default -> {
            }
        }
    }

    private SimOutcome idsFromRelation(JsonObject p) throws SimError {
        String type = str(p, "relationtype");
        if (type == null) throw SimError.missingParameter("relationtype");
        boolean byParent = p.has("parentids");
        if (byParent == p.has("childids")) throw SimError.invalid("parentids", "give either parentids or childids");
        List<String> ids = strings(byParent ? p.get("parentids") : p.get("childids"));
        JsonObject related = new JsonObject();
        for (String id : ids) {
            JsonArray found = new JsonArray();
            for (JsonObject rel : c.s.table("relation").values()) {
                if (type.equals(str(rel, "relationtype")) && id.equals(str(rel, byParent ? "parentid" : "childid"))) {
                    found.add(str(rel, byParent ? "childid" : "parentid"));
                }
            }
            if (type.equals(SEARCH_CRITERIA)) {
                // made by CREATE searchcriteria with addressid, the only way a search criterion gets its address
                for (Map.Entry<Long, JsonObject> e : c.s.table("searchcriteria").entrySet()) {
                    String owner = str(e.getValue(), "adresse");
                    if (byParent ? id.equals(owner) : id.equals(String.valueOf(e.getKey()))) {
                        found.add(byParent ? String.valueOf(e.getKey()) : owner);
                    }
                }
            }
            related.add(id, found);
        }
        JsonObject rec = new JsonObject();
        rec.addProperty("id", "relatedIds"); // not a number: onOffice names this record
        rec.addProperty("type", "");
        rec.add("elements", related);
        JsonArray records = new JsonArray();
        records.add(rec);
        return SimOutcome.of(records);
    }
}
