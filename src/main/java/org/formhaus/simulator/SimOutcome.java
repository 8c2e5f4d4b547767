package org.formhaus.simulator;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * What one action produced: {@code data.records} and {@code data.meta.cntabsolute} (null when the action does not
 * list). Built fresh per action; the arrays are not shared.
 */
record SimOutcome(JsonArray records, Long cntAbsolute) {

    /** Records without a count. */
    static SimOutcome of(JsonArray records) {
        return new SimOutcome(records, null);
    }

    /**
     * A list read that found nothing: no records, count 0. Also what onOffice answers when the API user lacks the
     * READ right of the module (apidoc:/erste-schritte/ "General hints": a successful response without records).
     */
    static SimOutcome none() {
        return new SimOutcome(new JsonArray(), 0L);
    }

    /** onOffice's answer to a create or modify: the record's id and type, and {@code []} as elements. */
    static SimOutcome created(long id, String type) {
        JsonArray records = new JsonArray();
        JsonObject rec = new JsonObject();
        rec.addProperty("id", id);
        rec.addProperty("type", type);
        rec.add("elements", new JsonArray()); // onOffice sends [] on create
        records.add(rec);
        return of(records);
    }

    /** onOffice's answer to a DO action: one record whose elements say {@code "success": "success"}. */
    static SimOutcome success() {
        JsonObject el = new JsonObject();
        el.addProperty("success", "success");
        JsonArray records = new JsonArray();
        records.add(record(0, "", el));
        return of(records);
    }

    /** One result record: {@code {"id": id, "type": type, "elements": elements}}. */
    static JsonObject record(long id, String type, JsonObject elements) {
        JsonObject rec = new JsonObject();
        rec.addProperty("id", id);
        rec.addProperty("type", type);
        rec.add("elements", elements);
        return rec;
    }
}
