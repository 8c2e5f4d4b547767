package org.formhaus.simulator;

import static org.formhaus.simulator.SimJson.bool;
import static org.formhaus.simulator.SimJson.str;
import static org.formhaus.simulator.SimJson.strings;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.Map;
import org.formhaus.onoffice.ApiRight;

/**
 * What an account is made of rather than its records: GET users, GET fields (the field catalogue), GET
 * actionkindtypes and GET templates. Not thread-safe: called under {@link Simulator}'s lock.
 */
final class SimMetadata {

    private final SimContext c;

    SimMetadata(SimContext context) {
        this.c = context;
    }

    void register(Map<String, SimAction> routes) {
        routes.put("GET users", (id, p) -> users());
        routes.put("GET fields", (id, p) -> fields(p));
        routes.put("GET actionkindtypes", (id, p) -> actionKindTypes());
        routes.put("GET templates", (id, p) -> templates(p));
    }

    private SimOutcome users() throws SimError {
        if (!c.mayRead(ApiRight.READ_USER_DATA)) throw SimError.refused(170);
        JsonArray records = new JsonArray();
        for (JsonObject u : c.s.users) {
            JsonObject rec = new JsonObject();
            rec.add("id", u.get("id"));
            rec.add("type", JsonNull.INSTANCE);
            rec.add("elements", u.deepCopy());
            records.add(rec);
        }
        return SimOutcome.of(records);
    }

    private SimOutcome fields(JsonObject p) {
        boolean labels = bool(p.get("labels"));
        return SimOutcome.of(c.catalogue.fieldsRecords(strings(p.get("modules")), str(p, "language"), labels));
    }

    private static SimOutcome actionKindTypes() {
        JsonArray records = new JsonArray();
        String[][] kinds = {{"Email", "Eingang", "Ausgang"}, {"Anruf", "Eingang", "Ausgang"},
                {"Termin", "Besichtigung", "Beratung"}, {"Kontaktaufnahme", "Anfrage", "Rückruf"}};
        for (int i = 0; i < kinds.length; i++) {
            JsonObject el = new JsonObject();
            el.addProperty("key", kinds[i][0]);
            el.addProperty("label", kinds[i][0]);
            JsonObject types = new JsonObject();
            for (int j = 1; j < kinds[i].length; j++) types.addProperty(kinds[i][j], kinds[i][j]);
            el.add("types", types);
            el.addProperty("default", kinds[i][1]);
            records.add(SimOutcome.record(i, "actionkind", el));
        }
        return SimOutcome.of(records);
    }

    private void refuseWithout(ApiRight right, int code) throws SimError {
        if (!c.mayRead(right)) throw SimError.refused(code);
    }

    private SimOutcome templates(JsonObject p) throws SimError {
        String type = str(p, "type");
        if (type == null) throw SimError.missingParameter("type");
        switch (type) {
            case "mail" -> refuseWithout(ApiRight.EMAIL_TEMPLATES, 191);
            case "pdfletter" -> refuseWithout(ApiRight.LETTER_TEMPLATES, 246);
            case "pdfform" -> refuseWithout(ApiRight.PDF_FORMS, 245);
            case "pdf", "webexpose" -> {
            }
            default -> throw SimError.invalid("type", "use mail, pdf, pdfletter, pdfform or webexpose");
        }
        JsonArray records = new JsonArray();
        JsonObject el = new JsonObject();
        el.addProperty("title", type.equals("mail") ? "Anfragebestätigung" : "Vorlage " + type);
        if (type.equals("mail")) el.addProperty("subject", "Ihre Anfrage");
        records.add(SimOutcome.record(1, "template", el));
        return SimOutcome.of(records);
    }
}
